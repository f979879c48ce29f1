package vn.khien.vulnerabilities.parsing;

import java.io.BufferedInputStream;
import java.util.Collection;

/**
 * Guesses the report format from the first {@link Sniff#HEAD_BYTES} bytes. It knows no format: it reads the head
 * once ({@link ReportHead}) and asks each parser's own {@link Recognition}, the specific ones first and the
 * fallbacks (the generic format) after them. The stream is left unconsumed (mark/reset).
 */
public final class FormatDetector {

    private FormatDetector() {}

    /**
     * Returns the format name of the parser that recognises the content, among the standard parsers.
     *
     * @throws ReportFormatException when the content matches no supported format or is empty
     */
    public static String detect(BufferedInputStream in) throws ReportFormatException {
        return detect(in, ReportParsers.discovered());
    }

    /** As {@link #detect(BufferedInputStream)}, among {@code parsers} (in the order given). */
    public static String detect(BufferedInputStream in, Collection<ReportParser> parsers) throws ReportFormatException {
        if (ZipReportUnpacker.isZip(in)) {
            throw new ReportFormatException(
                    "This is a zip archive; ReportParsers.parse unpacks it before detection", "start of file");
        }
        return detect(ReportHead.of(Sniff.head(in, Sniff.HEAD_BYTES)), parsers);
    }

    static String detect(ReportHead head, Collection<ReportParser> parsers) throws ReportFormatException {
        if (head.syntax() == Sniff.Syntax.EMPTY) {
            throw new ReportFormatException("Empty file: the report format cannot be detected", "start of file");
        }
        for (boolean fallback : new boolean[] {false, true}) {
            for (ReportParser p : parsers) {
                Recognition r = p.recognition();
                if (r.fallback() == fallback && r.matches(head)) {
                    return p.format();
                }
            }
        }
        switch (head.syntax()) {
            case XML:
                if (head.xmlRoot() == null) {
                    throw new ReportFormatException("XML without a recognisable root element", "start of file");
                }
                throw new ReportFormatException(
                        "Unsupported XML report: root element <" + head.xmlRoot() + "> is not a known scanner format",
                        "root element");
            case JSON:
                throw new ReportFormatException(
                        "Unsupported JSON report: top-level keys " + head.jsonKeys() + " match no known scanner format",
                        "JSON path '/'");
            default:
                throw new ReportFormatException(
                        "Unsupported CSV report: header [" + head.csvHeader().strip()
                                + "] matches no known scanner format",
                        "CSV header (line 1)");
        }
    }
}
