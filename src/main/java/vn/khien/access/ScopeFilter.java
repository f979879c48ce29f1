package vn.khien.access;

import java.util.Map;

/** An SQL predicate plus its named parameters, to be ANDed into a query's WHERE clause. */
public record ScopeFilter(String sql, Map<String, Object> params) {}
