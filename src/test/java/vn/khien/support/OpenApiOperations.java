package vn.khien.support;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of {@code /v3/api-docs} for generic probes (issue 10): each with its request body schema, a valid
 * body built from that schema, and the leaves (fields) of the body that a probe can change one at a time. A new
 * operation is covered by every probe that walks this list without editing the probe.
 */
public final class OpenApiOperations {

    /** One operation: {@code method} in upper case, the path template with its {@code {variables}}. */
    public record Operation(String method, String path, JsonNode op, String contentType, JsonNode bodySchema) {

        public String key() {
            return method + " " + path;
        }

        public boolean hasPathVariables() {
            return path.contains("{");
        }

        public boolean jsonBody() {
            return contentType != null && contentType.contains("json") && bodySchema != null;
        }

        public boolean multipart() {
            return contentType != null && contentType.startsWith("multipart/");
        }

        /**
         * The path with every variable filled: an enum variable with its first value, any other with {@code value}
         * (null: left as it is).
         */
        public String path(String value) {
            Map<String, JsonNode> schemas = new LinkedHashMap<>();
            for (JsonNode p : op.path("parameters")) {
                if ("path".equals(p.path("in").asString(""))) {
                    schemas.put(p.path("name").asString(""), p.path("schema"));
                }
            }
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                JsonNode schema = schemas.get(m.group(1));
                String v = schema != null && schema.has("enum")
                        ? schema.get("enum").get(0).asString()
                        : value == null ? m.group() : value;
                m.appendReplacement(out, Matcher.quoteReplacement(v));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** The query parameters' (name, schema). */
        public Map<String, JsonNode> queryParameters() {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            for (JsonNode p : op.path("parameters")) {
                if ("query".equals(p.path("in").asString(""))) {
                    out.put(p.path("name").asString(""), p.path("schema"));
                }
            }
            return out;
        }
    }

    /** A field of a body: its path from the root (names, or 0 for the first element of a list) and its schema. */
    public record Field(List<Object> path, JsonNode schema) {

        /** As the API names it in problems: {@code a.b[0].c}. */
        public String name() {
            StringBuilder b = new StringBuilder();
            for (Object p : path) {
                if (p instanceof Integer i) {
                    b.append('[').append(i).append(']');
                } else {
                    b.append(b.isEmpty() ? "" : ".").append(p);
                }
            }
            return b.toString();
        }

        /** The last named step ({@code c} of {@code a.b[0].c}). */
        public String leaf() {
            for (int i = path.size() - 1; i >= 0; i--) {
                if (path.get(i) instanceof String s) {
                    return s;
                }
            }
            return "";
        }

        public String type() {
            return schema.path("type").asString(schema.has("properties") ? "object" : "string");
        }

        public String format() {
            return schema.path("format").asString("");
        }

        public boolean isEnum() {
            return schema.has("enum");
        }
    }

    private final JsonNode docs;

    public OpenApiOperations(JsonNode docs) {
        this.docs = docs;
    }

    public JsonNode docs() {
        return docs;
    }

    public List<Operation> all() {
        List<Operation> out = new ArrayList<>();
        for (var path : docs.get("paths").properties()) {
            for (var m : path.getValue().properties()) {
                String method = m.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                JsonNode op = m.getValue();
                JsonNode content = op.path("requestBody").path("content");
                String contentType = null;
                JsonNode schema = null;
                if (!content.isMissingNode() && !content.isEmpty()) {
                    Iterator<String> names = content.propertyNames().iterator();
                    contentType = names.next();
                    schema = resolve(content.get(contentType).path("schema"));
                }
                out.add(new Operation(method, path.getKey(), op, contentType, schema));
            }
        }
        return out;
    }

