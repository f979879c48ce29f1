package vn.khien.vulnerabilities.parsing.formats;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
 * SARIF 2.1 (any static analyser). One finding per result per location; results whose
 * {@code kind} is not "fail" are skipped; suppressed results are kept as false positives.
 *
 * <p>Streaming: results are bound one at a time. The finding date comes from the run's last
 * invocation, which SARIF may place after the results; to stay bounded we hold at most
 * {@link #MAX_PENDING} results of a run while waiting for it, after which findings are emitted
 * without a date.
 */
final class SarifParser implements ReportParser {
    static final int MAX_PENDING = 10_000;
    private static final int TITLE_WIDTH = 150;

    @Override
    public String format() {
        return "sarif";
    }

    /** Recognised by the top-level "runs" key. */
    @Override
    public Recognition recognition() {
        return Recognition.json(h -> h.hasAnyKey("runs"));
    }

    @Override
    public void parse(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        try (JsonStream js = JsonStream.open(in)) {
            js.next();
            js.expect(JsonToken.START_OBJECT, "a SARIF log object");
            boolean sawRuns = false;
            JsonToken t;
            while ((t = js.next()) == JsonToken.PROPERTY_NAME) {
                String name = js.name();
                JsonToken v = js.next();
                if ("runs".equals(name) && v == JsonToken.START_ARRAY) {
                    sawRuns = true;
                    while ((v = js.next()) == JsonToken.START_OBJECT) {
                        readRun(js, sink);
                    }
                    if (v != JsonToken.END_ARRAY) throw js.error("Malformed SARIF runs array", null);
                } else {
                    js.skip();
                }
            }
            if (t != JsonToken.END_OBJECT) throw js.error("Unexpected end of SARIF log", null);
            if (!sawRuns) throw js.error("Not a SARIF log: no 'runs' array", null);
            js.expectEnd();
        }
    }

    /** State of one run while its results stream by. */
    private static final class Run {
        String toolName = "SARIF";
        final Map<String, JsonNode> rules = new HashMap<>();
        final List<String> artifactUris = new ArrayList<>();

        @Nullable
        OffsetDateTime date;

        boolean invocationsSeen;
        boolean flushed;
        final List<JsonNode> pending = new ArrayList<>();
    }

    private void readRun(JsonStream js, Consumer<ParsedFinding> sink) throws ReportFormatException {
        Run run = new Run();
        JsonToken t;
        while ((t = js.next()) == JsonToken.PROPERTY_NAME) {
            String name = js.name();
            JsonToken v = js.next();
            if ("tool".equals(name) && v == JsonToken.START_OBJECT) {
                readTool(js.readTree(), run);
            } else if ("invocations".equals(name) && v == JsonToken.START_ARRAY) {
                List<JsonNode> inv = new ArrayList<>();
                js.readTree().values().forEach(inv::add);
                run.invocationsSeen = true;
                if (!inv.isEmpty()) run.date = Text.date(JsonStream.text(inv.get(inv.size() - 1), "endTimeUtc"), false);
                flush(run, sink);
            } else if ("artifacts".equals(name) && v == JsonToken.START_ARRAY) {
                while ((v = js.next()) == JsonToken.START_OBJECT) {
                    JsonNode a = js.readTree();
                    run.artifactUris.add(JsonStream.text(a.path("location"), "uri"));
                }
            } else if ("results".equals(name) && v == JsonToken.START_ARRAY) {
                while ((v = js.next()) == JsonToken.START_OBJECT) {
                    JsonNode r = js.readTree();
                    if (run.invocationsSeen || run.flushed) {
                        emit(r, run, sink);
                    } else {
                        run.pending.add(r);
                        if (run.pending.size() >= MAX_PENDING) flush(run, sink);
                    }
                }
                if (v != JsonToken.END_ARRAY) throw js.error("Malformed SARIF results array", null);
            } else {
                js.skip();
            }
        }
        if (t != JsonToken.END_OBJECT) throw js.error("Unexpected end of SARIF run", null);
        flush(run, sink);
    }

    private void flush(Run run, Consumer<ParsedFinding> sink) {
        for (JsonNode r : run.pending) emit(r, run, sink);
        run.pending.clear();
        run.flushed = run.flushed || !run.invocationsSeen;
    }

    private void readTool(JsonNode tool, Run run) {
        JsonNode driver = tool.path("driver");
        String n = JsonStream.text(driver, "name");
        if (n != null) run.toolName = n;
        for (JsonNode rule : JsonStream.list(driver, "rules")) {
            String id = JsonStream.text(rule, "id");
            if (id != null) run.rules.put(id, rule);
        }
    }

    private void emit(JsonNode r, Run run, Consumer<ParsedFinding> sink) {
        String kind = JsonStream.text(r, "kind");
        if (kind != null && !kind.equals("fail")) {
            return;
        }
        List<JsonNode> locations = JsonStream.list(r, "locations");
        if (locations.isEmpty()) {
            sink.accept(build(r, null, run));
        } else {
            for (JsonNode l : locations) sink.accept(build(r, l, run));
        }
    }

    private ParsedFinding build(JsonNode r, @Nullable JsonNode loc, Run run) {
        String ruleId = JsonStream.text(r, "ruleId");
        JsonNode rule = ruleId == null ? null : run.rules.get(ruleId);
        ParsedFinding.Builder b = ParsedFinding.builder(run.toolName)
                .staticFinding(true)
                .vulnIdFromTool(ruleId)
                .date(run.date);
        String message = messageText(r.get("message"), rule);
        String fallbackTitle = rule == null ? ruleId : text(rule, "shortDescription");
        b.title(shorten(message != null ? message : fallbackTitle != null ? fallbackTitle : ruleId));
        b.description(join(message, rule == null ? null : text(rule, "fullDescription")));
        if (Text.isCve(ruleId)) b.addVulnerabilityId(ruleId);
        severity(b, r, rule);
        if (rule != null) {
            String help = JsonStream.text(rule, "helpUri");
            b.references(help != null ? help : text(rule, "help"));
            cwes(b, rule);
        }
        List<JsonNode> suppressions = JsonStream.list(r, "suppressions");
        if (!suppressions.isEmpty()) b.falsePositive(true).active(false);
        b.uniqueIdFromTool(uniqueId(r));
        if (loc != null) {
            JsonNode phys = loc.path("physicalLocation");
            JsonNode art = phys.path("artifactLocation");
            String uri = JsonStream.text(art, "uri");
            Integer idx = JsonStream.integer(art, "index");
            if (uri == null && idx != null && idx >= 0 && idx < run.artifactUris.size())
                uri = run.artifactUris.get(idx);
            b.addLocation(Location.file(uri, JsonStream.integer(phys.path("region"), "startLine")));
        }
        return b.build();
    }

    private static void severity(ParsedFinding.Builder b, JsonNode r, @Nullable JsonNode rule) {
        String level = JsonStream.text(r, "level");
        if (level == null && rule != null) level = JsonStream.text(rule.path("defaultConfiguration"), "level");
        Severity s;
        if ("error".equals(level)) s = Severity.HIGH;
        else if ("note".equals(level)) s = Severity.INFO;
        else s = Severity.MEDIUM; // warning, none or missing
        Double sec = rule == null ? null : JsonStream.number(rule.path("properties"), "security-severity");
        if (sec != null) {
            s = Severity.fromCvssScore(sec);
            b.cvssV3Score(sec);
        }
        b.severity(s);
    }

    /** CWEs from rule relationships and tags; the LAST one found is the primary (importer convention). */
    private static void cwes(ParsedFinding.Builder b, JsonNode rule) {
        List<Integer> found = new ArrayList<>();
        for (JsonNode rel : JsonStream.list(rule, "relationships")) {
            Integer c = Text.cwe(JsonStream.text(rel.path("target"), "id"));
            if (c != null && !found.contains(c)) found.add(c);
        }
        for (String tag : JsonStream.strings(rule.path("properties"), "tags")) {
            String tl = tag.toLowerCase(Locale.ROOT);
            if (tl.startsWith("external/cwe/cwe-")) {
                Integer c = Text.parseInt(tl.substring("external/cwe/cwe-".length()));
                if (c != null && !found.contains(c)) found.add(c);
            }
        }
        found.forEach(b::addCwe);
        if (!found.isEmpty()) b.primaryCwe(found.get(found.size() - 1));
    }

    private static @Nullable String uniqueId(JsonNode r) {
        JsonNode fp = r.get("fingerprints");
        if (fp != null && fp.isObject() && !fp.isEmpty()) {
            List<String> vals = new ArrayList<>();
            new TreeMap<>(toMap(fp)).values().forEach(vals::add);
            return String.join("|", vals);
        }
        JsonNode pfp = r.get("partialFingerprints");
        if (pfp != null && pfp.isObject() && !pfp.isEmpty()) {
            List<String> vals = new ArrayList<>();
            new TreeMap<>(toMap(pfp)).forEach((k, v) -> vals.add(k + ":" + v));
            return String.join("|", vals);
        }
        return null;
    }

    private static Map<String, String> toMap(JsonNode obj) {
        Map<String, String> m = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : obj.properties()) m.put(e.getKey(), fingerprintValue(e.getValue()));
        return m;
    }

    /**
     * A fingerprint value as text. SARIF says a string; some producers write an object ({@code {"value": "…"}}),
     * a number or an array: the object's {@code value} (or its only member) is taken, anything else its compact JSON,
     * so that the same result keeps the same key from one scan to the next.
     */
    static String fingerprintValue(@Nullable JsonNode v) {
        if (v == null || v.isNull()) return "";
        if (v.isObject()) {
            JsonNode inner = v.get("value");
            if (inner == null && v.size() == 1) inner = v.iterator().next();
            if (inner != null && !inner.isContainer()) return inner.isNull() ? "" : inner.asString();
            if (inner != null) return fingerprintValue(inner);
            return new TreeMap<>(toMap(v)).toString();
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode e : v) parts.add(fingerprintValue(e));
            return String.join(",", parts);
        }
        return v.asString();
    }

    /** message.text, or the rule's messageStrings[id] with {n} placeholders filled from arguments. */
    private static @Nullable String messageText(@Nullable JsonNode message, @Nullable JsonNode rule) {
        if (message == null) return null;
        String text = JsonStream.text(message, "text");
        if (text == null && rule != null) {
            String id = JsonStream.text(message, "id");
            if (id != null) text = JsonStream.text(rule.path("messageStrings").path(id), "text");
        }
        if (text == null) text = JsonStream.text(message, "markdown");
        if (text == null) return null;
        List<String> args = JsonStream.strings(message, "arguments");
        for (int i = 0; i < args.size(); i++) text = text.replace("{" + i + "}", args.get(i));
        return text;
    }

    private static @Nullable String text(JsonNode n, String field) {
        return JsonStream.text(n.path(field), "text");
    }

    /**
     * Collapses whitespace and cuts at a word boundary so the result, including the " [...]"
     * marker, is at most {@value #TITLE_WIDTH} characters (long SARIF messages make poor titles).
     */
    static @Nullable String shorten(@Nullable String s) {
        if (s == null) return null;
        String t = s.trim().replaceAll("\\s+", " ");
        if (t.length() <= TITLE_WIDTH) return t;
        String marker = " [...]";
        StringBuilder out = new StringBuilder();
        for (String word : t.split(" ")) {
            int add = (out.length() == 0 ? 0 : 1) + word.length();
            if (out.length() + add + marker.length() > TITLE_WIDTH) break;
            if (out.length() > 0) out.append(' ');
            out.append(word);
        }
        return out.length() == 0 ? t.substring(0, TITLE_WIDTH - marker.length()) + marker : out + marker;
    }

    private static @Nullable String join(@Nullable String a, @Nullable String b) {
        if (a == null) return b;
        if (b == null || b.equals(a)) return a;
        return a + "\n\n" + b;
    }
}
