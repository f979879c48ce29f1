package vn.khien.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The number of rows of every table of the application's schema, read in one statement: a probe compares two readings
 * to prove that refused requests wrote nothing ("nothing half-written", issue 10). Tables that background work or the
 * mere act of asking writes to (request bookkeeping, event publications, sign-in throttling, sessions) are left out.
 */
public final class RowCounts {

    /** Written by every request or by background work, not by the operation itself. */
    static final Set<String> BOOKKEEPING = Set.of(
            "flyway_schema_history",
            "event_publication",
            "event_publication_archive",
            "spring_session",
            "spring_session_attributes",
            "api_token_use",
            "login_attempt",
            "sign_in_throttle",
            "shedlock",
            "job_lock",
            "request_log");

    private final JdbcClient jdbc;
    private final String statement;
    private final String updates;

    public RowCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
        List<String> tables = jdbc.sql(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA"
                                + " AND table_type IN ('BASE TABLE', 'TABLE')")
                .query(String.class)
                .list();
        StringBuilder sql = new StringBuilder();
        for (String t : tables) {
            if (BOOKKEEPING.contains(t.toLowerCase())) {
                continue;
            }
            sql.append(sql.isEmpty() ? "" : " UNION ALL ")
                    .append("SELECT '")
                    .append(t.toLowerCase())
                    .append("' AS t, COUNT(*) AS n FROM \"")
                    .append(t)
                    .append('"');
        }
        this.statement = sql.toString();
        // the latest change of every table that records one: an update in place changes no count
        StringBuilder latest = new StringBuilder();
        jdbc
                .sql("SELECT table_name FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA"
                        + " AND LOWER(column_name) = 'updated_at'")
                .query(String.class)
                .list()
                .stream()
                .filter(t -> tables.contains(t) && !BOOKKEEPING.contains(t.toLowerCase()))
                .forEach(t -> latest.append(latest.isEmpty() ? "" : " UNION ALL ")
                        .append("SELECT '")
                        .append(t.toLowerCase())
                        .append("' AS t, CAST(MAX(\"")
                        .append(columnName(jdbc, t))
                        .append("\") AS VARCHAR(64)) AS u FROM \"")
                        .append(t)
                        .append('"'));
        this.updates = latest.toString();
    }

    private static String columnName(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA"
                        + " AND table_name = :t AND LOWER(column_name) = 'updated_at'")
                .param("t", table)
                .query(String.class)
                .single();
    }

    /** The latest {@code updated_at} of every table that has one (null: no row). */
    public Map<String, String> latestUpdates() {
        Map<String, String> out = new TreeMap<>();
        if (!updates.isEmpty()) {
            jdbc.sql(updates)
                    .query((rs, i) -> out.put(rs.getString(1), String.valueOf(rs.getString(2))))
                    .list();
        }
        return out;
    }

    public Map<String, Long> read() {
        Map<String, Long> out = new TreeMap<>();
        jdbc.sql(statement)
                .query((rs, i) -> out.put(rs.getString(1), rs.getLong(2)))
                .list();
        return out;
    }

    /** The tables whose count differs, with before → after. */
    public static <V> Map<String, String> changes(Map<String, V> before, Map<String, V> after) {
        Map<String, String> out = new LinkedHashMap<>();
        after.forEach((t, n) -> {
            V b = before.get(t);
            if (!Objects.equals(b, n)) {
                out.put(t, b + " → " + n);
            }
        });
        return out;
    }
}
