package vn.khien.warnings.advisories;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Small null-safe readers over Jackson trees. */
final class Json {

    private Json() {}

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || v.isContainer() ? null : v.asString();
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode e : array) {
                if (!e.isContainer() && !e.isNull()) {
                    out.add(e.asString());
                }
            }
        }
        return out;
    }

    static Iterable<JsonNode> each(JsonNode array) {
        return array != null && array.isArray() ? array : List.of();
    }

    static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s);
            }
            if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(s).toLocalDate();
            }
            return LocalDate.parse(s.substring(0, 10));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
