package vn.khien.vulnerabilities.parsing.formats;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import vn.khien.vulnerabilities.parsing.CsvReports;
import vn.khien.vulnerabilities.parsing.FindingMerger;
import vn.khien.vulnerabilities.parsing.Location;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Recognition;
import vn.khien.vulnerabilities.parsing.ReportFormatException;
import vn.khien.vulnerabilities.parsing.ReportParser;
import vn.khien.vulnerabilities.parsing.SafeXml;
import vn.khien.vulnerabilities.parsing.Severity;
import vn.khien.vulnerabilities.parsing.Sniff;
import vn.khien.vulnerabilities.parsing.Text;
import vn.khien.vulnerabilities.parsing.XmlCursor;
import vn.khien.vulnerabilities.parsing.XmlNode;

/**
 * Qualys VM scan report: XML (ASSET_DATA_REPORT) and CSV. One finding per VULN_INFO per host
 * (XML, as the reference importer does); one finding per QID with one location per host (CSV, issue 9 point 22). Title {@code QID-<qid> | <title>}; severity 1-5 maps to
 * Info..Critical; date = LAST_FOUND.
 *
 * <p>Streaming: the XML puts the GLOSSARY (titles, severities, CVEs) AFTER the host list, so
 * host items seen before it are spilled in compact form to a temporary file
 * ({@link QualysSpill}) and replayed once the glossary is known; heap use stays bounded by the
 * glossary (distinct QIDs).
 */
final class QualysParser implements ReportParser {
    static final String TOOL = "Qualys";

    @Override
    public String format() {
        return "qualys";
    }

    /** Recognised by its root element, or the QID and title columns of a CSV export. */
    @Override
    public Recognition recognition() {
        return Recognition.xmlRoot("ASSET_DATA_REPORT")
                .or(Recognition.csv(h -> h.hasAnyColumn("qid") && h.hasAnyColumn("title", "vuln title")));
    }

    @Override
    public void parse(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        BufferedInputStream b = Sniff.buffered(in);
        if (Sniff.syntax(b) == Sniff.Syntax.XML) {
            parseXml(b, sink);
        } else {
            parseCsv(b, sink);
        }
    }

    /** Glossary entry for one QID. */
    static final class Qid {
        @Nullable
        String title;

        Severity severity = Severity.INFO;

        @Nullable
        String threat;

        @Nullable
        String impact;

        @Nullable
        String solution;

        @Nullable
        String cvss3Vector;

        @Nullable
        Double cvss3Score;

        final List<String> cves = new ArrayList<>();
    }

    private void parseXml(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        Map<String, Qid> glossary = new HashMap<>();
        boolean glossaryDone = false;
        try (XmlCursor x = SafeXml.open(in);
                QualysSpill spill = new QualysSpill()) {
            String root = x.rootElement();
            if (!root.equals("ASSET_DATA_REPORT")) {
                throw x.error(
                        "Not a Qualys VM report: root element is <" + root + ">, expected <ASSET_DATA_REPORT>", null);
            }
            String name;
            while ((name = x.nextStart()) != null) {
                if (name.equals("HOST")) {
                    XmlNode host = x.readNode();
                    String hostName = host.childText("DNS") != null ? host.childText("DNS") : host.childText("IP");
                    XmlNode list = host.child("VULN_INFO_LIST");
                    if (list == null) continue;
                    for (XmlNode v : list.children("VULN_INFO")) {
                        String[] item = {
                            v.childText("QID"),
                            hostName,
                            v.childText("PORT"),
                            v.childText("PROTOCOL"),
                            v.childText("LAST_FOUND"),
                            v.childText("CVSS3_FINAL"),
                            v.childText("RESULT")
                        };
                        if (glossaryDone) sink.accept(build(item, glossary));
                        else spill.write(item);
                    }
                } else if (name.equals("VULN_DETAILS")) {
                    XmlNode d = x.readNode();
                    glossary.put(d.childText("QID"), qid(d));
                } else if (name.equals("APPENDICES")) {
                    glossaryDone = true;
                    for (String[] item : spill.replay()) sink.accept(build(item, glossary));
                }
            }
            for (String[] item : spill.replay()) sink.accept(build(item, glossary));
        }
    }

