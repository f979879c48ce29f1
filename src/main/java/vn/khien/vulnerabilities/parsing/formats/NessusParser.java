package vn.khien.vulnerabilities.parsing.formats;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import vn.khien.vulnerabilities.parsing.CsvReports;
import vn.khien.vulnerabilities.parsing.FindingMerger;
import vn.khien.vulnerabilities.parsing.Location;
import vn.khien.vulnerabilities.parsing.MergedPlaces;
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
 * Nessus / Tenable: .nessus XML (NessusClientData_v2) and the CSV exports of Nessus,
 * Tenable.sc, Tenable.io and Tenable WAS.
 *
 * <p>XML: one finding per (pluginName, final severity) across all hosts; each ReportItem adds a
 * location and its first CVE. Its fingerprint is the plugin id, never a host nor the severity (a merged format), so
 * a re-scan that rates the plugin differently updates the same finding. Only when one report has the same plugin
 * at several severities (two findings by the grouping above) do the lower ones add their severity to the key, so
 * they do not collide; the highest keeps the plain key. Keys of earlier versions: {@link vn.khien.vulnerabilities.parsing.PreviousKeys}. CSV: rows merged by severity + title + Host cell + Port + Synopsis.
 */
public final class NessusParser implements ReportParser {
    static final String TOOL = "Nessus";
    /** Service names that are URL schemes and therefore usable as the location protocol. */
    private static final Set<String> URL_SCHEMES = Set.of(
            "http",
            "https",
            "ftp",
            "ftps",
            "ssh",
            "telnet",
            "smtp",
            "ldap",
            "ldaps",
            "imap",
            "imaps",
            "pop3",
            "pop3s",
            "dns",
            "snmp",
            "sftp",
            "smb",
            "rdp",
            "vnc",
            "sip",
            "mysql",
            "postgresql",
            "redis",
            "mongodb",
            "nntp",
            "irc",
            "rtsp",
            "xmpp",
            "git",
            "svn",
            "nfs",
            "tftp");

    @Override
    public String format() {
        return "nessus";
    }

    /** Recognised by its root element, or the plugin id and name columns of a CSV export. */
    @Override
    public Recognition recognition() {
        return Recognition.xmlRoot("NessusClientData_v2", "NessusClientData")
                .or(Recognition.csv(h -> h.hasAnyColumn("plugin id", "plugin", "definition.id")
                        && h.hasAnyColumn("name", "plugin name", "asset.name", "definition.name")));
    }

    @Override
    public void parse(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        parse(in, sink, null);
    }

    /** XML reports tell {@code places} each plugin group's hosts as they are read (ADR 0061); CSV exports do not. */
    @Override
    public void parse(InputStream in, Consumer<ParsedFinding> sink, @Nullable MergedPlaces places)
            throws ReportFormatException {
        BufferedInputStream b = Sniff.buffered(in);
        if (Sniff.syntax(b) == Sniff.Syntax.XML) {
            parseXml(b, sink, places);
        } else {
            parseCsv(b, sink);
        }
    }

    // ------------------------------------------------------------------ XML

    private void parseXml(InputStream in, Consumer<ParsedFinding> sink, @Nullable MergedPlaces places)
            throws ReportFormatException {
        FindingMerger<List<Object>> merger = new FindingMerger<>(places);
        Map<String, Map<Severity, ParsedFinding.Builder>> byRule = new HashMap<>();
        try (XmlCursor x = SafeXml.open(in)) {
            String root = x.rootElement();
            if (!root.startsWith("NessusClientData")) {
                throw x.error(
                        "Not a Nessus report: root element is <" + root + ">, expected <NessusClientData_v2>", null);
            }
            String hostName = null;
            String hostFqdn = null;
            String[] texts = new String[ITEM_TEXTS.size()];
            String name;
            while ((name = x.nextStart()) != null) {
                switch (name) {
                    case "ReportHost":
                        hostName = x.attr("name");
                        hostFqdn = null;
                        break;
                    case "HostProperties":
                        for (XmlNode tag : x.readNode().children("tag")) {
                            if ("host-fqdn".equals(tag.attr("name"))) hostFqdn = tag.text();
                        }
                        break;
                    case "ReportItem":
                        Item item = Item.read(x, texts);
                        if (item.pluginName == null && item.text(PLUGIN_NAME) == null && item.pluginId == null) {
                            // nothing identifies the check: no title and no rule key (found by fuzzing)
                            throw x.error("Nessus <ReportItem> has neither pluginName nor pluginID", null);
                        }
                        addItem(item, hostFqdn != null ? hostFqdn : hostName, merger, byRule);
                        break;
                    default:
                        break;
                }
            }
        }
        for (Map<Severity, ParsedFinding.Builder> group : byRule.values()) {
            // EnumMap: CRITICAL first. The highest severity keeps the plain key; lower ones of the same plugin add
            // theirs.
            boolean first = true;
            for (Map.Entry<Severity, ParsedFinding.Builder> e : group.entrySet()) {
                if (first) {
                    e.getValue().mergedKey();
                    first = false;
                } else {
                    e.getValue().mergedKey(e.getKey().name());
                }
            }
        }
        merger.emitAll(sink);
    }

