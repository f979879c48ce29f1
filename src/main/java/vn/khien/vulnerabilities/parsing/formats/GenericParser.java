package vn.khien.vulnerabilities.parsing.formats;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import vn.khien.vulnerabilities.parsing.CsvReports;
import vn.khien.vulnerabilities.parsing.FindingMerger;
import vn.khien.vulnerabilities.parsing.JsonStream;
import vn.khien.vulnerabilities.parsing.Location;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Recognition;
import vn.khien.vulnerabilities.parsing.ReportFormatException;
import vn.khien.vulnerabilities.parsing.ReportParser;
import vn.khien.vulnerabilities.parsing.Severity;
import vn.khien.vulnerabilities.parsing.Sniff;
import vn.khien.vulnerabilities.parsing.Text;

/**
 * "Generic findings" exchange format (as used by DefectDojo's Generic Findings Import), for
 * tools without a dedicated parser.
 *
 * <p>JSON {@code {"findings": [...]}}: no merging; {@code title}, {@code severity} and
 * {@code description} are required and unknown keys are rejected, so a bad finding rejects the
 * whole file (the caller must discard findings already received, see {@link ReportParser}).
 * Numeric fields given as non-numeric strings are ignored. CSV: rows with equal severity, title
 * and description are merged, their URLs becoming locations.
 */
final class GenericParser implements ReportParser {
    static final String TOOL = "Generic";
    private static final List<String> REQUIRED = List.of("description", "severity", "title");
    private static final Set<String> KNOWN = Set.of(
            "title",
            "description",
            "severity",
            "date",
            "cve",
            "vulnerability_ids",
            "cwe",
            "cwes",
            "cvssv3",
            "cvssv3_score",
            "cvssv4",
            "cvssv4_score",
            "epss_score",
            "epss_percentile",
            "mitigation",
            "impact",
            "references",
            "steps_to_reproduce",
            "severity_justification",
            "active",
            "verified",
            "false_p",
            "duplicate",
            "out_of_scope",
            "risk_accepted",
            "is_mitigated",
            "mitigated",
            "endpoints",
            "file_path",
            "line",
            "component_name",
            "component_version",
            "unique_id_from_tool",
            "vuln_id_from_tool",
            "static_finding",
            "dynamic_finding",
            "tags",
            "nb_occurences",
            "sast_source_line",
            "sast_sink_object",
            "sast_source_object",
            "sast_source_file_path",
            "scanner_confidence",
            "thread_id",
            "fix_available",
            "fix_version",
            "service",
            "planned_remediation_date",
            "planned_remediation_version",
            "effort_for_fixing",
            "param",
            "payload",
            "publish_date",
            "kev_date",
            "known_exploited",
            "ransomware_used",
            "files",
            "url",
            "hash_code",
            "numerical_severity",
            "sla_start_date");

    @Override
    public String format() {
        return "generic";
    }

    /** Recognised by a "findings" key or title and severity columns, when no scanner format matched. */
    @Override
    public Recognition recognition() {
        return Recognition.json(h -> h.hasAnyKey("findings"))
                .or(Recognition.csv(h -> h.hasAnyColumn("title") && h.hasAnyColumn("severity")))
                .asFallback();
    }

    @Override
    public void parse(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        BufferedInputStream b = Sniff.buffered(in);
        if (Sniff.syntax(b) == Sniff.Syntax.JSON) {
            parseJson(b, sink);
        } else {
            parseCsv(b, sink);
        }
    }

    // ------------------------------------------------------------------ JSON

    private void parseJson(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        try (JsonStream js = JsonStream.open(in)) {
            js.next();
            js.expect(JsonToken.START_OBJECT, "a generic findings object");
            String tool = TOOL;
            boolean sawFindings = false;
            JsonToken t;
            while ((t = js.next()) == JsonToken.PROPERTY_NAME) {
                String field = js.name();
                JsonToken v = js.next();
                if ("findings".equals(field) && v == JsonToken.START_ARRAY) {
                    sawFindings = true;
                    while ((v = js.next()) == JsonToken.START_OBJECT) {
                        JsonNode f = js.readTree();
                        validate(js, f);
                        sink.accept(toFinding(f, tool));
                    }
                    if (v != JsonToken.END_ARRAY) throw js.error("Malformed 'findings' array", null);
                } else if ("type".equals(field) && v == JsonToken.VALUE_STRING) {
                    tool = js.string(); // the report's tool name, when given before the findings
                } else {
                    js.skip();
                }
            }
            if (t != JsonToken.END_OBJECT) throw js.error("Unexpected end of generic findings report", null);
            if (!sawFindings) throw js.error("Not a generic findings report: no 'findings' array", null);
            js.expectEnd();
        }
    }

