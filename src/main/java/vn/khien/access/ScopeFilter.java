package vn.khien.access;

import java.util.LinkedHashMap;
import java.util.Map;

/** An SQL predicate plus its named parameters, to be ANDed into a query's WHERE clause. */
public record ScopeFilter(String sql, Map<String, Object> params) {

    /** Either predicate, in parentheses; the parameter names of the two must not clash (or bind the same values). */
    public ScopeFilter or(ScopeFilter other) {
        Map<String, Object> both = new LinkedHashMap<>(params);
        both.putAll(other.params());
        return new ScopeFilter("((" + sql + ") OR (" + other.sql() + "))", both);
    }
}
