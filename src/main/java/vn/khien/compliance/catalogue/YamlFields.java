package vn.khien.compliance.catalogue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads from a SnakeYAML map that record a problem (naming the item) instead of throwing, so loading reports
 * every mistake in a file at once. Shared by the catalogue and periodicity loaders.
 */
public final class YamlFields {

    private final Map<?, ?> map;
    private final String owner;
    private final List<String> problems;

    public YamlFields(@Nullable Object node, String owner, List<String> problems) {
        this.owner = owner;
        this.problems = problems;
        if (node instanceof Map<?, ?> asMap) {
            this.map = asMap;
        } else {
            this.map = Map.of();
            problems.add(owner + ": expected a mapping but found " + describe(node));
        }
    }

    public @Nullable String string(String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    public boolean bool(String key, boolean fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        problems.add(owner + ": '" + key + "' must be true or false, was " + describe(value));
        return fallback;
    }

    public <E extends Enum<E>> @Nullable E enumValue(String key, Class<E> type) {
        String value = string(key);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException unknown) {
            problems.add(owner + ": unknown " + key + " '" + value + "' (allowed: " + allowed(type) + ")");
            return null;
        }
    }

    public @Nullable LocalDate date(String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Date legacyDate) {
            // SnakeYAML turns unquoted ISO dates into java.util.Date at UTC midnight.
            return legacyDate.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(value).trim());
        } catch (RuntimeException badDate) {
            problems.add(owner + ": '" + key + "' is not an ISO date (yyyy-MM-dd): " + value);
            return null;
        }
    }

    public List<Integer> integers(String key) {
        List<Integer> result = new ArrayList<>();
        for (Object value : list(key)) {
            if (value instanceof Integer number) {
                result.add(number);
            } else {
                problems.add(owner + ": '" + key + "' must hold whole numbers, found " + describe(value));
            }
        }
        return result;
    }

    public List<String> strings(String key) {
        return list(key).stream().map(String::valueOf).toList();
    }

    public List<?> list(String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> values) {
            return values;
        }
        problems.add(owner + ": '" + key + "' must be a list, was " + describe(value));
        return List.of();
    }

    public Map<?, ?> mapping(String key) {
        Object value = map.get(key);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> values) {
            return values;
        }
        problems.add(owner + ": '" + key + "' must be a mapping, was " + describe(value));
        return Map.of();
    }

    public boolean has(String key) {
        return map.get(key) != null;
    }

    public @Nullable Object raw(String key) {
        return map.get(key);
    }

    private static <E extends Enum<E>> String allowed(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return String.join(", ", names);
    }

    private static String describe(@Nullable Object value) {
        return value == null ? "nothing" : value.getClass().getSimpleName() + " '" + value + "'";
    }
}
