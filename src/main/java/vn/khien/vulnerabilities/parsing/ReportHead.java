package vn.khien.vulnerabilities.parsing;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * What the first {@link Sniff#HEAD_BYTES} bytes of a report say about it, read once by {@link FormatDetector} and
 * shown to every parser's {@link Recognition}: the syntax, and the XML root element (local name), the top-level JSON
 * keys (of the object, or of the first array element / JSON line) or the lower-cased CSV header columns.
 *
 * @param text the head itself (UTF-8, without a byte order mark)
 * @param xmlRoot local name of the XML root element, or null
 * @param jsonKeys top-level JSON keys seen in the head (empty unless JSON)
 * @param jsonArray whether the JSON document is an array
 * @param csvHeader the first line, lower-cased (empty unless CSV)
 * @param csvColumns the CSV header's column names, lower-cased, unquoted and trimmed
 */
public record ReportHead(
        Sniff.Syntax syntax,
        String text,
        @Nullable String xmlRoot,
        Set<String> jsonKeys,
        boolean jsonArray,
        String csvHeader,
        Set<String> csvColumns) {

    private static final Pattern XML_SKIP =
            Pattern.compile("<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^\\[>]*(\\[.*?\\])?\\s*>", Pattern.DOTALL);
    private static final Pattern XML_ROOT = Pattern.compile("<([A-Za-z_][\\w.:-]*)");

    /** Reads the head's shape; never fails (a head cut in the middle of a value keeps what was seen). */
    public static ReportHead of(String head) {
        Sniff.Syntax syntax = Sniff.syntax(head);
        switch (syntax) {
            case XML:
                return new ReportHead(syntax, head, xmlRoot(head), Set.of(), false, "", Set.of());
            case JSON:
                return json(head);
            case CSV:
                return csv(head);
            default:
                return new ReportHead(syntax, head, null, Set.of(), false, "", Set.of());
        }
    }

    /** True when the JSON head has any of these top-level keys. */
    public boolean hasAnyKey(String... keys) {
        for (String k : keys) {
            if (jsonKeys.contains(k)) return true;
        }
        return false;
    }

    /** True when the CSV header has any of these (lower-case) columns. */
    public boolean hasAnyColumn(String... columns) {
        for (String c : columns) {
            if (csvColumns.contains(c)) return true;
        }
        return false;
    }

    private static @Nullable String xmlRoot(String head) {
        String body = XML_SKIP.matcher(head).replaceAll("");
        Matcher m = XML_ROOT.matcher(body);
        if (!m.find()) {
            return null;
        }
        String root = m.group(1);
        int colon = root.indexOf(':');
        return colon >= 0 ? root.substring(colon + 1) : root;
    }

    private static ReportHead json(String head) {
        Set<String> keys = new HashSet<>();
        boolean arrayRoot = false;
        try (JsonParser p = JsonStream.MAPPER.createParser(head)) {
            int depth = 0;
            int keyDepth = -1;
            JsonToken t;
            while ((t = p.nextToken()) != null && keys.size() < 200) {
                if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                    if (depth == 0) {
                        arrayRoot = t == JsonToken.START_ARRAY;
                        keyDepth = arrayRoot ? 2 : 1;
                    }
                    depth++;
                } else if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                    depth--;
                    if (depth == 0 && !arrayRoot) break; // first JSON line / object is enough
                    if (arrayRoot && depth == 1) break; // first array element is enough
                } else if (t == JsonToken.PROPERTY_NAME && depth == keyDepth) {
                    keys.add(p.currentName());
                }
            }
        } catch (JacksonException e) {
            // the head is usually cut in the middle of a value: the keys seen so far decide
        }
        return new ReportHead(Sniff.Syntax.JSON, head, null, Set.copyOf(keys), arrayRoot, "", Set.of());
    }

    private static ReportHead csv(String head) {
        int nl = head.indexOf('\n');
        String header = (nl >= 0 ? head.substring(0, nl) : head).toLowerCase(Locale.ROOT);
        Set<String> cols = new HashSet<>();
        for (String c : header.split("[,;]")) {
            cols.add(c.replace("\"", "").trim());
        }
        return new ReportHead(Sniff.Syntax.CSV, head, null, Set.of(), false, header, Set.copyOf(cols));
    }
}
