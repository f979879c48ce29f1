package vn.khien.vulnerabilities.parsing.formats;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 * OpenVAS / Greenbone (GVM) XML and CSV reports. Results with the same location
 * (protocol://host:port), NVT name, NVT OID and severity are merged (occurrences counted), the
 * behaviour of the newer DefectDojo generation; for the samples it gives the same counts as
 * the older row-per-finding reading.
 */
final class OpenVasParser implements ReportParser {
    static final String TOOL = "OpenVAS";

    @Override
    public String format() {
        return "openvas";
    }

    /** Recognised by its root element, or the NVT columns of a CSV export. */
    @Override
    public Recognition recognition() {
        return Recognition.xmlRoot("report", "get_reports_response")
                .or(Recognition.csv(h -> h.hasAnyColumn("nvt name", "nvt oid")));
    }

    @Override
    public void parse(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        BufferedInputStream b = Sniff.buffered(in);
        FindingMerger<List<Object>> merger = new FindingMerger<>();
        if (Sniff.syntax(b) == Sniff.Syntax.XML) {
            parseXml(b, merger);
        } else {
            parseCsv(b, merger);
        }
        merger.emitAll(sink);
    }

    private void parseXml(InputStream in, FindingMerger<List<Object>> merger) throws ReportFormatException {
        try (XmlCursor x = SafeXml.open(in)) {
            String root = x.rootElement();
            if (!root.equals("report") && !root.equals("get_reports_response")) {
                throw x.error("Not an OpenVAS report: root element is <" + root + ">, expected <report>", null);
            }
            String name;
            while ((name = x.nextStart()) != null) {
                if (name.equals("result")) {
                    XmlNode r = x.readNode();
                    XmlNode nvt = r.child("nvt");
                    if (nvt != null) addXmlResult(r, nvt, merger);
                }
            }
        }
    }

    private void addXmlResult(XmlNode r, XmlNode nvt, FindingMerger<List<Object>> merger) {
        String title = nvt.childText("name");
        String oid = nvt.attr("oid");
        Severity severity = Severity.fromWordOr(r.childText("threat"), Severity.INFO);
        Location loc = location(r.childText("host"), r.childText("port"));
        ParsedFinding.Builder b = merger.get(Arrays.asList(loc, title, oid, severity), () -> {
            ParsedFinding.Builder nb = ParsedFinding.builder(TOOL)
                    .title(title)
                    .severity(severity)
                    .vulnIdFromTool(oid)
                    .description(r.childText("description"))
                    .cvssV3Score(Text.parseDouble(r.childText("severity")));
            String tags = nvt.childText("tags");
            nb.solution(tag(tags, "solution")).impact(tag(tags, "impact"));
            XmlNode refs = nvt.child("refs");
            if (refs != null) {
                for (XmlNode ref : refs.children("ref")) {
                    if ("cve".equalsIgnoreCase(ref.attr("type"))) nb.addVulnerabilityId(ref.attr("id"));
                }
            }
            nb.date(Text.date(r.childText("creation_time"), false));
            nb.addLocation(loc);
            return nb;
        });
        b.countOccurrence();
    }

    /** Value of {@code key=} in GVM's pipe-separated NVT tag string. */
    private static @Nullable String tag(@Nullable String tags, String key) {
        if (tags == null) return null;
        for (String part : tags.split("\\|")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equals(key)) {
                return Text.blankToNull(part.substring(eq + 1));
            }
        }
        return null;
    }

    /** "512/tcp" → port 512 over tcp; "general/tcp" → tcp without a port number. */
    static @Nullable Location location(@Nullable String host, @Nullable String port) {
        Integer number = null;
        String protocol = null;
        if (port != null) {
            int slash = port.indexOf('/');
            if (slash >= 0) {
                number = Text.parseInt(port.substring(0, slash));
                protocol = port.substring(slash + 1).trim().toLowerCase(Locale.ROOT);
            } else {
                number = Text.parseInt(port);
            }
        }
        return Location.endpoint(host, number, protocol);
    }

    private void parseCsv(InputStream in, FindingMerger<List<Object>> merger) throws ReportFormatException {
        CsvReports.read(in, "OpenVAS", new String[] {"NVT Name"}, row -> {
            String title = row.get("NVT Name");
            if (title == null) {
                throw row.error("Missing required column value 'NVT Name'");
            }
            String oid = row.get("NVT OID");
            Severity severity = Severity.fromWordOr(row.get("Severity"), Severity.INFO);
            String host = row.first("Hostname", "IP");
            Integer port = Text.parseInt(row.get("Port"));
            String protocol = row.get("Port Protocol");
            Location loc = Location.endpoint(host, port, protocol == null ? null : protocol.toLowerCase(Locale.ROOT));
            ParsedFinding.Builder b = merger.get(Arrays.asList(loc, title, oid, severity), () -> {
                ParsedFinding.Builder nb = ParsedFinding.builder(TOOL)
                        .title(title)
                        .severity(severity)
                        .vulnIdFromTool(oid)
                        .description(joinNonNull(row.get("Summary"), row.get("Specific Result")))
                        .solution(row.get("Solution"))
                        .impact(row.get("Impact"))
                        .references(row.get("Other References"))
                        .cvssV3Score(Text.parseDouble(row.get("CVSS")))
                        .epss(
                                Text.parseDouble(row.get("Max Severity EPSS score")),
                                Text.parseDouble(row.get("Max Severity EPSS percentile")))
                        .date(Text.date(row.get("Timestamp"), false));
                String cves = row.get("CVEs");
                if (cves != null) {
                    for (String c : cves.split("[,\\s]+")) nb.addVulnerabilityId(c);
                }
                nb.addLocation(loc);
                return nb;
            });
            b.countOccurrence();
        });
    }

    private static @Nullable String joinNonNull(@Nullable String a, @Nullable String b) {
        if (a == null) return b;
        if (b == null) return a;
        return a + "\n\n" + b;
    }
}
