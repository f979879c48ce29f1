package vn.khien.systems.classification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a condition back in the grammar of the rule data (rules/README.md), so API clients can evaluate
 * {@code required_when} themselves: {@code {question, op, value}}, {@code {question, in: [..]}},
 * {@code {question, only: [..]}}, {@code {all: [..]}}, {@code {any: [..]}}, {@code {not: {..}}}.
 */
public final class ConditionGrammar {

    private ConditionGrammar() {}

    /** The condition as nested maps and lists, or {@code null} for no condition. */
    public static @Nullable Map<String, Object> toMap(@Nullable Condition condition) {
        if (condition == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (condition instanceof Comparison c) {
            m.put("question", c.questionId());
            m.put("op", c.op());
            m.put("value", c.value());
        } else if (condition instanceof Membership x) {
            m.put("question", x.questionId());
            m.put(x.only() ? "only" : "in", x.values());
        } else if (condition instanceof AllOf a) {
            m.put("all", list(a.conditions()));
        } else if (condition instanceof AnyOf a) {
            m.put("any", list(a.conditions()));
        } else if (condition instanceof Not n) {
            m.put("not", toMap(n.condition()));
        } else {
            throw new IllegalArgumentException(
                    "unknown condition " + condition.getClass().getName());
        }
        return m;
    }

    private static List<Map<String, Object>> list(List<Condition> conditions) {
        return conditions.stream().map(ConditionGrammar::toMap).toList();
    }
}