    /** The children of a ReportItem the import reads, by position in {@link #ITEM_TEXTS}; the others are skipped. */
    private static final int PLUGIN_NAME = 0;

    private static final int CVSS3_SCORE = 1;
    private static final int CVE = 2;
    private static final int SYNOPSIS = 3;
    private static final int DESCRIPTION = 4;
    private static final int SOLUTION = 5;
    private static final int SEE_ALSO = 6;
    private static final int CVSS3_VECTOR = 7;
    private static final int CWE = 8;
    private static final List<String> ITEM_TEXTS = List.of(
            "plugin_name",
            "cvss3_base_score",
            "cve",
            "synopsis",
            "description",
            "solution",
            "see_also",
            "cvss3_vector",
            "cwe");

    /**
     * One ReportItem as the import uses it: its attributes and the own text of the first child of each name in
     * {@link #ITEM_TEXTS} (as {@code XmlNode.childText} gives it); plugin output and the other children are never
     * turned into strings (issue 15: 200,000 items in a 272 MB report).
     */
    private static final class Item {
        final @Nullable String pluginName;
        final @Nullable String pluginId;
        final @Nullable String severity;
        final @Nullable String port;
        final @Nullable String svcName;
        final @Nullable String protocol;
        private final @Nullable String[] texts;

        private Item(XmlCursor x, @Nullable String[] texts) {
            this.pluginName = x.attr("pluginName");
            this.pluginId = x.attr("pluginID");
            this.severity = x.attr("severity");
            this.port = x.attr("port");
            this.svcName = x.attr("svc_name");
            this.protocol = x.attr("protocol");
            this.texts = texts;
        }

        /** Reads the item the cursor is on; {@code texts} is reused from item to item. */
        static Item read(XmlCursor x, @Nullable String[] texts) throws ReportFormatException {
            Item item = new Item(x, texts);
            x.readChildTexts(ITEM_TEXTS, texts);
            return item;
        }

        @Nullable
        String text(int i) {
            return texts[i];
        }
    }

    private void addItem(
            Item item,
            @Nullable String host,
            FindingMerger<List<Object>> merger,
            Map<String, Map<Severity, ParsedFinding.Builder>> byRule) {
        String title = item.pluginName;
        if (title == null) title = item.text(PLUGIN_NAME);
        Severity severity = severityFromLevel(item.severity);
        Double cvss3 = Text.parseDouble(item.text(CVSS3_SCORE));
        if (cvss3 != null) {
            severity = severityFromNessusCvss(cvss3);
        }
        final String t = title;
        final Severity s = severity;
        ParsedFinding.Builder b = merger.get(Arrays.asList(title, severity), () -> {
            ParsedFinding.Builder nb = ParsedFinding.builder(TOOL)
                    .title(t)
                    .severity(s)
                    .vulnIdFromTool(item.pluginId)
                    .mergedKey()
                    .description(joinNonNull(item.text(SYNOPSIS), item.text(DESCRIPTION)))
                    .solution(item.text(SOLUTION))
                    .references(item.text(SEE_ALSO))
                    .cvssV3(cvssVector(item.text(CVSS3_VECTOR)), cvss3);
            nb.addCwe(Text.cwe(item.text(CWE)));
            byRule.computeIfAbsent(ParsedFinding.ruleKey(item.pluginId, t), r -> new EnumMap<>(Severity.class))
                    .put(s, nb);
            return nb;
        });
        b.countOccurrence();
        b.addVulnerabilityId(item.text(CVE));
        merger.addLocation(b, location(host, item.port, item.svcName, item.protocol));
    }

    static @Nullable Location location(
            @Nullable String host, @Nullable String portText, @Nullable String svcName, @Nullable String transport) {
        if (host == null) return null;
        Integer port = Text.parseInt(portText);
        Location u = host.contains("://") ? Location.fromUrl(host) : null;
        if (u != null) {
            return new Location(
                    u.host(), port != null && port > 0 ? port : u.port(), u.protocol(), u.path(), host, null, null);
        }
        String svc = svcName == null ? null : svcName.trim().toLowerCase(Locale.ROOT);
        if (svc != null && svc.endsWith("?")) svc = svc.substring(0, svc.length() - 1);
        if ("www".equals(svc)) svc = "http";
        if ("general".equals(svc)) {
            return Location.endpoint(host, null, null);
        }
        String protocol = svc != null && URL_SCHEMES.contains(svc)
                ? svc
                : transport == null ? null : transport.toLowerCase(Locale.ROOT);
        return Location.endpoint(host, port, protocol);
    }

