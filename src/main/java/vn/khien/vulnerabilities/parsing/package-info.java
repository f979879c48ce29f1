/**
 * Pure parsing layer of vulnerability-scan import: scanner report in, {@link
 * vn.khien.vulnerabilities.parsing.ParsedFinding}s out. No database, no Spring beans.
 *
 * <h2>Entry point</h2>
 * <pre>{@code
 * ReportParsers parsers = new ReportParsers();          // stateless, thread-safe
 * String usedFormat = parsers.parse(formatOrNull, upload, finding -> importer.add(finding));
 * }</pre>
 * A null/blank format is detected from the content ({@link vn.khien.vulnerabilities.parsing.FormatDetector}), by
 * asking each parser's own {@link vn.khien.vulnerabilities.parsing.Recognition} (ADR 0011); the parsers are found in
 * the {@code formats} sub-package, each with its test and its reports under {@code src/test/resources/reports/<format>/}.
 * An empty file with its format stated is a report of zero findings;
 * a .zip holding exactly one report is unpacked on the fly with zip-bomb limits
 * ({@link vn.khien.vulnerabilities.parsing.ZipReportUnpacker}). Formats: nessus, openvas,
 * nuclei, trivy, sarif, zap, burp, nmap, qualys, qualys_infrascan_webgui, qualys_webapp,
 * acunetix, generic (XML / JSON / CSV variants of a format share one name).
 *
 * <h2>Streaming and memory</h2>
 * XML is read with StAX ({@link vn.khien.vulnerabilities.parsing.SafeXml}), JSON with the
 * Jackson 3 token stream, CSV with commons-csv; only one report item (one ReportItem, one
 * SARIF result, one Trivy vulnerability...) is materialised at a time. Formats that merge items
 * inside one file (Nessus, OpenVAS, Nuclei, Burp, Nmap, Acunetix, Qualys WAS, Qualys VM CSV, Generic CSV) keep
 * one builder per merge key until end of input ({@link vn.khien.vulnerabilities.parsing.FindingMerger}):
 * memory grows with distinct findings and their locations, not with file size. Qualys VM XML
 * puts its glossary after the hosts; its host items are spilled to a temporary file until the
 * glossary is read. SARIF holds at most 10,000 results of a run while waiting for the run's
 * invocation date.
 *
 * <h2>Errors and the all-or-nothing contract</h2>
 * Every problem surfaces as the checked {@link vn.khien.vulnerabilities.parsing.ReportFormatException}
 * whose message says what and where (line/column and element, JSON path, CSV row, zip entry).
 * Findings are delivered while parsing, so when parse throws the caller must discard those it
 * already received (run the import in one transaction). Exceptions thrown by the caller's sink
 * propagate unchanged.
 *
 * <h2>Security</h2>
 * DTDs are never processed: no external entities (XXE), no external DTD fetch, no entity
 * expansion; DOCTYPE lines alone are tolerated. JDK parser RuntimeExceptions are converted.
 */
@NullMarked
package vn.khien.vulnerabilities.parsing;

import org.jspecify.annotations.NullMarked;