    private static Qid qid(XmlNode d) {
        Qid q = new Qid();
        q.title = d.childText("TITLE");
        q.severity = level(Text.parseInt(d.childText("SEVERITY")));
        q.threat = d.childText("THREAT");
        q.impact = d.childText("IMPACT");
        q.solution = d.childText("SOLUTION");
        String base = d.pathText("CVSS3_SCORE", "CVSS3_BASE"); // "9.0 (AV:N/AC:H/...)"
        if (base != null) {
            int paren = base.indexOf('(');
            q.cvss3Score = Text.parseDouble(paren > 0 ? base.substring(0, paren) : base);
            if (paren > 0 && base.endsWith(")"))
                q.cvss3Vector = "CVSS:3.0/" + base.substring(paren + 1, base.length() - 1);
        }
        XmlNode cves = d.child("CVE_ID_LIST");
        if (cves != null) {
            for (XmlNode c : cves.children("CVE_ID")) q.cves.add(c.childText("ID"));
        }
        return q;
    }

    private static ParsedFinding build(String[] item, Map<String, Qid> glossary) {
        Qid q = glossary.getOrDefault(item[0], new Qid());
        ParsedFinding.Builder b = ParsedFinding.builder(TOOL)
                .title("QID-" + item[0] + (q.title == null ? "" : " | " + q.title))
                .severity(q.severity)
                .vulnIdFromTool(item[0])
                .description(join(q.threat, item[6]))
                .impact(q.impact)
                .solution(q.solution)
                .date(Text.date(item[4], false));
        Double finalScore = Text.parseDouble(item[5]);
        if (finalScore != null) {
            b.cvssV3Score(finalScore); // host-specific final score; the glossary vector does not apply to it
        } else {
            b.cvssV3(q.cvss3Vector, q.cvss3Score);
        }
        q.cves.forEach(b::addVulnerabilityId);
        b.addLocation(Location.endpoint(item[1], Text.parseInt(item[2]), item[3]));
        return b.build();
    }

    /** Qualys 1-5 levels in the default (five-level) reading. */
    static Severity level(@Nullable Integer l) {
        if (l == null) return Severity.INFO;
        switch (l) {
            case 5:
                return Severity.CRITICAL;
            case 4:
                return Severity.HIGH;
            case 3:
                return Severity.MEDIUM;
            case 2:
                return Severity.LOW;
            default:
                return Severity.INFO;
        }
    }

    /**
     * CSV: one row per QID per host. Rows of the same QID are one finding (the check is the finding, each host one of
     * its places: a merged key, as for Nessus), held until the end of the file; its severity is the highest any row
     * gives, its CVEs the union, and each host's result adds a line of detail. A row without a QID is keyed by title.
     */
    private void parseCsv(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        FindingMerger<String> merger = new FindingMerger<>();
        CsvReports.read(in, "Qualys", new String[] {"QID"}, row -> {
            String qid = row.get("QID");
            String title = row.first("Title", "VULN TITLE");
            String key;
            if (qid != null) {
                key = "qid:" + qid;
            } else if (title != null) {
                key = "title:" + title.toLowerCase(Locale.ROOT);
            } else {
                return;
            }
            String sev = row.first("Severity", "SEVERITY");
            Integer level = Text.parseInt(sev);
            Severity severity = level != null ? level(level) : Severity.fromWordOr(sev, Severity.INFO);
            String host = row.first("DNS", "FQDN", "HOSTNAME", "IP");
            String result = row.first("Results", "RESULT");
            boolean first = !merger.contains(key);
            ParsedFinding.Builder b = merger.get(
                    key,
                    () -> ParsedFinding.builder(TOOL)
                            .title("QID-" + qid + (title == null ? "" : " | " + title))
                            .severity(severity)
                            .vulnIdFromTool(qid)
                            .mergedKey()
                            .description(join(row.get("Threat"), result))
                            .impact(row.get("Impact"))
                            .solution(row.get("Solution"))
                            .cvssV3(null, Text.parseDouble(row.first("CVSS3 Base", "CVSS3")))
                            .date(Text.date(row.first("Last Detected", "LAST SCAN"), false)) // month-first slash dates
                            .falsePositive("Approved".equalsIgnoreCase(row.get("FALSE POSITIVE STATUS"))));
            b.countOccurrence();
            if (!first) {
                Severity held = b.severity();
                if (held == null || severity.ordinal() < held.ordinal()) b.severity(severity); // CRITICAL first
                if (result != null) b.appendDescription((host == null ? "" : host + ": ") + result);
            }
            String cves = row.first("CVE ID", "CVEID");
            if (cves != null) {
                for (String c : cves.split("[,\\s]+")) b.addVulnerabilityIdOnce(c);
            }
            b.addLocationOnce(Location.endpoint(
                    host, Text.parseInt(row.first("Port", "PORT")), row.first("Protocol", "PROTOCOL")));
        });
        merger.emitAll(sink);
    }

    private static @Nullable String join(@Nullable String a, @Nullable String b) {
        if (a == null) return b;
        if (b == null) return a;
        return a + "\n\n" + b;
    }
}