    /** The schema behind a {@code $ref} (and the first branch of oneOf/anyOf/allOf). */
    public JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 8 && schema != null; i++) {
            if (schema.has("$ref")) {
                schema = docs.at(schema.get("$ref").asString().substring(1));
            } else if (schema.has("allOf") && schema.get("allOf").size() == 1) {
                schema = schema.get("allOf").get(0);
            } else if (schema.has("oneOf")) {
                schema = schema.get("oneOf").get(0);
            } else if (schema.has("anyOf")) {
                schema = schema.get("anyOf").get(0);
            } else {
                return schema;
            }
        }
        return schema;
    }

    /**
     * A body of the schema's shape: every property, enums their first value, strings from {@code text} (given the
     * field's name), numbers 1, dates in 2026. {@code ids} may supply a value for a field by its name (e.g.
     * {@code systemId}); it answers null when it has none.
     */
    public JsonNode valid(JsonNode schema, Function<String, String> text, Function<String, Long> ids) {
        return Http.JSON.valueToTree(value(schema, "", text, ids, 0));
    }

    private Object value(
            JsonNode schema, String name, Function<String, String> text, Function<String, Long> ids, int depth) {
        schema = resolve(schema);
        if (schema == null || schema.isMissingNode() || depth > 5) {
            return null;
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        String format = schema.path("format").asString("");
        switch (type) {
            case "object" -> {
                Map<String, Object> o = new LinkedHashMap<>();
                for (var p : schema.path("properties").properties()) {
                    o.put(p.getKey(), value(p.getValue(), p.getKey(), text, ids, depth + 1));
                }
                return o;
            }
            case "array" -> {
                Object item = value(schema.path("items"), singular(name), text, ids, depth + 1);
                return item == null ? List.of() : List.of(item);
            }
            case "integer" -> {
                Long id = ids.apply(name);
                return id != null ? id : 1L;
            }
            case "number" -> {
                return 1.0;
            }
            case "boolean" -> {
                return Boolean.FALSE;
            }
            default -> {
                return switch (format) {
                    case "date" -> "2026-06-01";
                    case "date-time" -> "2026-06-01T00:00:00Z";
                    case "byte" -> "aGVsbG8=";
                    case "email" -> "thu@khien.vn";
                    case "uri", "url" -> "https://khien.vn/x";
                    default -> {
                        int max = schema.path("maxLength").asInt(200);
                        String s = text.apply(name);
                        yield s.length() > max ? s.substring(0, Math.max(1, max)) : s;
                    }
                };
            }
        }
    }

    private static String singular(String name) {
        if (name.endsWith("Ids")) {
            return name.substring(0, name.length() - 1);
        }
        return name;
    }

    /** The leaves of a body schema (scalars, enums), nested objects and the first element of lists included. */
    public List<Field> fields(JsonNode schema) {
        List<Field> out = new ArrayList<>();
        walk(resolve(schema), new ArrayList<>(), out, 0);
        return out;
    }

    private void walk(JsonNode schema, List<Object> at, List<Field> out, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 5) {
            return;
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        if (schema.has("enum")) {
            out.add(new Field(List.copyOf(at), schema));
        } else if ("object".equals(type)) {
            for (var p : schema.path("properties").properties()) {
                at.add(p.getKey());
                walk(resolve(p.getValue()), at, out, depth + 1);
                at.remove(at.size() - 1);
            }
        } else if ("array".equals(type)) {
            at.add(0);
            walk(resolve(schema.path("items")), at, out, depth + 1);
            at.remove(at.size() - 1);
        } else {
            out.add(new Field(List.copyOf(at), schema));
        }
    }

    /** A copy of {@code body} with the field at {@code path} set to {@code value} (created along the way). */
    public static JsonNode with(JsonNode body, List<Object> path, Object value) {
        JsonNode copy = body.deepCopy();
        if (path.isEmpty()) {
            return Http.JSON.valueToTree(value);
        }
        JsonNode node = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            Object next = path.get(i + 1);
            JsonNode child = step instanceof Integer n ? node.path(n) : node.path((String) step);
            if (child.isMissingNode() || child.isNull()) {
                child = next instanceof Integer ? Http.JSON.createArrayNode() : Http.JSON.createObjectNode();
                if (step instanceof Integer) {
                    ((ArrayNode) node).add(child);
                } else {
                    ((ObjectNode) node).set((String) step, child);
                }
            }
            node = child;
        }
        Object last = path.get(path.size() - 1);
        JsonNode v = Http.JSON.valueToTree(value);
        if (last instanceof Integer n) {
            ArrayNode a = (ArrayNode) node;
            if (a.size() > n) {
                a.set(n, v);
            } else {
                a.add(v);
            }
        } else {
            ((ObjectNode) node).set((String) last, v);
        }
        return copy;
    }
}
