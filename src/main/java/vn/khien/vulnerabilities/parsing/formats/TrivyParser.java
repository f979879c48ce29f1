package vn.khien.vulnerabilities.parsing.formats;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import vn.khien.vulnerabilities.parsing.JsonStream;
import vn.khien.vulnerabilities.parsing.Location;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Recognition;
import vn.khien.vulnerabilities.parsing.ReportFormatException;
import vn.khien.vulnerabilities.parsing.ReportParser;
import vn.khien.vulnerabilities.parsing.Severity;
import vn.khien.vulnerabilities.parsing.Text;

/**
 * Trivy JSON: legacy (array of targets or {@code null}), SchemaVersion 2 ({@code Results}) and
 * the Kubernetes cluster report ({@code ClusterName} with per-workload {@code Results}).
 * No merging: each vulnerability, misconfiguration, secret and license is one finding.
 *
 * <p>Streaming: a target's item arrays are read one element at a time. Trivy writes
 * {@code Target}/{@code Class}/{@code Type} before the arrays; if a file does not, the items of
 * that one target are buffered until its end.
 */
final class TrivyParser implements ReportParser {
    static final String TOOL = "Trivy";
    private static final String[] CVSS_VENDORS = {"nvd", "ghsa", "redhat", "bitnami"};

    @Override
    public String format() {
        return "trivy";
    }

    /** Recognised by its top-level keys, a legacy array of targets, or the literal null of a clean legacy scan. */
    @Override
    public Recognition recognition() {
        return Recognition.json(h -> h.text().strip().startsWith("null") // legacy Trivy writes null for a clean scan
                || h.hasAnyKey("SchemaVersion", "ClusterName", "ArtifactName")
                || (h.jsonArray() && h.hasAnyKey("Target") && !h.hasAnyKey("Generated")));
    }

    @Override
    public void parse(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        try (JsonStream js = JsonStream.open(in)) {
            JsonToken t = js.next();
            if (t == null) {
                throw js.error("Empty Trivy report", null);
            }
            if (t == JsonToken.VALUE_NULL) {
                js.expectEnd();
                return; // legacy Trivy writes null for a scan without findings
            }
            if (t == JsonToken.START_ARRAY) {
                readResults(js, null, sink);
            } else {
                js.expect(JsonToken.START_OBJECT, "a Trivy report object");
                readTopLevel(js, sink);
            }
            js.expectEnd();
        }
    }

