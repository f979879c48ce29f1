package vn.khien.vulnerabilities.parsing.formats;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import vn.khien.vulnerabilities.parsing.FindingMerger;
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
 * Nmap XML ({@code -oX}). One Info finding per open port NUMBER across all hosts ("Open port:
 * 80/tcp" with one location per host), plus one finding per entry of the {@code vulners} NSE
 * script, merged by vulners id and emitted before the port's own finding.
 */
final class NmapParser implements ReportParser {
    static final String TOOL = "Nmap";

    @Override
    public String format() {
        return "nmap";
    }

    /** Recognised by its root element. */
    @Override
    public Recognition recognition() {
        return Recognition.xmlRoot("nmaprun");
    }

    @Override
    public void parse(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        FindingMerger<String> merger = new FindingMerger<>();
        try (XmlCursor x = SafeXml.open(in)) {
            String root = x.rootElement();
            if (!root.equals("nmaprun")) {
                throw x.error("Not an Nmap XML report: root element is <" + root + ">, expected <nmaprun>", null);
            }
            Long start = Text.parseInt(x.attr("start")) == null ? null : Long.valueOf(x.attr("start"));
            OffsetDateTime date =
                    start == null ? null : OffsetDateTime.ofInstant(Instant.ofEpochSecond(start), ZoneOffset.UTC);
            String name;
            while ((name = x.nextStart()) != null) {
                if (name.equals("host")) addHost(x.readNode(), date, merger);
            }
        }
        merger.emitAll(sink);
    }

    private void addHost(XmlNode host, @Nullable OffsetDateTime date, FindingMerger<String> merger) {
        String ip = null;
        for (XmlNode a : host.children("address")) {
            if ("ipv4".equals(a.attr("addrtype")) || (ip == null && "ipv6".equals(a.attr("addrtype"))))
                ip = a.attr("addr");
        }
        String ptr = null;
        XmlNode names = host.child("hostnames");
        if (names != null) {
            for (XmlNode h : names.children("hostname")) {
                if ("PTR".equals(h.attr("type")) && ptr == null) ptr = h.attr("name");
            }
            if (ptr == null && !names.children("hostname").isEmpty())
                ptr = names.children("hostname").get(0).attr("name");
        }
        String hostName = ptr != null ? ptr : ip;
        XmlNode ports = host.child("ports");
        if (ports == null) return;
        for (XmlNode port : ports.children("port")) {
            XmlNode state = port.child("state");
            if (state == null || !"open".equals(state.attr("state"))) continue;
            String number = port.attr("portid");
            String protocol = port.attr("protocol");
            Location loc = Location.endpoint(hostName, Text.parseInt(number), protocol);
            String hostText = "**IP Address:** " + ip + "\n" + (ptr == null ? "" : "**PTR:** " + ptr + "\n")
                    + "**Port/Protocol:** " + number + "/" + protocol + "\n";
            XmlNode service = port.child("service");
            addVulners(port, service, loc, date, merger);
            ParsedFinding.Builder b = merger.get(
                    "port:" + number,
                    () -> ParsedFinding.builder(TOOL)
                            .title("Open port: " + number + "/" + protocol)
                            .severity(Severity.INFO)
                            .vulnIdFromTool("open-port")
                            .mergedKey(number)
                            .date(date));
            b.countOccurrence();
            b.addLocation(loc);
            b.appendDescription(hostText + serviceText(service));
        }
    }

    private static String serviceText(@Nullable XmlNode service) {
        if (service == null) return "";
        StringBuilder s = new StringBuilder();
        if (service.attr("name") != null)
            s.append("**Service:** ").append(service.attr("name")).append('\n');
        if (service.attr("product") != null) {
            s.append("**Product:** ").append(service.attr("product"));
            if (service.attr("version") != null) s.append(' ').append(service.attr("version"));
            s.append('\n');
        }
        return s.toString();
    }

    private void addVulners(
            XmlNode port,
            @Nullable XmlNode service,
            @Nullable Location loc,
            @Nullable OffsetDateTime date,
            FindingMerger<String> merger) {
        String[] component = component(service);
        for (XmlNode script : port.children("script")) {
            if (!"vulners".equals(script.attr("id"))) continue;
            for (XmlNode cpeTable : script.children("table")) {
                for (XmlNode entry : cpeTable.children("table")) {
                    String id = elem(entry, "id");
                    if (id == null) continue;
                    Double cvss = Text.parseDouble(elem(entry, "cvss"));
                    String type = elem(entry, "type");
                    ParsedFinding.Builder b = merger.get("vulners:" + id, () -> {
                        ParsedFinding.Builder nb = ParsedFinding.builder(TOOL)
                                .title(id)
                                .severity(vulnersSeverity(cvss))
                                .vulnIdFromTool(id)
                                .mergedKey()
                                .date(date)
                                .component(component[0], component[1])
                                .references("https://vulners.com/" + (type == null ? "cve" : type) + "/" + id);
                        if ("cve".equals(type)) nb.addVulnerabilityId(id);
                        return nb;
                    });
                    b.countOccurrence();
                    b.addLocationOnce(loc);
                }
            }
        }
    }

    /** Product and version from the service CPE (cpe:/a:vendor:product:version), else service attributes. */
    private static @Nullable String[] component(@Nullable XmlNode service) {
        if (service == null) return new String[2];
        String cpe = service.childText("cpe");
        if (cpe != null) {
            String[] p = cpe.split(":");
            if (p.length > 3) return new String[] {p[3], p.length > 4 ? p[4] : service.attr("version")};
        }
        return new String[] {service.attr("product"), service.attr("version")};
    }

    private static @Nullable String elem(XmlNode table, String key) {
        for (XmlNode e : table.children("elem")) {
            if (key.equals(e.attr("key"))) return e.text();
        }
        return null;
    }

    private static Severity vulnersSeverity(@Nullable Double cvss) {
        if (cvss == null || cvss == 0.0) return Severity.INFO;
        if (cvss < 4.0) return Severity.LOW;
        if (cvss < 7.0) return Severity.MEDIUM;
        if (cvss < 9.0) return Severity.HIGH;
        return Severity.CRITICAL;
    }
}
