package vn.khien.vulnerabilities;

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
import vn.khien.access.ScopeFilter;
import vn.khien.systems.VisibleSystems;

/**
 * For incident case work (issue 12): the findings an incident may link to — the open findings of its affected systems,
 * by id or by CVE — and the linked ones to show. Added as a small public type so the incidents module never reaches
 * into the findings package; every read ANDs the register's visibility predicate over the finding's system, so a
 * finding the caller may not see is simply absent.
 */
@Component
public class IncidentFindingsQuery {

    /** A finding as an incident shows it; {@code status} is the finding's own (OPEN, REOPENED, FIXED, …). */
    public record FindingRef(long id, long systemId, String title, String severity, String status, List<String> cves) {

        public String href() {
            return "/findings/" + id;
        }
    }

    private static final String OPEN = "f.status IN ('OPEN', 'REOPENED')";

    private final JdbcClient jdbc;
    private final VisibleSystems systems;

    public IncidentFindingsQuery(JdbcClient jdbc, VisibleSystems systems) {
        this.jdbc = jdbc;
        this.systems = systems;
    }

    /**
     * Some of the findings an incident may link: {@code rows} (most severe first, at most the limit asked) of
     * {@code total}, so a page says how many there are and offers a search when it shows only some (never a silent
     * cut).
     */
    public record Found(List<FindingRef> rows, long total, int limit) {

        public static final Found NONE = new Found(List.of(), 0, 0);

        /** Whether more findings match than are listed. */
        public boolean capped() {
            return total > rows.size();
        }
    }

    /**
     * Open findings of these systems the caller may see, except those given (already linked), most severe first: at
     * most {@code limit} rows, with the total; {@code search} (when not blank) keeps those whose title or CVE ids
     * contain it.
     */
    public Found openOfSystems(
            Collection<Long> systemIds, @Nullable String search, Collection<Long> except, int limit) {
        if (systemIds.isEmpty()) {
            return Found.NONE;
        }
        StringBuilder where = new StringBuilder(OPEN + " AND f.system_id IN (:systems)");
        Map<String, Object> params = new LinkedHashMap<>();
        if (search != null && !search.isBlank()) {
            where.append(" AND (UPPER(f.title) LIKE :search OR UPPER(f.cves) LIKE :search)");
            params.put("search", "%" + search.strip().toUpperCase(Locale.ROOT) + "%");
        }
        if (!except.isEmpty()) {
            where.append(" AND f.id NOT IN (:except)");
            params.put("except", List.copyOf(except));
        }
        ScopeFilter f = systems.visibleSystems("f.system_id");
        long total = jdbc.sql("SELECT COUNT(*) FROM finding f WHERE " + where + " AND " + f.sql())
                .params(f.params())
                .params(params)
                .param("systems", List.copyOf(systemIds))
                .query(Long.class)
                .single();
        return new Found(total == 0 ? List.of() : query(where.toString(), systemIds, params, limit), total, limit);
    }

    /** The finding when it is open, belongs to one of these systems and the caller may see it. */
    public Optional<FindingRef> openOfSystems(long findingId, Collection<Long> systemIds) {
        return query(OPEN + " AND f.system_id IN (:systems) AND f.id = :id", systemIds, Map.of("id", findingId), 1)
                .stream()
                .findFirst();
    }

    /** Open findings of these systems that carry the CVE (exactly), as far as the caller sees them. */
    public List<FindingRef> openOfSystemsWithCve(String cve, Collection<Long> systemIds) {
        return query(
                OPEN + " AND f.system_id IN (:systems) AND f.cves LIKE :like",
                systemIds,
                Map.of("like", "%," + cve + ",%"),
                200);
    }

    /** These findings, whatever their status, as far as the caller sees them (absent ids are not visible). */
    public Map<Long, FindingRef> visible(Collection<Long> findingIds) {
        Map<Long, FindingRef> out = new LinkedHashMap<>();
        if (findingIds.isEmpty()) {
            return out;
        }
        for (FindingRef f : query("f.id IN (:ids)", null, Map.of("ids", List.copyOf(findingIds)), 1000)) {
            out.put(f.id(), f);
        }
        return out;
    }

    /**
     * How an incident's timeline names a finding: its title, CVEs, the host it was found on (the first of its hosts,
     * with how many there are) and its system's name.
     */
    public record FindingLabel(long id, String title, List<String> cves, String host, int hosts, String systemName) {

        /** "title (CVE-… not in the title) — host (+n) — system". */
        public String label() {
            StringBuilder b = new StringBuilder(title);
            // Scanners often put the CVE in the title already: name only the ones it does not.
            List<String> unnamed = cves.stream().filter(c -> !title.contains(c)).toList();
            if (!unnamed.isEmpty()) {
                b.append(" (").append(String.join(", ", unnamed)).append(')');
            }
            if (host != null && !host.isBlank()) {
                b.append(" — ").append(host);
                if (hosts > 1) {
                    b.append(" (+").append(hosts - 1).append(')');
                }
            }
            return b.append(" — ").append(systemName).toString();
        }
    }

    /** These findings named for a timeline, as far as the caller sees them (absent ids are not visible). */
    public Map<Long, FindingLabel> labels(Collection<Long> findingIds) {
        Map<Long, FindingLabel> out = new LinkedHashMap<>();
        if (findingIds.isEmpty()) {
            return out;
        }
        ScopeFilter f = systems.visibleSystems("f.system_id");
        jdbc.sql("""
                        SELECT f.id, f.title, f.cves, s.name,
                          (SELECT MIN(COALESCE(l.host, l.url, l.file_path)) FROM finding_location l
                            WHERE l.finding_id = f.id),
                          (SELECT COUNT(DISTINCT COALESCE(l.host, l.url, l.file_path)) FROM finding_location l
                            WHERE l.finding_id = f.id)
                        FROM finding f JOIN information_system s ON s.id = f.system_id
                        WHERE f.id IN (:ids)""" + " AND " + f.sql())
                .params(f.params())
                .param("ids", List.copyOf(findingIds))
                .query((rs, n) -> out.put(
                        rs.getLong(1),
                        new FindingLabel(
                                rs.getLong(1),
                                rs.getString(2),
                                cves(rs.getString(3)),
                                rs.getString(5),
                                rs.getInt(6),
                                rs.getString(4))))
                .list();
        return out;
    }

    private List<FindingRef> query(
            String where, @Nullable Collection<Long> systemIds, Map<String, Object> params, int limit) {
        if (systemIds != null && systemIds.isEmpty()) {
            return List.of();
        }
        ScopeFilter f = systems.visibleSystems("f.system_id");
        var spec = jdbc.sql("SELECT f.id, f.system_id, f.title, f.severity, f.status, f.cves FROM finding f WHERE "
                        + where + " AND " + f.sql() + " ORDER BY f.severity_rank, f.id LIMIT " + limit)
                .params(f.params())
                .params(params);
        if (systemIds != null) {
            spec = spec.param("systems", List.copyOf(systemIds));
        }
        return spec.query((rs, n) -> new FindingRef(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        cves(rs.getString(6))))
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
