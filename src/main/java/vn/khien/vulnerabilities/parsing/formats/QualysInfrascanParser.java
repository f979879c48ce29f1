package vn.khien.vulnerabilities.parsing.formats;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import vn.khien.vulnerabilities.parsing.Location;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Recognition;
import vn.khien.vulnerabilities.parsing.ReportFormatException;
import vn.khien.vulnerabilities.parsing.ReportParser;
import vn.khien.vulnerabilities.parsing.SafeXml;
import vn.khien.vulnerabilities.parsing.Text;
import vn.khien.vulnerabilities.parsing.XmlCursor;
import vn.khien.vulnerabilities.parsing.XmlNode;

/**
 * Qualys "scan results" XML as exported by the infrastructure-scan web GUI ({@code <SCAN>}).
 * Only confirmed vulnerabilities ({@code VULNS/CAT/VULN}) are findings; information gathered,
 * services and potential vulnerabilities (INFOS, SERVICES, PRACTICES) are dropped.
 */
final class QualysInfrascanParser implements ReportParser {
    static final String TOOL = "Qualys";

    @Override
    public String format() {
        return "qualys_infrascan_webgui";
    }

    /** Recognised by its root element. */
    @Override
    public Recognition recognition() {
        return Recognition.xmlRoot("SCAN");
    }

    @Override
    public void parse(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        try (XmlCursor x = SafeXml.open(in)) {
            String root = x.rootElement();
            if (!root.equals("SCAN")) {
                throw x.error(
                        "Not a Qualys scan-results report: root element is <" + root + ">, expected <SCAN>", null);
            }
            OffsetDateTime date = null;
            String host = null;
            String name;
            while ((name = x.nextStart()) != null) {
                switch (name) {
                    case "KEY":
                        if ("DATE".equals(x.attr("value"))) date = Text.date(x.readText(), false);
                        break;
                    case "IP":
                        String hostName = x.attr("name");
                        host = hostName == null || hostName.equalsIgnoreCase("No registered hostname")
                                ? x.attr("value")
                                : hostName;
                        break;
                    case "INFOS":
                    case "SERVICES":
                    case "PRACTICES":
                        x.readNode(); // deliberately dropped (not confirmed vulnerabilities)
                        break;
                    case "VULN":
                        sink.accept(toFinding(x.readNode(), host, date));
                        break;
                    default:
                        break;
                }
            }
        }
    }

    private ParsedFinding toFinding(XmlNode v, @Nullable String host, @Nullable OffsetDateTime date) {
        String qid = v.attr("number");
        ParsedFinding.Builder b = ParsedFinding.builder(TOOL)
                .title(v.childText("TITLE"))
                .severity(QualysParser.level(Text.parseInt(v.attr("severity"))))
                .vulnIdFromTool(qid)
                .date(date)
                .description(join(v.childText("DIAGNOSIS"), v.childText("RESULT")))
                .impact(v.childText("CONSEQUENCE"))
                .solution(v.childText("SOLUTION"))
                .cvssV3Score(Text.parseDouble(v.childText("CVSS3_BASE")));
        String cves = v.attr("cveid");
        if (cves != null) {
            for (String c : cves.split("[,\\s]+")) b.addVulnerabilityId(c);
        } else if (v.child("CVE_ID_LIST") != null) {
            for (XmlNode c : v.child("CVE_ID_LIST").children("CVE_ID")) b.addVulnerabilityId(c.childText("ID"));
        }
        b.addLocation(Location.endpoint(host, null, null));
        return b.build();
    }

    private static @Nullable String join(@Nullable String a, @Nullable String b) {
        if (a == null) return b;
        if (b == null) return a;
        return a + "\n\n" + b;
    }
}
