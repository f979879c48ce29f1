package vn.khien.systems.classification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Answers to a regime's questions, keyed by question id. A missing key means "not answered". */
public final class Answers {

    private final Map<String, Object> values;

    private Answers(Map<String, Object> values) {
        this.values = values;
    }

    public static Answers of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return new Answers(Collections.unmodifiableMap(copy));
    }

    public @Nullable Object get(String questionId) {
        return values.get(questionId);
    }

    public boolean has(String questionId) {
        return values.containsKey(questionId);
    }

    public Map<String, Object> asMap() {
        return values;
    }
}