    private static void validate(JsonStream js, JsonNode f) throws ReportFormatException {
        List<String> missing = new ArrayList<>();
        for (String r : REQUIRED) {
            if (JsonStream.text(f, r) == null) missing.add(r);
        }
        if (!missing.isEmpty()) {
            throw js.error("Generic finding is missing required fields " + missing, null);
        }
        Set<String> unknown = new TreeSet<>(f.propertyNames());
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            throw js.error("Generic finding has unknown fields " + unknown, null);
        }
    }

    private ParsedFinding toFinding(JsonNode f, String tool) {
        Severity severity = Severity.fromWordOr(JsonStream.text(f, "severity"), Severity.INFO);
        ParsedFinding.Builder b = ParsedFinding.builder(tool)
                .title(JsonStream.text(f, "title"))
                .severity(severity)
                .description(JsonStream.text(f, "description"))
                .solution(JsonStream.text(f, "mitigation"))
                .impact(JsonStream.text(f, "impact"))
                .references(JsonStream.text(f, "references"))
                .cvssV3(JsonStream.text(f, "cvssv3"), JsonStream.number(f, "cvssv3_score"))
                .cvssV4Score(JsonStream.number(f, "cvssv4_score"))
                .epss(JsonStream.number(f, "epss_score"), JsonStream.number(f, "epss_percentile"))
                .vulnIdFromTool(JsonStream.text(f, "vuln_id_from_tool"))
                .uniqueIdFromTool(JsonStream.text(f, "unique_id_from_tool"))
                .component(JsonStream.text(f, "component_name"), JsonStream.text(f, "component_version"))
                .service(JsonStream.text(f, "service"))
                .date(Text.date(JsonStream.text(f, "date"), false))
                .occurrences(JsonStream.integer(f, "nb_occurences"))
                .scannerConfidence(JsonStream.integer(f, "scanner_confidence"))
                .active(!Boolean.FALSE.equals(JsonStream.bool(f, "active")))
                .verified(JsonStream.bool(f, "verified"))
                .falsePositive(Boolean.TRUE.equals(JsonStream.bool(f, "false_p")))
                .riskAccepted(Boolean.TRUE.equals(JsonStream.bool(f, "risk_accepted")))
                .mitigated(
                        Boolean.TRUE.equals(JsonStream.bool(f, "is_mitigated")),
                        Text.date(JsonStream.text(f, "mitigated"), false))
                .staticFinding(Boolean.TRUE.equals(JsonStream.bool(f, "static_finding")));
        String fixVersion = JsonStream.text(f, "fix_version");
        Boolean fixAvailable = JsonStream.bool(f, "fix_available");
        b.fix(fixAvailable != null ? fixAvailable : fixVersion != null, fixVersion);
        b.addVulnerabilityId(JsonStream.text(f, "cve"));
        for (JsonNode id : JsonStream.list(f, "vulnerability_ids")) {
            String s = id.isObject() ? JsonStream.text(id, "vulnerability_id") : id.asString();
            b.addVulnerabilityIdOnce(s);
        }
        b.addCwe(cweOf(f.get("cwe")));
        for (JsonNode c : JsonStream.list(f, "cwes")) b.addCwe(cweOf(c));
        b.primaryCwe(cweOf(f.get("cwe")));
        JsonStream.strings(f, "tags").forEach(b::addTag);
        // file_path/line describe the same place as the first endpoint, not an extra location
        String file = JsonStream.text(f, "file_path");
        Integer line = JsonStream.integer(f, "line");
        boolean first = true;
        for (JsonNode e : JsonStream.list(f, "endpoints")) {
            Location l = endpoint(e);
            if (l != null && first && (file != null || line != null)) {
                l = new Location(l.host(), l.port(), l.protocol(), l.path(), l.url(), file, line);
            }
            first &= l == null;
            b.addLocation(l);
        }
        if (first && (file != null || line != null))
            b.addLocation(new Location(null, null, null, null, null, file, line));
        return b.build();
    }

    private static @Nullable Integer cweOf(@Nullable JsonNode n) {
        if (n == null || n.isNull() || n.isContainer()) return null;
        return n.isNumber() ? Integer.valueOf(n.asInt()) : Text.cwe(n.asString());
    }

    private static @Nullable Location endpoint(JsonNode e) {
        if (!e.isObject()) return Location.fromUrl(e.asString());
        String path = JsonStream.text(e, "path");
        return new Location(
                JsonStream.text(e, "host"),
                JsonStream.integer(e, "port"),
                JsonStream.text(e, "protocol"),
                path == null ? null : path.replaceFirst("^/+", ""),
                null,
                null,
                null);
    }

    // ------------------------------------------------------------------ CSV

    private void parseCsv(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        FindingMerger<List<String>> merger = new FindingMerger<>();
        CsvReports.read(in, "generic findings", new String[] {"Title"}, row -> {
            String title = row.get("Title");
            if (title == null) {
                throw row.error("Generic CSV row without a Title");
            }
            Severity severity = Severity.fromWordOr(row.get("Severity"), Severity.INFO);
            String description = row.get("Description");
            ParsedFinding.Builder b = merger.get(Arrays.asList(severity.name(), title, description), () -> {
                ParsedFinding.Builder nb = ParsedFinding.builder(TOOL)
                        .title(title)
                        .severity(severity)
                        .mergedKey(severity.name(), description)
                        .description(description)
                        .solution(row.get("Mitigation"))
                        .impact(row.get("Impact"))
                        .references(row.get("References"))
                        .date(Text.date(row.get("Date"), false)) // ambiguous slash dates are month-first
                        .epss(Text.parseDouble(row.get("epss_score")), Text.parseDouble(row.get("epss_percentile")))
                        .cvssV3(row.get("CVSSV3"), Text.parseDouble(row.get("CVSSV3_score")))
                        .active(!"false".equalsIgnoreCase(row.get("Active")))
                        .verified(row.get("Verified") == null ? null : "true".equalsIgnoreCase(row.get("Verified")))
                        .falsePositive("true".equalsIgnoreCase(row.get("FalsePositive")));
                nb.addCwe(Text.cwe(row.get("CweId")));
                return nb;
            });
            b.countOccurrence();
            b.addVulnerabilityIdOnce(row.first("Vulnerability Id", "CVE"));
            b.addLocation(Location.fromUrl(row.get("Url")));
        });
        merger.emitAll(sink);
    }
}