    private static Severity severityFromLevel(@Nullable String level) {
        Integer i = Text.parseInt(level);
        if (i == null) return Severity.fromWordOr(level, Severity.INFO);
        switch (i) {
            case 4:
                return Severity.CRITICAL;
            case 3:
                return Severity.HIGH;
            case 2:
                return Severity.MEDIUM;
            case 1:
                return Severity.LOW;
            default:
                return Severity.INFO;
        }
    }

    /** Nessus' own reading of CVSS v3: note Medium starts at 5.0, not 4.0. */
    private static Severity severityFromNessusCvss(double score) {
        if (score >= 9.0) return Severity.CRITICAL;
        if (score >= 7.0) return Severity.HIGH;
        if (score >= 5.0) return Severity.MEDIUM;
        if (score > 0.0) return Severity.LOW;
        return Severity.INFO;
    }

    static @Nullable String cvssVector(@Nullable String v) {
        if (v == null || v.isBlank()) return null;
        String t = v.trim();
        return t.startsWith("CVSS:3") ? t : "CVSS:3.0/" + t;
    }

    private static @Nullable String joinNonNull(@Nullable String a, @Nullable String b) {
        if (a == null) return b;
        if (b == null) return a;
        // Some plugins repeat the synopsis as the description; the page should not show the same sentence twice.
        if (a.strip().equals(b.strip())) return b;
        return a + "\n\n" + b;
    }

    // ------------------------------------------------------------------ CSV

    private void parseCsv(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        FindingMerger<List<String>> merger = new FindingMerger<>();
        CsvReports.read(in, "Nessus/Tenable", new String[] {"Name", "Plugin Name", "asset.name"}, row -> {
            String title = row.first("Name", "Plugin Name", "asset.name");
            if (title == null) {
                return; // trailing comma-only lines in Tenable exports
            }
            String sevText = row.first("Risk", "severity");
            if (sevText == null) sevText = row.get("Severity");
            Severity severity = csvSeverity(sevText);
            String synopsis = row.first("Synopsis", "definition.synopsis");
            String hostCell = row.first("Host", "asset.host_name");
            String host = hostCell != null ? hostCell : row.first("DNS Name", "IP Address");
            String port = row.get("Port");
            List<String> key = Arrays.asList(severity.name(), title, hostCell, port, synopsis);
            ParsedFinding.Builder b = merger.get(key, () -> newCsvFinding(row, title, severity, synopsis));
            b.countOccurrence();
            String cves = row.get("CVE");
            if (cves != null) {
                for (String c : cves.split("[,\\s]+")) b.addVulnerabilityId(c);
            }
            b.addLocation(location(host, port, null, row.get("Protocol")));
        });
        merger.emitAll(sink);
    }

    private static ParsedFinding.Builder newCsvFinding(
            CsvReports.Row row, String title, Severity severity, @Nullable String synopsis) {
        Double epss = Text.parseDouble(row.get("EPSS Score"));
        while (epss != null && epss > 1.0) epss = epss / 10.0; // "3833" means 0.3833
        ParsedFinding.Builder b = ParsedFinding.builder(TOOL)
                .title(title)
                .severity(severity)
                .vulnIdFromTool(row.first("Plugin ID", "Plugin"))
                .description(joinNonNull(synopsis, row.get("Description")))
                .solution(row.first("Solution", "Steps to Remediate"))
                .references(row.get("See Also"))
                .cvssV3(
                        cvssVector(row.first("CVSS V3 Vector", "CVSS3 Vector", "CVSS v3.0 Vector")),
                        Text.parseDouble(
                                row.first("CVSS V3 Base Score", "CVSSv3", "CVSS v3.0 Base Score", "CVSS3 Base Score")))
                .epss(epss, null);
        String cpe = row.get("CPE");
        if (cpe != null) {
            String[] parts = cpe.split("\\R")[0].split(":");
            if (parts.length > 3) b.component(parts[3], parts.length > 4 ? parts[4] : null);
        }
        // CWE is deliberately not read from CSV "Cross References": the exports are inconsistent
        return b;
    }

    private static Severity csvSeverity(@Nullable String s) {
        Integer i = Text.parseInt(s);
        if (i != null) return severityFromLevel(s);
        return Severity.fromWordOr(s, Severity.INFO);
    }
}
