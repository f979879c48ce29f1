package vn.khien.systems.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;
import vn.khien.systems.classification.RegimeCatalog;
import vn.khien.systems.classification.authority.AuthorityRole;
import vn.khien.systems.classification.authority.OrganisationRoles;
import vn.khien.systems.register.InformationSystem;

/**
 * Maps authority roles of the rule data to organisations of the tree. Owner and operator come from the system;
 * every other role (the owner's security unit, the national competent body, an independent appraiser, the Prime
 * Minister) is designated for a subtree, and the nearest designation above the owner wins. So a reorganisation of
 * ministries is a change of designations, never of code.
 */
@Service
public class AuthorityDirectory {

    /** @param regime rule-data regime id the designation is limited to, or null when it serves every regime */
    public record Designation(
            long id,
            long scopeOrganizationId,
            AuthorityRole role,
            long organizationId,
            String organizationName,
            String scopeOrganizationName,
            boolean inherited,
            String regime) {}

    /** Stored for a designation that serves every regime. */
    static final String ALL_REGIMES = "*";

    /** Roles designated per subtree; owner and operator come from the system itself. */
    public static final List<AuthorityRole> DESIGNATED_ROLES = List.of(
            AuthorityRole.OWNER_SECURITY_UNIT,
            AuthorityRole.NATIONAL_COMPETENT_BODY,
            AuthorityRole.INDEPENDENT_APPRAISER,
            AuthorityRole.PRIME_MINISTER,
            // incidents (issue 12): who receives incident reports for systems owned below
            AuthorityRole.INCIDENT_RESPONSE_UNIT,
            AuthorityRole.NATIONAL_INCIDENT_COORDINATOR);

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final Clock clock;
    private final RegimeCatalog regimes;

