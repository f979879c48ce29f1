package vn.khien.obligations.budget;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.obligations.catalogue.BudgetShare;
import vn.khien.obligations.catalogue.ObligationCatalogue;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;

/**
 * IT plans and projects with their security line, and R39's share (≥ the catalogue's minimumShare, 10%) per plan,
 * per organisation (its own plans) and rolled up through its subtree.
 */
@Service
class BudgetService {

    static final Set<String> KINDS = Set.of("ANNUAL", "FIVE_YEAR", "PROJECT");

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final Clock clock;
    private final BigDecimal minimumShare;

    BudgetService(JdbcClient jdbc, OrgScope scope, AuditTrail audit, Clock clock, ObligationCatalogue catalogue) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.minimumShare = new BigDecimal(catalogue.rule("R39").orElseThrow().parameter("minimumShare"));
    }

    public BigDecimal minimumShare() {
        return minimumShare;
    }

    @Transactional
    public long create(long organizationId, BudgetPlanRequest r) {
        if (!scope.canSee(organizationId)) {
            throw new NotFoundException("organization");
        }
        if (!scope.can(organizationId, Capability.EDIT_SECURITY_DATA)) {
            throw new ForbiddenActionException("budget.error.forbidden");
        }
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        if (r.year() == null || r.year() < 2000 || r.year() > 2100) {
            problems.add(new FieldProblemException.FieldProblem("year", "budget.error.year", new Object[0]));
        }
        if (r.kind() == null || !KINDS.contains(r.kind())) {
            problems.add(new FieldProblemException.FieldProblem("kind", "budget.error.kind", new Object[0]));
        }
        if (r.name() == null || r.name().isBlank() || r.name().length() > 500) {
            problems.add(new FieldProblemException.FieldProblem("name", "validation.required", new Object[0]));
        }
        if (r.totalAmount() == null || r.totalAmount().signum() <= 0) {
            problems.add(new FieldProblemException.FieldProblem("totalAmount", "budget.error.total", new Object[0]));
        }
        if (r.securityAmount() == null || r.securityAmount().signum() < 0) {
            problems.add(new FieldProblemException.FieldProblem("securityAmount", "budget.error.security",
                    new Object[0]));
        } else if (r.totalAmount() != null && r.securityAmount().compareTo(r.totalAmount()) > 0) {
            problems.add(new FieldProblemException.FieldProblem("securityAmount", "budget.error.securityAboveTotal",
                    new Object[0]));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO budget_plan (organization_id, plan_year, kind, name, total_amount, security_amount,
                    funding_source, created_at, created_by)
                VALUES (:org, :year, :kind, :name, :total, :security, :funding, :now, :by)""")
                .param("org", organizationId).param("year", r.year()).param("kind", r.kind())
                .param("name", r.name().strip()).param("total", r.totalAmount()).param("security", r.securityAmount())
                .param("funding", r.fundingSource()).param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentPerson.idOrNobody()).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(AuditEntry.of("BUDGET_PLAN_CREATED", organizationId, "budget_plan", id).with(Map.of(
                "year", r.year(), "kind", r.kind(), "name", r.name(), "total", r.totalAmount().toPlainString(),
                "security", r.securityAmount().toPlainString())));
        return id;
    }

    public record Plan(long id, int year, String kind, String name, BigDecimal total, BigDecimal security,
                       BigDecimal sharePercent, boolean meets, String fundingSource) { }

    public record Totals(long organizationId, String name, BigDecimal total, BigDecimal security,
                         BigDecimal sharePercent, boolean meets, int plans) { }

    public record Summary(long organizationId, int year, BigDecimal minimumSharePercent, Totals own, Totals subtree,
                          List<Plan> plans, List<Totals> children) { }

    /** The organisation's plans of the year, its own share and its subtree's, and each child's subtree share. */
    @Transactional(readOnly = true)
    public Summary summary(long organizationId, int year) {
        ScopeFilter f = scope.visible("o.path");
        List<Map<String, Object>> org = jdbc.sql("SELECT o.id, o.name_vi, o.path FROM organization o WHERE o.id = :id AND "
                + f.sql()).params(f.params()).param("id", organizationId).query().listOfRows();
        if (org.isEmpty()) {
            throw new NotFoundException("organization");
        }
        String path = (String) org.get(0).get("path");
        List<Plan> plans = jdbc.sql("""
                SELECT id, plan_year, kind, name, total_amount, security_amount, funding_source FROM budget_plan
                WHERE organization_id = :org AND plan_year = :year ORDER BY id""")
                .param("org", organizationId).param("year", year)
                .query((rs, n) -> {
                    BudgetShare share = new BudgetShare(rs.getBigDecimal(5), rs.getBigDecimal(6));
                    return new Plan(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), share.total(),
                            share.security(), share.percent(), share.meets(minimumShare), rs.getString(7));
                }).list();
        // own totals per organisation of the subtree, then rolled up by path
        Map<Long, BigDecimal[]> own = new HashMap<>();
        Map<Long, String> paths = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> parents = new HashMap<>();
        jdbc.sql("SELECT o.id, o.path, o.name_vi, o.parent_id FROM organization o WHERE o.path LIKE :p AND " + f.sql())
                .params(f.params()).param("p", path + "%")
                .query((rs, n) -> {
                    paths.put(rs.getLong(1), rs.getString(2));
                    names.put(rs.getLong(1), rs.getString(3));
                    parents.put(rs.getLong(1), (Long) rs.getObject(4));
                    return null;
                }).list();
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("""
                SELECT b.organization_id, SUM(b.total_amount), SUM(b.security_amount), COUNT(*) FROM budget_plan b
                JOIN organization o ON o.id = b.organization_id
                WHERE b.plan_year = :year AND o.path LIKE :p GROUP BY b.organization_id""")
                .param("year", year).param("p", path + "%")
                .query((rs, n) -> {
                    own.put(rs.getLong(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
                    counts.put(rs.getLong(1), rs.getInt(4));
                    return null;
                }).list();
        Totals ownTotals = totals(organizationId, names.get(organizationId), List.of(organizationId), own, counts);
        Totals subtree = totals(organizationId, names.get(organizationId), List.copyOf(paths.keySet()), own, counts);
        List<Totals> children = new ArrayList<>();
        paths.forEach((id, p) -> {
            if (Long.valueOf(organizationId).equals(parents.get(id))) {
                List<Long> below = paths.entrySet().stream().filter(e -> e.getValue().startsWith(p))
                        .map(Map.Entry::getKey).toList();
                children.add(totals(id, names.get(id), below, own, counts));
            }
        });
        children.sort((a, b) -> a.sharePercent().compareTo(b.sharePercent()));
        return new Summary(organizationId, year, minimumShare.movePointRight(2), ownTotals, subtree, plans, children);
    }

    private Totals totals(long id, String name, List<Long> ids, Map<Long, BigDecimal[]> own,
                          Map<Long, Integer> counts) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal security = BigDecimal.ZERO;
        int plans = 0;
        for (long i : ids) {
            BigDecimal[] t = own.get(i);
            if (t != null) {
                total = total.add(t[0]);
                security = security.add(t[1]);
                plans += counts.get(i);
            }
        }
        BudgetShare share = new BudgetShare(total, security);
        return new Totals(id, name, total, security, share.percent(), plans > 0 && share.meets(minimumShare), plans);
    }
}
