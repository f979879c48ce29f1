package vn.khien.vulnerabilities.parsing.formats;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import vn.khien.vulnerabilities.parsing.FindingMerger;
import vn.khien.vulnerabilities.parsing.JsonStream;
import vn.khien.vulnerabilities.parsing.Location;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Recognition;
import vn.khien.vulnerabilities.parsing.ReportFormatException;
import vn.khien.vulnerabilities.parsing.ReportParser;
import vn.khien.vulnerabilities.parsing.Severity;
import vn.khien.vulnerabilities.parsing.Text;

/**
 * Nuclei JSON array or JSON-lines output (old camelCase and new kebab-case keys). Records with
 * the same template id, type, matcher name and target host are merged; every distinct matched
 * URL becomes a location.
 */
final class NucleiParser implements ReportParser {
    static final String TOOL = "Nuclei";

    @Override
    public String format() {
        return "nuclei";
    }

    /** Recognised by the keys of its JSON lines, or an empty array. */
    @Override
    public Recognition recognition() {
        return Recognition.json(h -> h.hasAnyKey("template-id", "templateID", "matched-at", "matched", "template")
                // "[]" is a valid empty Nuclei export; nothing else we support uses a bare empty array
                || (h.jsonArray() && h.jsonKeys().isEmpty()));
    }

    @Override
    public void parse(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        FindingMerger<List<String>> merger = new FindingMerger<>();
        try (JsonStream js = JsonStream.open(in)) {
            JsonToken t = js.next();
            if (t == null) {
                return; // a 0-byte file is a valid, empty scan
            }
            if (t == JsonToken.START_ARRAY) {
                while ((t = js.next()) != JsonToken.END_ARRAY) {
                    if (t == null) throw js.error("Unexpected end of JSON input inside the findings array", null);
                    add(js, js.readTree(), merger);
                }
                js.expectEnd();
            } else {
                while (t != null) { // JSON lines: a sequence of root-level objects
                    js.expect(JsonToken.START_OBJECT, "a Nuclei result object");
                    add(js, js.readTree(), merger);
                    t = js.next();
                }
            }
        }
        merger.emitAll(sink);
    }

    private void add(JsonStream js, JsonNode r, FindingMerger<List<String>> merger) throws ReportFormatException {
        String templateId = first(r, "template-id", "templateID");
        JsonNode info = r.get("info");
        if (templateId == null || info == null || !info.isObject()) {
            throw js.error("Not a Nuclei result: missing 'template-id' or 'info'", null);
        }
        String type = JsonStream.text(r, "type");
        String matcher = first(r, "matcher-name", "matcher_name");
        String matched = first(r, "matched-at", "matched");
        String hostField = JsonStream.text(r, "host");
        Location hostLoc = Location.fromUrl(hostField);
        String host = hostLoc != null && hostLoc.host() != null ? hostLoc.host() : JsonStream.text(r, "ip");
        ParsedFinding.Builder b = merger.get(
                Arrays.asList(templateId, type, matcher, host),
                () -> newFinding(r, info, templateId, matcher).mergedKey(type, matcher, host));
        b.countOccurrence();
        Location loc = Location.fromUrl(matched != null ? matched : hostField);
        b.addLocationOnce(loc);
    }

    private ParsedFinding.Builder newFinding(JsonNode r, JsonNode info, String templateId, @Nullable String matcher) {
        String sevText = JsonStream.text(info, "severity");
        ParsedFinding.Builder b = ParsedFinding.builder(TOOL)
                .title(JsonStream.text(info, "name"))
                .severity(Severity.fromWordOr(sevText, Severity.LOW)) // unknown words are Low in Nuclei imports
                .vulnIdFromTool(templateId)
                .description(JsonStream.text(info, "description"))
                .solution(JsonStream.text(info, "remediation"))
                .component(matcher, null)
                .date(Text.date(JsonStream.text(r, "timestamp"), false));
        for (String tag : listOrCsv(info, "tags")) b.addTag(tag);
        List<String> refs = listOrCsv(info, "reference");
        b.references(refs.isEmpty() ? null : String.join("\n", refs));
        JsonNode cls = info.get("classification");
        if (cls != null && cls.isObject()) {
            for (String cve : JsonStream.strings(cls, "cve-id")) b.addVulnerabilityIdOnce(cve.toUpperCase(Locale.ROOT));
            for (String cwe : JsonStream.strings(cls, "cwe-id")) b.addCwe(Text.cwe(cwe)); // non-numeric ids are ignored
            b.cvssV3(JsonStream.text(cls, "cvss-metrics"), JsonStream.number(cls, "cvss-score"));
        }
        return b;
    }

    /** Nuclei writes tags/references either as a list or as one comma/newline separated string. */
    private static List<String> listOrCsv(JsonNode n, String field) {
        JsonNode v = n.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (v.isArray()) return JsonStream.strings(n, field);
        String s = v.asString();
        for (String p : s.split(field.equals("tags") ? "," : "\\R")) {
            String t = p.trim();
            if (t.startsWith("- ")) t = t.substring(2).trim();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    private static @Nullable String first(JsonNode r, String... fields) {
        for (String f : fields) {
            String v = JsonStream.text(r, f);
            if (v != null) return v;
        }
        return null;
    }
}
