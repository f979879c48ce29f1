package vn.khien.systems;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.access.ScopeFilter;
import vn.khien.systems.register.SystemRepository;

/**
 * For incident case work (issue 12): the registered systems of an organisation's subtree that the caller may see (the
 * systems an incident may affect) and their registered components. Added as a small public type so the incidents
 * module never reaches into the register's packages; it only reads {@code information_system} and
 * {@code system_component}, scoped by the register's own visibility predicate.
 */
@Component
public class SystemComponentsQuery {

    /** A registered system. */
    public record SystemRef(long id, String code, String name) {}

    /** A registered component of a system (host, application/URL or software product). */
    public record ComponentRef(
            long id,
            long systemId,
            String kind,
            String name,
            @Nullable String vendor,
            @Nullable String product,
            @Nullable String version,
            @Nullable String cpe) {

        /** How a page or an export names it: its name, with the product and version when they are known. */
        public String label() {
            StringBuilder b = new StringBuilder(name);
            if (product != null && !product.isBlank() && !name.contains(product)) {
                b.append(" — ").append(product);
            }
            if (version != null && !version.isBlank()) {
                b.append(' ').append(version);
            }
            return b.toString();
        }
    }

    private static final String IN_SUBTREE = """
            EXISTS (SELECT 1 FROM organization sto JOIN organization sso ON sso.id = s.owner_organization_id
              JOIN organization sop ON sop.id = s.operator_organization_id
              WHERE sto.id = :subtreeOrg AND (sso.path LIKE sto.path || '%' OR sop.path LIKE sto.path || '%'))""";

    private final JdbcClient jdbc;
    private final SystemRepository systems;

    public SystemComponentsQuery(JdbcClient jdbc, SystemRepository systems) {
        this.jdbc = jdbc;
        this.systems = systems;
    }

    /** Systems owned or operated in the organisation's subtree that the caller may see, by name. */
    public List<SystemRef> visibleInSubtree(long organizationId) {
        ScopeFilter f = systems.visibleSystems("s.id");
        return jdbc.sql("SELECT s.id, s.code, s.name FROM information_system s WHERE " + IN_SUBTREE + " AND " + f.sql()
                        + " ORDER BY s.name, s.id LIMIT 500")
                .params(f.params())
                .param("subtreeOrg", organizationId)
                .query((rs, n) -> new SystemRef(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The system when it is owned or operated in the organisation's subtree and the caller may see it. */
    public Optional<SystemRef> visibleInSubtree(long systemId, long organizationId) {
        ScopeFilter f = systems.visibleSystems("s.id");
        return jdbc.sql("SELECT s.id, s.code, s.name FROM information_system s WHERE s.id = :sys AND " + IN_SUBTREE
                        + " AND " + f.sql())
                .params(f.params())
                .param("subtreeOrg", organizationId)
                .param("sys", systemId)
                .query((rs, n) -> new SystemRef(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /**
     * The systems by id (no scope: for systems the caller reached through a record it may read, such as an incident
     * it sees), in the order given.
     */
    public Map<Long, SystemRef> named(Collection<Long> systemIds) {
        Map<Long, SystemRef> out = new LinkedHashMap<>();
        if (systemIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT id, code, name FROM information_system WHERE id IN (:ids)")
                .param("ids", List.copyOf(systemIds))
                .query((rs, n) ->
                        out.put(rs.getLong(1), new SystemRef(rs.getLong(1), rs.getString(2), rs.getString(3))))
                .list();
        return out;
    }

    /** The registered components of these systems (no scope: the caller reached the systems already), by name. */
    public List<ComponentRef> components(Collection<Long> systemIds) {
        if (systemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, system_id, kind, name, vendor, product, product_version, cpe FROM system_component"
                        + " WHERE system_id IN (:ids) ORDER BY system_id, name, id")
                .param("ids", List.copyOf(systemIds))
                .query((rs, n) -> new ComponentRef(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)))
                .list();
    }
}
