package vn.khien.vulnerabilities.parsing.formats;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import vn.khien.vulnerabilities.parsing.FindingMerger;
import vn.khien.vulnerabilities.parsing.HttpExchange;
import vn.khien.vulnerabilities.parsing.Location;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Recognition;
import vn.khien.vulnerabilities.parsing.ReportFormatException;
import vn.khien.vulnerabilities.parsing.ReportParser;
import vn.khien.vulnerabilities.parsing.SafeXml;
import vn.khien.vulnerabilities.parsing.Severity;
import vn.khien.vulnerabilities.parsing.Text;
import vn.khien.vulnerabilities.parsing.XmlCursor;
import vn.khien.vulnerabilities.parsing.XmlNode;

/**
 * Qualys Web Application Scanning (WAS) XML report. Findings are keyed by QID (one per QID,
 * each detection adds a URL location). Vulnerabilities are rated from the glossary level
 * (1 Low, 2 Medium, 3 High, 4-5 Critical); information-gathered items are kept as Info.
 *
 * <p>The glossary follows the results, so titles and levels are filled in at the end; memory is
 * bounded by the number of distinct QIDs.
 */
final class QualysWebAppParser implements ReportParser {
    static final String TOOL = "Qualys WAS";

    @Override
    public String format() {
        return "qualys_webapp";
    }

    /** Recognised by its root element. */
    @Override
    public Recognition recognition() {
        return Recognition.xmlRoot("WAS_SCAN_REPORT", "WAS_WEBAPP_REPORT");
    }

    @Override
    public void parse(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        FindingMerger<String> merger = new FindingMerger<>();
        Map<String, Boolean> isVuln = new HashMap<>();
        try (XmlCursor x = SafeXml.open(in)) {
            String root = x.rootElement();
            if (!root.equals("WAS_SCAN_REPORT") && !root.equals("WAS_WEBAPP_REPORT")) {
                throw x.error("Not a Qualys WAS report: root element is <" + root + ">", null);
            }
            String name;
            boolean inResults = false;
            while ((name = x.nextStart()) != null) {
                if (name.equals("RESULTS")) {
                    inResults = true;
                } else if (name.equals("GLOSSARY")) {
                    inResults = false;
                } else if (inResults && (name.equals("VULNERABILITY") || name.equals("INFORMATION_GATHERED"))) {
                    XmlNode n = x.readNode();
                    String qid = n.childText("QID");
                    if (qid == null) continue; // summary counters share these element names
                    boolean vuln = name.equals("VULNERABILITY");
                    isVuln.putIfAbsent(qid, vuln);
                    ParsedFinding.Builder b = merger.get(
                            qid,
                            () -> ParsedFinding.builder(TOOL)
                                    .vulnIdFromTool(qid)
                                    .mergedKey()
                                    .title("QID-" + qid)
                                    .severity(vuln ? Severity.LOW : Severity.INFO)
                                    .uniqueIdFromTool(n.childText("UNIQUE_ID"))
                                    .date(Text.date(n.childText("DETECTION_DATE"), false)));
                    b.countOccurrence();
                    Location l = Location.fromUrl(n.childText("URL"));
                    if (l != null) b.addLocationOnce(l);
                    addExchanges(n, b);
                } else if (name.equals("QID") && !inResults && x.depth() > 2) {
                    XmlNode q = x.readNode();
                    String qid = q.childText("QID");
                    if (qid == null || !merger.contains(qid)) continue;
                    ParsedFinding.Builder b = merger.get(qid, () -> null);
                    b.title(q.childText("TITLE"))
                            .description(q.childText("DESCRIPTION"))
                            .impact(q.childText("IMPACT"))
                            .solution(q.childText("SOLUTION"))
                            .cvssV3Score(
                                    Text.parseDouble(q.childText("CVSS_V3") == null ? null : q.childText("CVSS_V3")));
                    b.addCwe(Text.cwe(q.childText("CWE")));
                    if (Boolean.TRUE.equals(isVuln.get(qid)))
                        b.severity(wasLevel(Text.parseInt(q.childText("SEVERITY"))));
                }
            }
        }
        merger.emitAll(sink);
    }

    private static void addExchanges(XmlNode n, ParsedFinding.Builder b) {
        XmlNode payloads = n.child("PAYLOADS");
        if (payloads == null) return;
        for (XmlNode p : payloads.children("PAYLOAD")) {
            XmlNode req = p.child("REQUEST");
            XmlNode resp = p.child("RESPONSE");
            String request = req == null ? null : req.childText("METHOD") + " " + req.childText("URL");
            String response = resp == null ? null : resp.childText("CONTENTS");
            if (request != null || response != null) b.addExchange(new HttpExchange(request, response));
        }
    }

    private static Severity wasLevel(@Nullable Integer level) {
        if (level == null) return Severity.LOW;
        if (level >= 4) return Severity.CRITICAL;
        if (level == 3) return Severity.HIGH;
        if (level == 2) return Severity.MEDIUM;
        return Severity.LOW;
    }
}
