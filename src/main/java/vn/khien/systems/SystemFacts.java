package vn.khien.systems;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.access.ScopeFilter;
import vn.khien.systems.register.SystemRepository;

/**
 * The register's facts that recurring duties depend on (level, regime, type, lifecycle, hosting, suppliers), for the
 * systems the caller may see: read by the obligations module. Added for issue 13; delegates scoping to the register.
 */
@Component
public class SystemFacts {

    /**
     * One system. Flags: LEVEL_APPROVED, HOSTED (a data centre or cloud), OUTSOURCED (a supplier operates it),
     * HAS_SUPPLIERS, SECURITY_UNIT_OPERATES, REDETERMINATION_REQUIRED, APPROVED_BEFORE_2022_10.
     */
    public record Facts(
            long id,
            long ownerId,
            String code,
            String name,
            @Nullable Integer level,
            @Nullable String regime,
            String systemType,
            String lifecycle,
            @Nullable LocalDate approvedOn,
            Set<String> flags) {}

    private static final LocalDate TT12_REVIEW_CUTOFF = LocalDate.of(2022, 10, 1);

    private final JdbcClient jdbc;
    private final SystemRepository systems;

    public SystemFacts(JdbcClient jdbc, SystemRepository systems) {
        this.jdbc = jdbc;
        this.systems = systems;
    }

    /** Visible systems owned by organisations whose path starts with {@code pathPrefix} (a subtree). */
    public List<Facts> inSubtree(String pathPrefix) {
        return query("o.path LIKE :prefix", pathPrefix, null);
    }

    public Optional<Facts> visible(long systemId) {
        return query("s.id = :id", null, systemId).stream().findFirst();
    }

    /**
     * Every system, unscoped: only for background jobs that act for no caller (reminders), never for a request.
     */
    public List<Facts> everySystemForBackgroundJobs() {
        return query("1 = 1", null, null, new ScopeFilter("1 = 1", Map.of()));
    }

    private List<Facts> query(String where, @Nullable String prefix, @Nullable Long id) {
        return query(where, prefix, id, systems.visibleSystems("s.id"));
    }

    private List<Facts> query(String where, @Nullable String prefix, @Nullable Long id, ScopeFilter f) {
        var spec =
                jdbc.sql("""
                SELECT s.id, s.owner_organization_id, s.code, s.name, s.approved_level, s.approved_regime,
                    s.system_type, s.lifecycle_status, s.approved_on, s.hosting_kind, s.security_unit_operates,
                    s.redetermination_required,
                    (SELECT COUNT(*) FROM system_supplier ss WHERE ss.system_id = s.id) AS suppliers,
                    (SELECT COUNT(*) FROM system_supplier so WHERE so.system_id = s.id
                        AND so.access_kind = 'FULL_OPERATION') AS operated
                FROM information_system s JOIN organization o ON o.id = s.owner_organization_id
                WHERE\s""" + where + " AND " + f.sql() + " ORDER BY s.code").params(f.params());
        if (prefix != null) {
            spec = spec.param("prefix", prefix + "%");
        }
        if (id != null) {
            spec = spec.param("id", id);
        }
        return spec.query((rs, n) -> {
                    Set<String> flags = new HashSet<>();
                    Integer level = (Integer) rs.getObject(5);
                    Date approved = rs.getDate(9);
                    if (level != null) {
                        flags.add("LEVEL_APPROVED");
                    }
                    String hosting = rs.getString(10);
                    if ("DATA_CENTRE".equals(hosting) || "CLOUD".equals(hosting)) {
                        flags.add("HOSTED");
                    }
                    if (rs.getBoolean(11)) {
                        flags.add("SECURITY_UNIT_OPERATES");
                    }
                    if (rs.getBoolean(12)) {
                        flags.add("REDETERMINATION_REQUIRED");
                    }
                    if (rs.getLong(13) > 0) {
                        flags.add("HAS_SUPPLIERS");
                    }
                    if (rs.getLong(14) > 0) {
                        flags.add("OUTSOURCED");
                    }
                    if (approved != null && approved.toLocalDate().isBefore(TT12_REVIEW_CUTOFF)) {
                        flags.add("APPROVED_BEFORE_2022_10");
                    }
                    return new Facts(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            level,
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            approved == null ? null : approved.toLocalDate(),
                            flags);
                })
                .list();
    }

    /** Of these organisations, those that own at least one system (visible or not: a fact, not data). */
    public Set<Long> owners(Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT DISTINCT owner_organization_id FROM information_system "
                        + "WHERE owner_organization_id IN (:ids)")
                .param("ids", organizationIds)
                .query(Long.class)
                .list());
    }
}
