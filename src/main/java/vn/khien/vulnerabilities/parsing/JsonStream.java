package vn.khien.vulnerabilities.parsing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson 3 streaming helpers. Parsers walk the token stream and bind only one item at a time
 * ({@link #readTree}) so memory is bounded by the largest single item.
 */
public final class JsonStream implements AutoCloseable {
    // trailing-token check off: we bind sub-trees in the middle of a stream on purpose
    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JsonParser parser;

    private JsonStream(JsonParser parser) {
        this.parser = parser;
    }

    public static JsonStream open(InputStream in) throws ReportFormatException {
        try {
            return new JsonStream(MAPPER.createParser(in));
        } catch (JacksonException e) {
            throw new ReportFormatException("Not readable as JSON: " + e.getOriginalMessage(), "start of file", e);
        }
    }

    public JsonParser parser() {
        return parser;
    }

    /** Next token, or null at end of input; errors carry line/column and JSON pointer. */
    public @Nullable JsonToken next() throws ReportFormatException {
        try {
            return parser.nextToken();
        } catch (JacksonException e) {
            throw error("Invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Text of the current scalar token. Jackson decodes strings lazily, so a malformed string (an unescaped control
     * character, broken UTF-8) only fails here: go through this method, never {@code parser().getString()}.
     */
    public String string() throws ReportFormatException {
        try {
            return parser.getString();
        } catch (JacksonException e) {
            throw error("Invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public @Nullable JsonToken current() {
        return parser.currentToken();
    }

    /** The current property name; call it on a {@code PROPERTY_NAME} token. */
    public String name() throws ReportFormatException {
        String n = parser.currentName();
        if (n == null) {
            throw error("Expected a property name but found " + parser.currentToken(), null);
        }
        return n;
    }

    /** Binds the value at the current token (object, array or scalar) into a tree. */
    public JsonNode readTree() throws ReportFormatException {
        try {
            JsonNode n = MAPPER.readTree(parser);
            return n;
        } catch (JacksonException e) {
            throw error("Invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public void skip() throws ReportFormatException {
        try {
            parser.skipChildren();
        } catch (JacksonException e) {
            throw error("Invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Requires the current token; a null token means the input ended early. */
    public JsonToken expect(JsonToken t, String what) throws ReportFormatException {
        JsonToken c = parser.currentToken();
        if (c == null) {
            throw error("Unexpected end of JSON input, expected " + what, null);
        }
        if (c != t) {
            throw error("Expected " + what + " but found " + c, null);
        }
        return c;
    }

    /** Verifies nothing but whitespace follows the top-level value. */
    public void expectEnd() throws ReportFormatException {
        JsonToken t = next();
        if (t != null) {
            throw error("Unexpected content after the end of the JSON document: " + t, null);
        }
    }

    public ReportFormatException error(String message, @Nullable Throwable cause) {
        return new ReportFormatException(message, where(cause), cause);
    }

    private String where(@Nullable Throwable cause) {
        TokenStreamLocation l = cause instanceof JacksonException && ((JacksonException) cause).getLocation() != null
                ? ((JacksonException) cause).getLocation()
                : parser.currentLocation();
        String pointer;
        try {
            pointer = parser.streamReadContext().pathAsPointer().toString();
        } catch (RuntimeException e) {
            pointer = "?";
        }
        return "line " + l.getLineNr() + ", column " + l.getColumnNr() + ", JSON path '"
                + (pointer.isEmpty() ? "/" : pointer) + "'";
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (JacksonException ignored) {
            // nothing useful to report when closing
        }
    }

    // ---- small tree accessors tolerant of missing / null / wrongly typed values ----

    public static @Nullable String text(@Nullable JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isContainer()) return null;
        String s = v.asString();
        return s == null || s.isBlank() ? null : s;
    }

    public static String textOrEmpty(@Nullable JsonNode n, String field) {
        String s = text(n, field);
        return s == null ? "" : s;
    }

    public static @Nullable Double number(@Nullable JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.doubleValue();
        return Text.parseDouble(v.isContainer() ? null : v.asString());
    }

    public static @Nullable Integer integer(@Nullable JsonNode n, String field) {
        Double d = number(n, field);
        return d == null || d != Math.floor(d) ? null : d.intValue();
    }

    public static @Nullable Boolean bool(@Nullable JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.asBoolean();
        String s = v.isContainer() ? "" : v.asString().trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("yes") || s.equals("1")) return true;
        if (s.equals("false") || s.equals("no") || s.equals("0")) return false;
        return null;
    }

    /** Elements of an array field (or the single value when it is not an array). */
    public static List<JsonNode> list(@Nullable JsonNode n, String field) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null) return out;
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return out;
        if (v.isArray()) {
            v.values().forEach(out::add);
        } else {
            out.add(v);
        }
        return out;
    }

    public static List<String> strings(@Nullable JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : list(n, field)) {
            if (!e.isContainer() && !e.isNull() && !e.asString().isBlank())
                out.add(e.asString().trim());
        }
        return out;
    }
}
