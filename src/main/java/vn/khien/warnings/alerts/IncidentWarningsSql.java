package vn.khien.warnings.alerts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.access.CurrentPerson;
import vn.khien.warnings.IncidentWarningsQuery;

/** {@link IncidentWarningsQuery} in SQL, with {@link WarningRepository#VISIBLE} (TLP 2.0) ANDed into every read. */
@Component
class IncidentWarningsSql implements IncidentWarningsQuery {

    /** The least advanced response of the systems given, as a rank (REACHED first). */
    private static final String STATE = """
            (SELECT MIN(CASE t.status WHEN 'REACHED' THEN 1 WHEN 'REOPENED' THEN 2 WHEN 'ACKNOWLEDGED' THEN 3
               WHEN 'FIXING' THEN 4 WHEN 'NOT_AFFECTED' THEN 5 ELSE 6 END)
             FROM warning_target t WHERE t.warning_id = w.id AND t.system_id IN (:systems))""";

    private static final List<String> RANKED =
            List.of("REACHED", "REOPENED", "ACKNOWLEDGED", "FIXING", "NOT_AFFECTED", "FIXED");

    private static final String REACHES =
            "EXISTS (SELECT 1 FROM warning_target rt WHERE rt.warning_id = w.id AND rt.system_id IN (:systems))";

    private final JdbcClient jdbc;

    IncidentWarningsSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Found reaching(Collection<Long> systemIds, @Nullable String search, Collection<Long> except, int limit) {
        if (systemIds.isEmpty()) {
            return Found.NONE;
        }
        StringBuilder where = new StringBuilder(REACHES);
        Map<String, Object> params = new LinkedHashMap<>();
        if (search != null && !search.isBlank()) {
            where.append(" AND (UPPER(w.title) LIKE :search OR UPPER(w.cves) LIKE :search)");
            params.put("search", "%" + search.strip().toUpperCase(Locale.ROOT) + "%");
        }
        if (!except.isEmpty()) {
            where.append(" AND w.id NOT IN (:except)");
            params.put("except", List.copyOf(except));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM warning w JOIN organization wp ON wp.id = w.organization_id WHERE "
                        + where + " AND " + WarningRepository.VISIBLE)
                .param("tlpPerson", CurrentPerson.idOrNobody())
                .param("systems", List.copyOf(systemIds))
                .params(params)
                .query(Long.class)
                .single();
        return new Found(total == 0 ? List.of() : query(where.toString(), systemIds, params, limit), total, limit);
    }

    @Override
    public Optional<WarningRef> reaching(long warningId, Collection<Long> systemIds) {
        return query(REACHES + " AND w.id = :id", systemIds, Map.of("id", warningId), 1).stream()
                .findFirst();
    }

    @Override
    public Map<Long, WarningRef> visible(Collection<Long> warningIds, Collection<Long> systemIds) {
        Map<Long, WarningRef> out = new LinkedHashMap<>();
        if (warningIds.isEmpty()) {
            return out;
        }
        List<Long> systems = systemIds.isEmpty() ? List.of(-1L) : List.copyOf(systemIds);
        for (WarningRef w : query("w.id IN (:ids)", systems, Map.of("ids", List.copyOf(warningIds)), 1000)) {
            out.put(w.id(), w);
        }
        return out;
    }

    private List<WarningRef> query(String where, Collection<Long> systemIds, Map<String, Object> params, int limit) {
        if (systemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT w.id, w.title, w.severity, w.tlp, " + STATE + " AS state, w.cves"
                        + " FROM warning w JOIN organization wp ON wp.id = w.organization_id WHERE " + where + " AND "
                        + WarningRepository.VISIBLE + " ORDER BY w.published_at DESC, w.id DESC LIMIT " + limit)
                .param("tlpPerson", CurrentPerson.idOrNobody())
                .param("systems", List.copyOf(systemIds))
                .params(params)
                .query((rs, n) -> {
                    int rank = rs.getInt(5);
                    return new WarningRef(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.wasNull() ? null : RANKED.get(rank - 1),
                            cves(rs.getString(6)));
                })
                .list();
    }

    private static List<String> cves(String wrapped) {
        if (wrapped == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Arrays.stream(wrapped.split(",")).filter(s -> !s.isBlank()).forEach(out::add);
        return out;
    }
}