    private void readTopLevel(JsonStream js, Consumer<ParsedFinding> sink) throws ReportFormatException {
        boolean known = false;
        JsonToken t;
        while ((t = js.next()) == JsonToken.PROPERTY_NAME) {
            String name = js.name();
            JsonToken v = js.next();
            if (("Results".equals(name)) && v == JsonToken.START_ARRAY) {
                known = true;
                readResults(js, null, sink);
            } else if (("Vulnerabilities".equals(name) || "Misconfigurations".equals(name) || "Resources".equals(name))
                    && v == JsonToken.START_ARRAY) {
                known = true; // Kubernetes report: arrays of workloads, each with its own Results
                while ((v = js.next()) == JsonToken.START_OBJECT) {
                    readWorkload(js, sink);
                }
                if (v != JsonToken.END_ARRAY) throw js.error("Malformed Trivy workload list", null);
            } else {
                known |= "SchemaVersion".equals(name) || "ClusterName".equals(name);
                js.skip();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw js.error("Unexpected end of Trivy report", null);
        }
        if (!known) {
            throw js.error("Not a Trivy report: no SchemaVersion, Results or ClusterName", null);
        }
    }

    private void readWorkload(JsonStream js, Consumer<ParsedFinding> sink) throws ReportFormatException {
        String namespace = null;
        String kind = null;
        String name = null;
        JsonToken t;
        while ((t = js.next()) == JsonToken.PROPERTY_NAME) {
            String field = js.name();
            JsonToken v = js.next();
            if ("Results".equals(field) && v == JsonToken.START_ARRAY) {
                readResults(js, namespace + " / " + kind + " / " + name, sink);
            } else if (v == JsonToken.VALUE_STRING && "Namespace".equals(field)) {
                namespace = js.string();
            } else if (v == JsonToken.VALUE_STRING && "Kind".equals(field)) {
                kind = js.string();
            } else if (v == JsonToken.VALUE_STRING && "Name".equals(field)) {
                name = js.string();
            } else {
                js.skip();
            }
        }
        if (t != JsonToken.END_OBJECT) throw js.error("Unexpected end of Trivy workload", null);
    }

    /** Cursor on START_ARRAY of targets; leaves it on the matching END_ARRAY. */
    private void readResults(JsonStream js, @Nullable String service, Consumer<ParsedFinding> sink)
            throws ReportFormatException {
        JsonToken t;
        while ((t = js.next()) == JsonToken.START_OBJECT) {
            readTarget(js, service, sink);
        }
        if (t != JsonToken.END_ARRAY) throw js.error("Malformed Trivy Results array", null);
    }

    private static final class Target {
        @Nullable
        String target;

        @Nullable
        String cls;

        @Nullable
        String type;

        @Nullable
        String service;

        final List<Object[]> pending = new ArrayList<>();
    }

    private void readTarget(JsonStream js, @Nullable String service, Consumer<ParsedFinding> sink)
            throws ReportFormatException {
        Target tg = new Target();
        tg.service = service;
        JsonToken t;
        while ((t = js.next()) == JsonToken.PROPERTY_NAME) {
            String field = js.name();
            JsonToken v = js.next();
            if (v == JsonToken.START_ARRAY && isItemArray(field)) {
                while ((v = js.next()) == JsonToken.START_OBJECT) {
                    JsonNode item = js.readTree();
                    if (tg.target == null) {
                        tg.pending.add(new Object[] {field, item});
                    } else {
                        sink.accept(toFinding(field, item, tg));
                    }
                }
                if (v != JsonToken.END_ARRAY) throw js.error("Malformed Trivy " + field + " array", null);
            } else if (v == JsonToken.VALUE_STRING && "Target".equals(field)) {
                tg.target = js.string();
            } else if (v == JsonToken.VALUE_STRING && "Class".equals(field)) {
                tg.cls = js.string();
            } else if (v == JsonToken.VALUE_STRING && "Type".equals(field)) {
                tg.type = js.string();
            } else {
                js.skip();
            }
        }
        if (t != JsonToken.END_OBJECT) throw js.error("Unexpected end of Trivy target", null);
        for (Object[] p : tg.pending) {
            sink.accept(toFinding((String) p[0], (JsonNode) p[1], tg));
        }
    }

    private static boolean isItemArray(String field) {
        return field.equals("Vulnerabilities")
                || field.equals("Misconfigurations")
                || field.equals("Secrets")
                || field.equals("Licenses");
    }

    private ParsedFinding toFinding(String kind, JsonNode item, Target tg) {
        ParsedFinding.Builder b =
                ParsedFinding.builder(TOOL).staticFinding(true).service(tg.service);
        b.addTag(tg.type).addTag(tg.cls);
        switch (kind) {
            case "Vulnerabilities":
                vulnerability(b, item, tg);
                break;
            case "Misconfigurations":
                misconfiguration(b, item, tg);
                break;
            case "Secrets":
                secret(b, item, tg);
                break;
            default:
                license(b, item, tg);
                break;
        }
        return b.build();
    }

    private void vulnerability(ParsedFinding.Builder b, JsonNode v, Target tg) {
        String id = JsonStream.text(v, "VulnerabilityID");
        String pkg = JsonStream.text(v, "PkgName");
        String version = JsonStream.text(v, "InstalledVersion");
        String fixed = JsonStream.text(v, "FixedVersion");
        b.title(join(" ", id, pkg, version))
                .vulnIdFromTool(id)
                .addVulnerabilityId(id)
                .description(join("\n\n", JsonStream.text(v, "Title"), JsonStream.text(v, "Description")))
                .solution(fixed)
                .fix(fixed != null, fixed)
                .component(pkg, version);
        List<String> refs = new ArrayList<>();
        String primary = JsonStream.text(v, "PrimaryURL");
        if (primary != null) refs.add(primary);
        for (String r : JsonStream.strings(v, "References")) if (!refs.contains(r)) refs.add(r);
        b.references(refs.isEmpty() ? null : String.join("\n", refs));
        for (String cwe : JsonStream.strings(v, "CweIDs")) b.addCwe(Text.cwe(cwe));
        JsonNode cvss = pickCvss(v);
        Double score = cvss == null ? null : JsonStream.number(cvss, "V3Score");
        if (cvss != null) b.cvssV3(JsonStream.text(cvss, "V3Vector"), score);
        Severity sev = trivySeverity(JsonStream.text(v, "Severity"));
        if (sev == null) sev = score == null ? Severity.INFO : Severity.fromCvssScore(score);
        b.severity(sev);
        String pkgPath = JsonStream.text(v, "PkgPath");
        b.addLocation(Location.file(pkgPath != null ? pkgPath : tg.target, null));
        String status = JsonStream.text(v, "Status");
        String st = status == null ? "" : status.toLowerCase(Locale.ROOT);
        if (st.equals("not_affected")) {
            b.active(false).mitigated(true, null);
        }
        b.verified(!(st.equals("unknown") || st.equals("under_investigation")));
    }

    /** CVSS of the vendor named by SeveritySource, else nvd, ghsa, redhat, bitnami. */
    private static @Nullable JsonNode pickCvss(JsonNode v) {
        JsonNode all = v.get("CVSS");
        if (all == null || !all.isObject()) return null;
        String source = JsonStream.text(v, "SeveritySource");
        if (source != null && all.get(source) != null && all.get(source).has("V3Vector")) return all.get(source);
        for (String vendor : CVSS_VENDORS) {
            JsonNode c = all.get(vendor);
            if (c != null && c.has("V3Vector")) return c;
        }
        return null;
    }

    private void misconfiguration(ParsedFinding.Builder b, JsonNode m, Target tg) {
        String id = JsonStream.text(m, "ID");
        b.title(join(" - ", id, JsonStream.text(m, "Title")))
                .vulnIdFromTool(id)
                .addVulnerabilityId(id)
                .severity(severityOrInfo(JsonStream.text(m, "Severity")))
                .description(join("\n\n", JsonStream.text(m, "Description"), JsonStream.text(m, "Message")))
                .solution(JsonStream.text(m, "Resolution"));
        List<String> refs = new ArrayList<>();
        String primary = JsonStream.text(m, "PrimaryURL");
        if (primary != null) refs.add(primary);
        for (String r : JsonStream.strings(m, "References")) if (!refs.contains(r)) refs.add(r);
        b.references(refs.isEmpty() ? null : String.join("\n", refs));
        b.addLocation(Location.file(tg.target, null));
    }

    private void secret(ParsedFinding.Builder b, JsonNode s, Target tg) {
        b.title("Secret detected in " + tg.target + " - " + JsonStream.text(s, "Title"))
                .vulnIdFromTool(JsonStream.text(s, "RuleID"))
                .severity(severityOrInfo(JsonStream.text(s, "Severity")))
                // the matched text is already masked by Trivy; keep only that
                .description(JsonStream.text(s, "Match"));
        b.addLocation(Location.file(tg.target, JsonStream.integer(s, "StartLine")));
    }

    private void license(ParsedFinding.Builder b, JsonNode l, Target tg) {
        String name = JsonStream.text(l, "Name");
        String pkg = JsonStream.text(l, "PkgName");
        String file = JsonStream.text(l, "FilePath");
        b.title("License " + name + " (" + JsonStream.textOrEmpty(l, "Category") + ") in "
                        + (pkg != null ? pkg : file != null ? file : tg.target))
                .vulnIdFromTool(name)
                .severity(severityOrInfo(JsonStream.text(l, "Severity")))
                .component(pkg, null)
                .scannerConfidence(JsonStream.integer(l, "Confidence"));
        String link = JsonStream.text(l, "Link");
        if (file != null || link != null) {
            b.addLocation(new Location(null, null, null, null, link, file, null));
        }
    }

    private static @Nullable Severity trivySeverity(@Nullable String s) {
        if (s == null) return null;
        if (s.equalsIgnoreCase("UNKNOWN")) return Severity.INFO;
        return Severity.fromWord(s);
    }

    private static Severity severityOrInfo(@Nullable String s) {
        Severity sev = trivySeverity(s);
        return sev == null ? Severity.INFO : sev;
    }

    private static @Nullable String join(String sep, @Nullable String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p == null) continue;
            if (b.length() > 0) b.append(sep);
            b.append(p);
        }
        return b.length() == 0 ? null : b.toString();
    }
}
