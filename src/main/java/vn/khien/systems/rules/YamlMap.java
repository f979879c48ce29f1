package vn.khien.systems.rules;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Typed, path-aware access to one YAML mapping, so that a broken rule file fails with
 * "file.yaml › criteria[3] › level" instead of a ClassCastException.
 */
public final class YamlMap {

    private final Map<String, Object> raw;
    private final String path;

    public YamlMap(@Nullable Map<String, Object> raw, String path) {
        this.raw = raw == null ? Collections.emptyMap() : raw;
        this.path = path;
    }

    public String path() {
        return path;
    }

    public boolean has(String key) {
        return raw.get(key) != null;
    }

    public @Nullable Object raw(String key) {
        return raw.get(key);
    }

    public Map<String, Object> rawMap() {
        return Collections.unmodifiableMap(raw);
    }

    public String string(String key) {
        Object value = require(key);
        return value.toString();
    }

    public @Nullable String optString(String key) {
        Object value = raw.get(key);
        return value == null ? null : value.toString();
    }

    public int integer(String key) {
        Object value = require(key);
        if (value instanceof Number) {
            return ((Number) value).intValue();
        }
        throw error(key, "expected an integer but was '" + value + "'");
    }

    public @Nullable Integer optInteger(String key) {
        return has(key) ? integer(key) : null;
    }

    public boolean bool(String key, boolean defaultValue) {
        Object value = raw.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        throw error(key, "expected true/false but was '" + value + "'");
    }

    public LocalDate date(String key) {
        return toDate(key, require(key));
    }

    public @Nullable LocalDate optDate(String key) {
        Object value = raw.get(key);
        return value == null ? null : toDate(key, value);
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String value = string(key);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw error(key, "unknown value '" + value + "' for " + type.getSimpleName());
        }
    }

    public <E extends Enum<E>> E optEnum(String key, Class<E> type, E defaultValue) {
        return has(key) ? enumValue(key, type) : defaultValue;
    }

    /** The value of an optional enum field, or null when the key is absent. */
    public <E extends Enum<E>> @Nullable E optEnum(String key, Class<E> type) {
        return has(key) ? enumValue(key, type) : null;
    }

    public YamlMap map(String key) {
        return asMap(require(key), path + " › " + key);
    }

    public List<YamlMap> maps(String key) {
        List<Object> items = list(key);
        List<YamlMap> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            result.add(asMap(items.get(i), path + " › " + key + "[" + i + "]"));
        }
        return result;
    }

    public List<Object> list(String key) {
        Object value = raw.get(key);
        if (value == null) {
            return Collections.emptyList();
        }
        if (value instanceof List) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) value;
            return list;
        }
        throw error(key, "expected a list");
    }

    public List<String> strings(String key) {
        List<String> result = new ArrayList<>();
        for (Object item : list(key)) {
            result.add(String.valueOf(item));
        }
        return result;
    }

    public List<Integer> integers(String key) {
        List<Integer> result = new ArrayList<>();
        for (Object item : list(key)) {
            if (!(item instanceof Number)) {
                throw error(key, "expected a list of integers but found '" + item + "'");
            }
            result.add(((Number) item).intValue());
        }
        return result;
    }

    public RuleDataException error(String key, String problem) {
        return new RuleDataException(path + " › " + key + ": " + problem);
    }

    public static YamlMap asMap(@Nullable Object value, String path) {
        if (value instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            return new YamlMap(map, path);
        }
        throw new RuleDataException(path + ": expected a mapping but was '" + value + "'");
    }

    private Object require(String key) {
        Object value = raw.get(key);
        if (value == null) {
            throw error(key, "is required");
        }
        return value;
    }

    private LocalDate toDate(String key, Object value) {
        // SnakeYAML turns unquoted ISO dates into java.util.Date at UTC midnight; quoted ones stay strings.
        if (value instanceof Date) {
            return ((Date) value).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(value.toString());
        } catch (RuntimeException e) {
            throw error(key, "expected a date yyyy-MM-dd but was '" + value + "'");
        }
    }
}
