package vn.khien.systems;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.access.ScopeFilter;
import vn.khien.systems.register.SystemRepository;

/**
 * The register's suppliers and the access each holds to which system, by the organisation that owns the system: read
 * by the supply-chain risk assessments of the obligations module (R36). Added for issue 13 (supply-chain risk);
 * read-only over {@code system_supplier}.
 */
@Component
public class SupplierAccessQuery {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * One supplier's access to one system.
     *
     * @param accessKind NONE, PHYSICAL, REMOTE_ADMIN, DATA_ACCESS or FULL_OPERATION
     * @param recordedOn the day the supplier was entered in the register
     * @param taxCode    the supplier's tax code (mã số thuế) as the register row gives it, if any
     */
    public record Access(
            long organizationId,
            String organizationName,
            String supplierName,
            long systemId,
            String systemCode,
            String systemName,
            @Nullable Integer level,
            String accessKind,
            @Nullable String accessDetails,
            @Nullable String provides,
            @Nullable LocalDate contractTo,
            LocalDate recordedOn,
            @Nullable String taxCode) {}

    private final JdbcClient jdbc;
    private final SystemRepository systems;

    public SupplierAccessQuery(JdbcClient jdbc, SystemRepository systems) {
        this.jdbc = jdbc;
        this.systems = systems;
    }

    /** Suppliers of the visible systems owned by organisations of the subtree at {@code pathPrefix}. */
    public List<Access> visibleInSubtree(String pathPrefix) {
        ScopeFilter f = systems.visibleSystems("s.id");
        return query("o.path LIKE :prefix AND " + f.sql(), f)
                .param("prefix", pathPrefix + "%")
                .query((rs, n) -> row(rs))
                .list();
    }

    /**
     * Suppliers of the systems owned by organisations matching {@code ownerFilter}, a predicate over the owner's
     * {@code o.path} (e.g. {@code OrgScope.holding("o.path", capability)}): for the caller's attention lines.
     */
    public List<Access> ownedWhere(ScopeFilter ownerFilter) {
        return query(ownerFilter.sql(), ownerFilter).query((rs, n) -> row(rs)).list();
    }

    /**
     * Suppliers of the systems owned by these organisations, whose ids the caller has already scoped (duty
     * evaluation answers for ids it is given).
     */
    public List<Access> ownedBy(Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        return query("s.owner_organization_id IN (:ids)", new ScopeFilter("1 = 1", Map.of()))
                .param("ids", organizationIds)
                .query((rs, n) -> row(rs))
                .list();
    }

    /**
     * Of these organisations, those owning a system at {@code minimumLevel} or above (approved level) to which a
     * supplier holds some access (anything but NONE): a fact for the applicability of R36, not data.
     */
    public Set<Long> ownersWithSupplierAccess(Collection<Long> organizationIds, int minimumLevel) {
        if (organizationIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT s.owner_organization_id FROM information_system s
                JOIN system_supplier ss ON ss.system_id = s.id
                WHERE s.owner_organization_id IN (:ids) AND s.approved_level >= :level AND ss.access_kind <> 'NONE'""")
                .param("ids", organizationIds)
                .param("level", minimumLevel)
                .query(Long.class)
                .list());
    }

    private JdbcClient.StatementSpec query(String where, ScopeFilter f) {
        return jdbc.sql("""
                SELECT o.id, o.name_vi, ss.name, s.id, s.code, s.name, s.approved_level, ss.access_kind,
                    ss.access_details, ss.provides, ss.contract_to, ss.created_at, ss.tax_code
                FROM system_supplier ss
                JOIN information_system s ON s.id = ss.system_id
                JOIN organization o ON o.id = s.owner_organization_id
                WHERE\s""" + where + " ORDER BY o.id, ss.name, s.code").params(f.params());
    }

    private static Access row(ResultSet rs) throws SQLException {
        Date to = rs.getDate(11);
        return new Access(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                (Integer) rs.getObject(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                to == null ? null : to.toLocalDate(),
                rs.getTimestamp(12).toInstant().atZone(VN).toLocalDate(),
                rs.getString(13));
    }
}
