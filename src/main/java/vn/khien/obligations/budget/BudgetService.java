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
public class BudgetService {

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
        checkCanEdit(organizationId);
        List<FieldProblemException.FieldProblem> problems = validate(r);
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        return insert(organizationId, r, null);
    }

    /** The problems of one plan's fields, each naming its field (also used per row by the XLSX import). */
    static List<FieldProblemException.FieldProblem> validate(BudgetPlanRequest r) {
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        if (r.year() == null || r.year() < 2000 || r.year() > 2100) {
            problems.add(new FieldProblemException.FieldProblem("year", "budget.error.year", new Object[0]));
        }
        if (r.kind() == null || !KINDS.contains(r.kind())) {
            problems.add(new FieldProblemException.FieldProblem("kind", "budget.error.kind", new Object[0]));
        }
        if (r.name() == null || r.name().isBlank()) {
            problems.add(new FieldProblemException.FieldProblem("name", "validation.required", new Object[0]));
        } else if (r.name().length() > 500) {
            problems.add(new FieldProblemException.FieldProblem("name", "budget.error.tooLong", new Object[] {500}));
        }
        if (r.totalAmount() == null || r.totalAmount().signum() <= 0) {
            problems.add(new FieldProblemException.FieldProblem("totalAmount", "budget.error.total", new Object[0]));
        }
        if (r.securityAmount() == null || r.securityAmount().signum() < 0) {
            problems.add(
                    new FieldProblemException.FieldProblem("securityAmount", "budget.error.security", new Object[0]));
        } else if (r.totalAmount() != null && r.securityAmount().compareTo(r.totalAmount()) > 0) {
            problems.add(new FieldProblemException.FieldProblem(
                    "securityAmount", "budget.error.securityAboveTotal", new Object[0]));
        }
        if (r.fundingSource() != null && r.fundingSource().length() > 200) {
            problems.add(new FieldProblemException.FieldProblem(
                    "fundingSource", "budget.error.tooLong", new Object[] {200}));
        }
        if (r.linkedSystems() != null && r.linkedSystems().length() > 1000) {
            problems.add(new FieldProblemException.FieldProblem(
                    "linkedSystems", "budget.error.tooLong", new Object[] {1000}));
        }
        return problems;
    }

    void checkCanEdit(long organizationId) {
        if (!scope.canSee(organizationId)) {
            throw new NotFoundException("organization");
        }
        if (!scope.can(organizationId, Capability.EDIT_SECURITY_DATA)) {
            throw new ForbiddenActionException("budget.error.forbidden");
        }
    }

    /** Inserts a validated plan as a draft, audited; batch names the import it came from. */
    long insert(long organizationId, BudgetPlanRequest r, String batch) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO budget_plan (organization_id, plan_year, kind, name, total_amount, security_amount,
                    funding_source, linked_systems, status, import_batch, created_at, created_by)
                VALUES (:org, :year, :kind, :name, :total, :security, :funding, :linked, :status, :batch, :now, :by)""")
                .param("org", organizationId)
                .param("year", r.year())
                .param("kind", r.kind())
                .param("name", r.name().strip())
                .param("total", r.totalAmount())
                .param("security", r.securityAmount())
                .param("funding", BudgetPlan.blankToNull(r.fundingSource()))
                .param("linked", BudgetPlan.blankToNull(r.linkedSystems()))
                .param("status", BudgetPlan.DRAFT)
                .param("batch", batch)
                .param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentPerson.idOrNobody())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        Map<String, Object> details = new HashMap<>(Map.of(
                "year",
                r.year(),
                "kind",
                r.kind(),
                "name",
                r.name(),
                "total",
                r.totalAmount().toPlainString(),
                "security",
                r.securityAmount().toPlainString()));
        if (batch != null) {
            details.put("importBatch", batch);
        }
        audit.record(AuditEntry.of("BUDGET_PLAN_CREATED", organizationId, "budget_plan", id)
                .with(details));
        return id;
    }

    /** The years with plans of a visible organisation, latest first. */
    @Transactional(readOnly = true)
    public List<Integer> years(long organizationId) {
        ScopeFilter f = scope.visible("o.path");
        return jdbc.sql(
                        "SELECT DISTINCT b.plan_year FROM budget_plan b JOIN organization o ON o.id = b.organization_id "
                                + "WHERE b.organization_id = :id AND " + f.sql() + " ORDER BY b.plan_year DESC")
                .params(f.params())
                .param("id", organizationId)
                .query(Integer.class)
                .list();
    }

    /** A plan of an organisation the caller sees; otherwise not found. */
    @Transactional(readOnly = true)
    public BudgetPlan plan(long id) {
        ScopeFilter f = scope.visible("o.path");
        return jdbc.sql("""
                SELECT b.id, b.organization_id, b.plan_year, b.kind, b.name, b.total_amount, b.security_amount,
                    b.funding_source, b.linked_systems, b.status
                FROM budget_plan b JOIN organization o ON o.id = b.organization_id WHERE b.id = :id AND\s""" + f.sql())
                .params(f.params())
                .param("id", id)
                .query((rs, n) -> new BudgetPlan(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10)))
                .optional()
                .orElseThrow(() -> new NotFoundException("budgetPlan"));
    }

    /** Corrects a draft plan (an approved plan is not edited). */
    @Transactional
    public BudgetPlan update(long id, BudgetPlanRequest r) {
        BudgetPlan current = plan(id);
        checkCanEdit(current.organizationId());
        List<FieldProblemException.FieldProblem> problems = validate(r);
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        BudgetPlan edited = current.edit(r);
        jdbc.sql("""
                UPDATE budget_plan SET plan_year = :year, kind = :kind, name = :name, total_amount = :total,
                    security_amount = :security, funding_source = :funding, linked_systems = :linked, updated_at = :now
                WHERE id = :id AND status = :draft""")
                .param("year", edited.year())
                .param("kind", edited.kind())
                .param("name", edited.name())
                .param("total", edited.total())
                .param("security", edited.security())
                .param("funding", edited.fundingSource())
                .param("linked", edited.linkedSystems())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .param("draft", BudgetPlan.DRAFT)
                .update();
        audit.record(AuditEntry.of("BUDGET_PLAN_UPDATED", edited.organizationId(), "budget_plan", id)
                .with(Map.of(
                        "year",
                        edited.year(),
                        "name",
                        edited.name(),
                        "totalBefore",
                        current.total().toPlainString(),
                        "total",
                        edited.total().toPlainString(),
                        "securityBefore",
                        current.security().toPlainString(),
                        "security",
                        edited.security().toPlainString())));
        return edited;
    }

    /** The unit's leader (APPROVE on the plan's organisation) adopts a draft plan. */
    @Transactional
    public BudgetPlan approve(long id) {
        BudgetPlan current = plan(id);
        if (!scope.can(current.organizationId(), Capability.APPROVE)) {
            throw new ForbiddenActionException("budget.error.approveForbidden");
        }
        BudgetPlan approved = current.approve();
        jdbc.sql("UPDATE budget_plan SET status = :status, approved_at = :now, approved_by = :by "
                        + "WHERE id = :id AND status = :draft")
                .param("status", approved.status())
                .param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentPerson.idOrNobody())
                .param("id", id)
                .param("draft", BudgetPlan.DRAFT)
                .update();
        audit.record(AuditEntry.of("BUDGET_PLAN_APPROVED", approved.organizationId(), "budget_plan", id)
                .with(Map.of(
                        "year",
                        approved.year(),
                        "name",
                        approved.name(),
                        "total",
                        approved.total().toPlainString(),
                        "security",
                        approved.security().toPlainString())));
        return approved;
    }

    public record Plan(
            long id,
            int year,
            String kind,
            String name,
            BigDecimal total,
            BigDecimal security,
            BigDecimal sharePercent,
            boolean meets,
            String fundingSource,
            String linkedSystems,
            String status) {

        public boolean editable() {
            return BudgetPlan.DRAFT.equals(status);
        }
    }

    public record Totals(
            long organizationId,
            String name,
            BigDecimal total,
            BigDecimal security,
            BigDecimal sharePercent,
            boolean meets,
            int plans) {}

    public record Summary(
            long organizationId,
            int year,
            BigDecimal minimumSharePercent,
            Totals own,
            Totals subtree,
            List<Plan> plans,
            List<Totals> children) {}

    /** The organisation's plans of the year, its own share and its subtree's, and each child's subtree share. */
    @Transactional(readOnly = true)
    public Summary summary(long organizationId, int year) {
        ScopeFilter f = scope.visible("o.path");
        List<Map<String, Object>> org = jdbc.sql(
                        "SELECT o.id, o.name_vi, o.path FROM organization o WHERE o.id = :id AND " + f.sql())
                .params(f.params())
                .param("id", organizationId)
                .query()
                .listOfRows();
        if (org.isEmpty()) {
            throw new NotFoundException("organization");
        }
        String path = (String) org.get(0).get("path");
        List<Plan> plans = jdbc.sql("""
                SELECT id, plan_year, kind, name, total_amount, security_amount, funding_source, linked_systems, status
                FROM budget_plan
                WHERE organization_id = :org AND plan_year = :year ORDER BY id""")
                .param("org", organizationId)
                .param("year", year)
                .query((rs, n) -> {
                    BudgetShare share = new BudgetShare(rs.getBigDecimal(5), rs.getBigDecimal(6));
                    return new Plan(
                            rs.getLong(1),
                            rs.getInt(2),
                            rs.getString(3),
                            rs.getString(4),
                            share.total(),
                            share.security(),
                            share.percent(),
                            share.meets(minimumShare),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9));
                })
                .list();
        // own totals per organisation of the subtree, then rolled up by path
        Map<Long, BigDecimal[]> own = new HashMap<>();
        Map<Long, String> paths = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> parents = new HashMap<>();
        jdbc.sql("SELECT o.id, o.path, o.name_vi, o.parent_id FROM organization o WHERE o.path LIKE :p AND " + f.sql())
                .params(f.params())
                .param("p", path + "%")
                .query((rs, n) -> {
                    paths.put(rs.getLong(1), rs.getString(2));
                    names.put(rs.getLong(1), rs.getString(3));
                    parents.put(rs.getLong(1), (Long) rs.getObject(4));
                    return null;
                })
                .list();
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("""
                SELECT b.organization_id, SUM(b.total_amount), SUM(b.security_amount), COUNT(*) FROM budget_plan b
                JOIN organization o ON o.id = b.organization_id
                WHERE b.plan_year = :year AND o.path LIKE :p GROUP BY b.organization_id""")
                .param("year", year)
                .param("p", path + "%")
                .query((rs, n) -> {
                    own.put(rs.getLong(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
                    counts.put(rs.getLong(1), rs.getInt(4));
                    return null;
                })
                .list();
        Totals ownTotals = totals(organizationId, names.get(organizationId), List.of(organizationId), own, counts);
        Totals subtree = totals(organizationId, names.get(organizationId), List.copyOf(paths.keySet()), own, counts);
        List<Totals> children = new ArrayList<>();
        paths.forEach((id, p) -> {
            if (Long.valueOf(organizationId).equals(parents.get(id))) {
                List<Long> below = paths.entrySet().stream()
                        .filter(e -> e.getValue().startsWith(p))
                        .map(Map.Entry::getKey)
                        .toList();
                children.add(totals(id, names.get(id), below, own, counts));
            }
        });
        children.sort((a, b) -> a.sharePercent().compareTo(b.sharePercent()));
        return new Summary(organizationId, year, minimumShare.movePointRight(2), ownTotals, subtree, plans, children);
    }

    private Totals totals(
            long id, String name, List<Long> ids, Map<Long, BigDecimal[]> own, Map<Long, Integer> counts) {
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
