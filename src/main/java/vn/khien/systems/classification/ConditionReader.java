package vn.khien.systems.classification;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.khien.systems.rules.RuleDataException;
import vn.khien.systems.rules.YamlMap;

/** Turns the YAML condition grammar ({@code all}, {@code any}, {@code not}, {@code op}/{@code value}, {@code in}, {@code only}) into {@link Condition}s. */
final class ConditionReader {

    private ConditionReader() {}

    static Condition read(@Nullable Object node, String path) {
        YamlMap map = YamlMap.asMap(node, path);
        if (map.has("all")) {
            return new AllOf(readList(map, "all"));
        }
        if (map.has("any")) {
            return new AnyOf(readList(map, "any"));
        }
        if (map.has("not")) {
            return new Not(read(map.raw("not"), path + " › not"));
        }
        String question = map.string("question");
        if (map.has("in")) {
            return new Membership(question, map.strings("in"), false);
        }
        if (map.has("only")) {
            return new Membership(question, map.strings("only"), true);
        }
        if (map.has("op")) {
            if (!map.rawMap().containsKey("value")) {
                throw new RuleDataException(path + ": comparison on '" + question + "' has no value");
            }
            return new Comparison(question, map.string("op"), map.raw("value"));
        }
        throw new RuleDataException(path + ": condition needs all, any, not, in, only or op/value");
    }

    private static List<Condition> readList(YamlMap map, String key) {
        List<Object> items = map.list(key);
        if (items.isEmpty()) {
            throw map.error(key, "must list at least one condition");
        }
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            conditions.add(read(items.get(i), map.path() + " › " + key + "[" + i + "]"));
        }
        return conditions;
    }
}