    public AuthorityDirectory(JdbcClient jdbc, OrgScope scope, AuditTrail audit, Clock clock, RegimeCatalog regimes) {
        this.regimes = regimes;
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Roles for a system's dossier under one regime: NĐ 85/2016 and NĐ 331/2026 name different national bodies, so a
     * designation limited to the dossier's regime wins over one serving every regime at the same place in the tree.
     */
    public OrganisationRoles rolesFor(InformationSystem system, String regime) {
        return role -> {
            if (role == AuthorityRole.OWNER) {
                return Optional.of(String.valueOf(system.ownerOrganizationId()));
            }
            if (role == AuthorityRole.OPERATOR) {
                return Optional.of(String.valueOf(system.operatorOrganizationId()));
            }
            return designated(system.ownerPath(), role, regime).map(String::valueOf);
        };
    }

    Optional<Long> designated(String ownerPath, AuthorityRole role, String regime) {
        return jdbc.sql("""
                SELECT d.organization_id FROM authority_designation d JOIN organization sc ON sc.id = d.scope_organization_id
                WHERE d.authority_role = :role AND :ownerPath LIKE sc.path || '%' AND d.regime IN (:regime, '*')
                ORDER BY LENGTH(sc.path) DESC, CASE WHEN d.regime = '*' THEN 1 ELSE 0 END LIMIT 1""")
                .param("role", role.name())
                .param("ownerPath", ownerPath)
                .param("regime", regime == null ? "*" : regime)
                .query(Long.class)
                .optional();
    }

    /** Designations made on organisations the caller can see. */
    public List<Designation> visible(Long organizationId) {
        ScopeFilter f = scope.visible("sc.path");
        return jdbc.sql(SELECT + " WHERE " + f.sql()
                        + (organizationId == null ? "" : " AND d.scope_organization_id = :org")
                        + " ORDER BY sc.path, d.authority_role")
                .params(f.params())
                .params(organizationId == null ? Map.of() : Map.of("org", organizationId))
                .query((rs, n) -> designation(rs, false))
                .list();
    }

    /**
     * The designations that matter for systems owned in an organisation's subtree: those made on the organisation or
     * below it, and those inherited from above it (the nearest above the owner wins), as far as the caller can see.
     * An organisation outside the caller's scope is not found.
     */
    public List<Designation> forSubtree(long organizationId) {
        String path = jdbc.sql("SELECT path FROM organization WHERE id = :id")
                .param("id", organizationId)
                .query(String.class)
                .optional()
                .filter(p -> scope.canSee(organizationId))
                .orElseThrow(() -> new NotFoundException("organization " + organizationId));
        ScopeFilter f = scope.visible("sc.path");
        // Designations above a visible organisation apply to its systems, so they are shown as inherited.
        return jdbc.sql(SELECT + " WHERE ((sc.path LIKE :p || '%' AND " + f.sql() + ") OR :p LIKE sc.path || '%')"
                        + " ORDER BY LENGTH(sc.path), sc.path, d.authority_role")
                .params(f.params())
                .param("p", path)
                .query((rs, n) -> designation(rs, !rs.getString(8).startsWith(path)))
                .list();
    }

    /** The designation a system owned by this organisation would use for a role, if any (for messages). */
    public Optional<Designation> effective(long ownerOrganizationId, AuthorityRole role) {
        return jdbc.sql(SELECT + " JOIN organization ow ON ow.id = :owner WHERE d.authority_role = :role"
                        + " AND ow.path LIKE sc.path || '%' ORDER BY LENGTH(sc.path) DESC LIMIT 1")
                .param("owner", ownerOrganizationId)
                .param("role", role.name())
                .query((rs, n) -> designation(rs, false))
                .optional();
    }

    private static final String SELECT = """
            SELECT d.id, d.scope_organization_id, d.authority_role, d.organization_id, o.name_vi, sc.name_vi, sc.id, sc.path,
                d.regime
            FROM authority_designation d JOIN organization sc ON sc.id = d.scope_organization_id
            JOIN organization o ON o.id = d.organization_id""";

    private static Designation designation(ResultSet rs, boolean inherited) throws SQLException {
        String regime = rs.getString(9);
        return new Designation(
                rs.getLong(1),
                rs.getLong(2),
                AuthorityRole.valueOf(rs.getString(3)),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                inherited,
                ALL_REGIMES.equals(regime) ? null : regime);
    }

    /** Organisation administrators of the scope remove a designation; the systems below fall back to the next one up. */
    @Transactional
    public void remove(long designationId) {
        Designation d = visible(null).stream()
                .filter(x -> x.id() == designationId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("designation " + designationId));
        if (!scope.can(d.scopeOrganizationId(), Capability.MANAGE_ORGANIZATIONS)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        jdbc.sql("DELETE FROM authority_designation WHERE id = :id")
                .param("id", designationId)
                .update();
        audit.record(AuditEntry.change(
                "authority.remove",
                d.scopeOrganizationId(),
                "authority_designation",
                d.scopeOrganizationId() + ":" + d.role() + (d.regime() == null ? "" : ":" + d.regime()),
                Map.of(
                        "role",
                        d.role().name(),
                        "organizationId",
                        d.organizationId(),
                        "regime",
                        d.regime() == null ? ALL_REGIMES : d.regime()),
                null));
    }

    /** Organisation administrators of the scope designate who plays a role for the systems owned below it. */
    @Transactional
    public Designation designate(long scopeOrganizationId, AuthorityRole role, long organizationId) {
        return designate(scopeOrganizationId, role, organizationId, null);
    }

    /**
     * Designates for one regime (rule-data id, e.g. the national body under NĐ 331/2026 only) or, with a null or blank
     * regime, for every regime.
     */
    @Transactional
    public Designation designate(long scopeOrganizationId, AuthorityRole role, long organizationId, String regimeId) {
        String regime = regimeId == null || regimeId.isBlank() ? ALL_REGIMES : regimeId.trim();
        if (!ALL_REGIMES.equals(regime) && regimes.all().stream().noneMatch(r -> r.id().equals(regime))) {
            throw new FieldProblemException("regime", "systems.classify.unknownRegime", regime);
        }
        if (!scope.canSee(scopeOrganizationId)) {
            throw new FieldProblemException("scopeOrganizationId", "systems.error.organizationUnknown");
        }
        if (!scope.can(scopeOrganizationId, Capability.MANAGE_ORGANIZATIONS)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        if (role != null && !DESIGNATED_ROLES.contains(role)) {
            throw new FieldProblemException("role", "systems.designation.roleFromSystem");
        }
        if (role == null) {
            throw new FieldProblemException("role", "validation.required");
        }
        long exists = jdbc.sql("SELECT COUNT(*) FROM organization WHERE id = :id")
                .param("id", organizationId)
                .query(Long.class)
                .single();
        if (exists == 0) {
            throw new FieldProblemException("organizationId", "systems.error.organizationUnknown");
        }
        Long before = jdbc.sql("SELECT organization_id FROM authority_designation WHERE scope_organization_id = :s"
                        + " AND authority_role = :r AND regime = :g")
                .param("s", scopeOrganizationId)
                .param("r", role.name())
                .param("g", regime)
                .query(Long.class)
                .optional()
                .orElse(null);
        jdbc.sql(
                        "DELETE FROM authority_designation WHERE scope_organization_id = :s AND authority_role = :r AND regime = :g")
                .param("s", scopeOrganizationId)
                .param("r", role.name())
                .param("g", regime)
                .update();
        jdbc.sql("""
                INSERT INTO authority_designation (scope_organization_id, authority_role, organization_id, created_at, regime)
                VALUES (:s, :r, :o, :now, :g)""")
                .param("s", scopeOrganizationId)
                .param("r", role.name())
                .param("o", organizationId)
                .param("now", Timestamp.from(clock.instant()))
                .param("g", regime)
                .update();
        String target = scopeOrganizationId + ":" + role + (ALL_REGIMES.equals(regime) ? "" : ":" + regime);
        audit.record(AuditEntry.change(
                "authority.designate",
                scopeOrganizationId,
                "authority_designation",
                target,
                before == null ? null : Map.of("role", role.name(), "organizationId", before, "regime", regime),
                Map.of("role", role.name(), "organizationId", organizationId, "regime", regime)));
        String shown = ALL_REGIMES.equals(regime) ? null : regime;
        return visible(scopeOrganizationId).stream()
                .filter(d -> d.role() == role && Objects.equals(d.regime(), shown))
                .findFirst()
                .orElseThrow();
    }
}
