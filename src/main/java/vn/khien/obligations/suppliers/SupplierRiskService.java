package vn.khien.obligations.suppliers;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
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
import vn.khien.obligations.catalogue.ObligationCatalogue;
import vn.khien.obligations.catalogue.ObligationRule;
import vn.khien.organizations.Organization;
import vn.khien.organizations.OrganizationRepository;
import vn.khien.platform.DateRange;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;
import vn.khien.systems.SupplierAccessQuery;
import vn.khien.systems.SupplierTaxCodes;

/**
 * Supply-chain risk (Chỉ thị 18/CT-TTg; NĐ 331/2026 Đ5.3; R36): the suppliers of an organisation's systems, taken
 * from the register and identified by owner and name, each with its latest risk assessment, ranked worst first;
 * recording an assessment (EDIT_SECURITY_DATA on the owner, audited). The cycle, the minimum level and the lead time
 * are R36's rule data in the obligations catalogue.
 */
@Service
class SupplierRiskService {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final List<String> STATES = List.of("NEVER", "EXPIRED", "DUE_SOON", "CURRENT");
    private static final List<String> ACCESS_ORDER =
            List.of("NONE", "PHYSICAL", "DATA_ACCESS", "REMOTE_ADMIN", "FULL_OPERATION");

    private final JdbcClient jdbc;
    private final SupplierAccessQuery register;
    private final SupplierTaxCodes taxCodes;
    private final OrganizationRepository organizations;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final Clock clock;
    private final Period cycle;
    private final Period leadTime;
    private final int minimumLevel;

    SupplierRiskService(
            JdbcClient jdbc,
            SupplierAccessQuery register,
            SupplierTaxCodes taxCodes,
            OrganizationRepository organizations,
            OrgScope scope,
            AuditTrail audit,
            Clock clock,
            ObligationCatalogue catalogue) {
        this.jdbc = jdbc;
        this.register = register;
        this.taxCodes = taxCodes;
        this.organizations = organizations;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        ObligationRule r36 = catalogue.rule("R36").orElseThrow();
        this.cycle = Period.parse(required(r36, "cycle"));
        this.minimumLevel = Integer.parseInt(required(r36, "minimumLevel"));
        this.leadTime = r36.leadTime();
    }

    private static String required(ObligationRule rule, String name) {
        String value = rule.parameter(name);
        if (value == null) {
            throw new IllegalStateException("Rule " + rule.id() + " needs the parameter " + name);
        }
        return value;
    }

    public Period cycle() {
        return cycle;
    }

    public int minimumLevel() {
        return minimumLevel;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(VN));
    }

    /** The suppliers of the visible systems owned in the subtree of a visible organisation, worst first. */
    @Transactional(readOnly = true)
    public List<SupplierRisk> ranked(long organizationId) {
        Organization org = visible(organizationId);
        return rank(build(register.visibleInSubtree(org.path()), today()));
    }

    /** The suppliers of systems owned by organisations where the caller may record assessments, unmet first. */
    @Transactional(readOnly = true)
    public List<SupplierRisk> unmetWhereCallerEdits() {
        ScopeFilter f = scope.holding("o.path", Capability.EDIT_SECURITY_DATA);
        return build(register.ownedWhere(f), today()).stream()
                .filter(SupplierRisk::unmet)
                .toList();
    }

    /** Every supplier of systems owned by these (already scoped) organisations: for R36's evidence. */
    List<SupplierRisk> ofOrganizations(Collection<Long> organizationIds) {
        return build(register.ownedBy(organizationIds), today());
    }

    /** One supplier of a visible organisation's own systems, or 404. */
    @Transactional(readOnly = true)
    public SupplierRisk supplier(long organizationId, String name) {
        Organization org = visible(organizationId);
        return build(register.visibleInSubtree(org.path()), today()).stream()
                .filter(s -> s.organizationId() == organizationId && s.spelledAs(name))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("supplier"));
    }

    /** The assessments of one supplier of a visible organisation, newest first. */
    @Transactional(readOnly = true)
    public List<SupplierAssessment> history(long organizationId, String name) {
        Organization org = visible(organizationId);
        // the supplier's spellings (variants grouped under one name) and the name asked for
        Set<String> keys = new HashSet<>();
        keys.add(key(name));
        SupplierRisk supplier = build(register.visibleInSubtree(org.path()), today()).stream()
                .filter(s -> s.organizationId() == organizationId && s.spelledAs(name))
                .findFirst()
                .orElse(null);
        if (supplier != null) {
            supplier.spellings().forEach(v -> keys.add(key(v)));
        }
        String code = supplier == null ? null : supplier.taxCode();
        // the tax code decides when both sides have one; otherwise the spellings do
        return jdbc
                .sql(SELECT + " WHERE a.organization_id = :o ORDER BY a.assessed_on DESC, a.id DESC")
                .param("o", organizationId)
                .query((rs, n) -> row(rs))
                .list()
                .stream()
                .filter(a -> code != null && a.taxCode() != null
                        ? code.equals(a.taxCode())
                        : keys.contains(key(a.supplier())))
                .toList();
    }

    /** One assessment of an organisation the caller may see, or 404. */
    @Transactional(readOnly = true)
    public SupplierAssessment assessment(long id) {
        ScopeFilter f = scope.visible("o.path");
        return jdbc.sql(SELECT + " JOIN organization o ON o.id = a.organization_id WHERE a.id = :id AND " + f.sql())
                .params(f.params())
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("supplier-assessment"));
    }

    /** Records an assessment of a supplier of the organisation's own systems (EDIT_SECURITY_DATA), audited. */
    @Transactional
    public SupplierAssessment assess(long organizationId, SupplierAssessmentRequest r) {
        Organization org = visible(organizationId);
        if (!scope.can(organizationId, Capability.EDIT_SECURITY_DATA)) {
            throw new ForbiddenActionException("supplierRisk.error.forbidden");
        }
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        SupplierRisk supplier = null;
        if (r.supplier() == null || r.supplier().isBlank()) {
            problems.add(problem("supplier", "validation.required"));
        } else {
            supplier = build(register.visibleInSubtree(org.path()), today()).stream()
                    .filter(s -> s.organizationId() == organizationId && s.spelledAs(r.supplier()))
                    .findFirst()
                    .orElse(null);
            if (supplier == null) {
                problems.add(problem("supplier", "supplierRisk.error.unknown"));
            }
        }
        LocalDate assessedOn = null;
        if (r.assessedOn() == null || r.assessedOn().isBlank()) {
            problems.add(problem("assessedOn", "validation.required"));
        } else {
            try {
                // the API's dates are ISO (the page turns the day typed dd/MM/yyyy into ISO first, SuppliersPages)
                LocalDate day = LocalDate.parse(r.assessedOn().strip());
                DateRange.require(day, r.assessedOn());
                assessedOn = day;
                if (assessedOn.isAfter(today())) {
                    problems.add(problem("assessedOn", "supplierRisk.error.future"));
                }
            } catch (DateTimeParseException e) {
                problems.add(problem("assessedOn", "supplierRisk.error.date"));
            }
        }
        if (r.riskRating() == null
                || Arrays.stream(RiskRating.values()).noneMatch(v -> v.name().equals(r.riskRating()))) {
            problems.add(problem("riskRating", "supplierRisk.error.rating"));
        }
        if (r.securityClause() == null) {
            problems.add(problem("securityClause", "validation.required"));
        } else if (r.securityClause() && blank(r.securityClauseRef())) {
            problems.add(problem("securityClauseRef", "supplierRisk.error.clauseRef"));
        }
        if (r.incidentClause() == null) {
            problems.add(problem("incidentClause", "validation.required"));
        } else if (r.incidentClause() && blank(r.incidentClauseRef())) {
            problems.add(problem("incidentClauseRef", "supplierRisk.error.clauseRef"));
        }
        tooLong(problems, "securityClauseRef", r.securityClauseRef(), 300);
        tooLong(problems, "incidentClauseRef", r.incidentClauseRef(), 300);
        tooLong(problems, "dataProcessed", r.dataProcessed(), 4000);
        tooLong(problems, "openIssues", r.openIssues(), 8000);
        if (!problems.isEmpty() || supplier == null || assessedOn == null) {
            throw new FieldProblemException(problems);
        }
        String summary = supplier.systems().stream()
                .map(s -> s.code() + " (" + (s.level() == null ? "-" : s.level()) + "): " + s.access())
                .collect(Collectors.joining("; "));
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO supplier_assessment (organization_id, supplier_name, supplier_key, assessed_on, risk_rating,
                    data_processed, security_clause, security_clause_ref, incident_clause, incident_clause_ref,
                    open_issues, access_summary, created_at, created_by, tax_code)
                VALUES (:o, :name, :key, :on, :rating, :data, :sec, :secRef, :inc, :incRef, :issues, :summary, :now,
                    :by, :taxCode)""")
                .param("o", organizationId)
                .param("taxCode", supplier.taxCode())
                .param("name", supplier.name())
                .param("key", key(supplier.name()))
                .param("on", Date.valueOf(assessedOn))
                .param("rating", r.riskRating())
                .param("data", strip(r.dataProcessed()))
                .param("sec", r.securityClause())
                .param("secRef", Boolean.TRUE.equals(r.securityClause()) ? strip(r.securityClauseRef()) : null)
                .param("inc", r.incidentClause())
                .param("incRef", Boolean.TRUE.equals(r.incidentClause()) ? strip(r.incidentClauseRef()) : null)
                .param("issues", strip(r.openIssues()))
                .param("summary", summary)
                .param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentPerson.idOrNobody())
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey(), "generated id").longValue();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("supplier", supplier.name());
        if (supplier.taxCode() != null) {
            details.put("taxCode", supplier.taxCode());
        }
        details.put("assessedOn", assessedOn.toString());
        details.put("riskRating", r.riskRating());
        details.put("securityClause", r.securityClause());
        details.put("incidentClause", r.incidentClause());
        details.put("openIssues", lines(r.openIssues()).size());
        details.put("access", summary);
        audit.record(AuditEntry.of("SUPPLIER_ASSESSED", organizationId, "supplier_assessment", id)
                .with(details));
        return assessment(id);
    }

    /**
     * Records the tax code of a supplier of the organisation's own systems on every register row of that supplier
     * (its spellings on its systems), or clears it when blank (EDIT_SECURITY_DATA, audited). The tax code is then the
     * supplier's key: other spellings carrying the same code join it. Returns the supplier as it now stands.
     */
    @Transactional
    public SupplierRisk recordTaxCode(long organizationId, SupplierTaxCodeRequest r) {
        Organization org = editable(organizationId);
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        SupplierRisk supplier = null;
        if (r.supplier() == null || r.supplier().isBlank()) {
            problems.add(problem("supplier", "validation.required"));
        } else {
            supplier = ownSupplier(ownSuppliers(org), organizationId, r.supplier());
            if (supplier == null) {
                problems.add(problem("supplier", "supplierRisk.error.unknown"));
            }
        }
        String code = SupplierTaxCodes.normalize(r.taxCode());
        FieldProblemException.FieldProblem wrong = taxCodeProblem(code);
        if (wrong != null) {
            problems.add(wrong);
        }
        if (!problems.isEmpty() || supplier == null) {
            throw new FieldProblemException(problems);
        }
        writeTaxCode(organizationId, supplier, code, null);
        // checked above: a blank supplier is a problem that was thrown
        String name = Objects.requireNonNull(r.supplier(), "supplier");
        return ownSuppliers(org).stream()
                .filter(s -> s.organizationId() == organizationId
                        && (code != null ? code.equals(s.taxCode()) : s.spelledAs(name)))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("supplier"));
    }

    /** A visible organisation where the caller may record tax codes (else 404, or the refusal). */
    Organization editable(long organizationId) {
        Organization org = visible(organizationId);
        if (!scope.can(organizationId, Capability.EDIT_SECURITY_DATA)) {
            throw new ForbiddenActionException("supplierRisk.error.forbidden");
        }
        return org;
    }

    /** The suppliers of the systems owned in the organisation's subtree, as they stand now. */
    List<SupplierRisk> ownSuppliers(Organization org) {
        return build(register.visibleInSubtree(org.path()), today());
    }

    /** The supplier of the organisation's own systems spelled so, or null. */
    static @Nullable SupplierRisk ownSupplier(List<SupplierRisk> suppliers, long organizationId, String name) {
        return suppliers.stream()
                .filter(s -> s.organizationId() == organizationId && s.spelledAs(name))
                .findFirst()
                .orElse(null);
    }

    /** Why a (normalised) tax code is refused, naming the field taxCode; null when valid or blank. */
    static FieldProblemException.@Nullable FieldProblem taxCodeProblem(@Nullable String code) {
        if (code == null) {
            return null;
        }
        if (code.length() > 40) {
            return new FieldProblemException.FieldProblem("taxCode", "supplierRisk.error.tooLong", 14);
        }
        String wrong = SupplierTaxCodes.problem(code);
        return wrong == null ? null : problem("taxCode", wrong);
    }

    /**
     * Writes a checked tax code (null clears it) on every register row of the supplier and audits it, with the
     * import's batch when it came from a file. The number of register rows changed.
     */
    int writeTaxCode(long organizationId, SupplierRisk supplier, @Nullable String code, @Nullable String batch) {
        String before = supplier.taxCode();
        List<Long> systemIds = supplier.systems().stream()
                .map(SupplierRisk.SystemAccess::systemId)
                .distinct()
                .toList();
        int rows = taxCodes.record(organizationId, systemIds, supplier.spellings(), before, code);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("supplier", supplier.name());
        details.put("before", before);
        details.put("after", code);
        details.put("rows", rows);
        if (batch != null) {
            details.put("importBatch", batch);
        }
        audit.record(AuditEntry.of("SUPPLIER_TAX_CODE", organizationId, "organization", organizationId)
                .with(details));
        return rows;
    }

    private Organization visible(long organizationId) {
        return organizations.findVisible(organizationId).orElseThrow(() -> new NotFoundException("organization"));
    }

    /**
     * Groups the register's rows by owner and supplier (the spellings of one supplier's name together: {@link
     * SupplierNames}) and joins each supplier's latest assessment.
     */
    List<SupplierRisk> build(List<SupplierAccessQuery.Access> rows, LocalDate today) {
        List<SupplierAssessment> assessments = assessments(
                rows.stream().map(SupplierAccessQuery.Access::organizationId).collect(Collectors.toSet()));
        List<SupplierNames.Named> names = new ArrayList<>();
        rows.forEach(a -> names.add(new SupplierNames.Named(a.supplierName(), a.taxCode())));
        // an assessment's spelling helps group the register's names, its tax code does not: the register decides
        assessments.forEach(a -> names.add(new SupplierNames.Named(a.supplier(), null)));
        SupplierNames.Grouping grouping = SupplierNames.RULES.groupNamed(names);
        Map<String, List<SupplierAccessQuery.Access>> bySupplier = new LinkedHashMap<>();
        Map<String, List<SupplierNames.Named>> spellings = new HashMap<>();
        rows.forEach(a -> {
            String k = a.organizationId() + "|" + grouping.key(a.supplierName(), a.taxCode());
            bySupplier.computeIfAbsent(k, x -> new ArrayList<>()).add(a);
            spellings
                    .computeIfAbsent(k, x -> new ArrayList<>())
                    .add(new SupplierNames.Named(a.supplierName(), a.taxCode()));
        });
        Map<String, SupplierAssessment> latest = new HashMap<>();
        // an assessment belongs to the supplier of its tax code while the register has it, else to its spelling's
        assessments.forEach(a -> {
            String byCode = a.organizationId() + "|" + grouping.key(a.supplier(), a.taxCode());
            latest.put(
                    bySupplier.containsKey(byCode) ? byCode : a.organizationId() + "|" + grouping.key(a.supplier()), a);
        });
        List<SupplierRisk> out = new ArrayList<>();
        bySupplier.forEach((k, accesses) -> {
            SupplierAccessQuery.Access first = accesses.get(0);
            Integer maxLevel = accesses.stream()
                    .map(SupplierAccessQuery.Access::level)
                    .filter(l -> l != null)
                    .max(Integer::compare)
                    .orElse(null);
            boolean duty = accesses.stream()
                    .anyMatch(a -> a.level() != null && a.level() >= minimumLevel && !"NONE".equals(a.accessKind()));
            LocalDate recorded = accesses.stream()
                    .map(SupplierAccessQuery.Access::recordedOn)
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            SupplierAssessment last = latest.get(k);
            String state;
            LocalDate due;
            if (last == null) {
                state = "NEVER";
                due = duty ? recorded : null;
            } else {
                due = last.nextDueOn();
                state = today.isAfter(due) ? "EXPIRED" : today.isBefore(due.minus(leadTime)) ? "CURRENT" : "DUE_SOON";
            }
            List<SupplierRisk.SystemAccess> systems = accesses.stream()
                    .map(a -> new SupplierRisk.SystemAccess(
                            a.systemId(),
                            a.systemCode(),
                            a.systemName(),
                            a.level(),
                            a.accessKind(),
                            a.accessDetails(),
                            a.contractTo()))
                    .toList();
            // the most used spelling names the supplier, the others are shown as its variants
            List<String> spelled = SupplierNames.spellingsOf(
                            Objects.requireNonNull(spellings.get(k), "spellings are grouped by the same key"), grouping)
                    .values()
                    .stream()
                    .flatMap(List::stream)
                    .distinct()
                    .toList();
            out.add(new SupplierRisk(
                    first.organizationId(),
                    first.organizationName(),
                    spelled.get(0),
                    systems,
                    maxLevel,
                    duty,
                    state,
                    duty && ("NEVER".equals(state) || "EXPIRED".equals(state)),
                    due,
                    last,
                    spelled.subList(1, spelled.size()),
                    taxCodeOf(k)));
        });
        return out;
    }

    /**
     * Worst first: an unmet duty (no current assessment of a supplier with access to a system at the minimum level),
     * then the latest rating, the highest level reached, the broadest access, the open issues, and the name.
     */
    static List<SupplierRisk> rank(List<SupplierRisk> suppliers) {
        Comparator<SupplierRisk> worstFirst = Comparator.comparing((SupplierRisk s) -> !s.unmet())
                .thenComparing(
                        s -> s.latest() == null
                                ? -1
                                : RiskRating.valueOf(s.latest().riskRating()).ordinal(),
                        Comparator.reverseOrder())
                .thenComparing(s -> s.maxLevel() == null ? 0 : s.maxLevel(), Comparator.reverseOrder())
                .thenComparing(SupplierRiskService::broadestAccess, Comparator.reverseOrder())
                .thenComparing(SupplierRisk::openIssueCount, Comparator.reverseOrder())
                .thenComparing(s -> s.name().toLowerCase(Locale.ROOT));
        return suppliers.stream().sorted(worstFirst).toList();
    }

    private static int broadestAccess(SupplierRisk s) {
        return s.systems().stream()
                .mapToInt(a -> ACCESS_ORDER.indexOf(a.access()))
                .max()
                .orElse(0);
    }

    /** The assessments of these organisations, oldest first (the last of a supplier is its latest). */
    private List<SupplierAssessment> assessments(Set<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE a.organization_id IN (:ids) ORDER BY a.assessed_on, a.id")
                .param("ids", organizationIds)
                .query((rs, n) -> row(rs))
                .list();
    }

    private static final String SELECT = """
            SELECT a.id, a.organization_id, a.supplier_name, a.assessed_on, a.risk_rating, a.data_processed,
                a.security_clause, a.security_clause_ref, a.incident_clause, a.incident_clause_ref, a.open_issues,
                a.access_summary, a.tax_code
            FROM supplier_assessment a""";

    private SupplierAssessment row(ResultSet rs) throws SQLException {
        LocalDate on = rs.getDate(4).toLocalDate();
        return new SupplierAssessment(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                on,
                rs.getString(5),
                rs.getString(6),
                rs.getBoolean(7),
                rs.getString(8),
                rs.getBoolean(9),
                rs.getString(10),
                lines(rs.getString(11)),
                rs.getString(12),
                on.plus(cycle),
                rs.getString(13));
    }

    /** The tax code of a supplier's key ({@code organizationId|mst:code}), or null when it is keyed by spelling. */
    private static @Nullable String taxCodeOf(String key) {
        int at = key.indexOf("|mst:");
        return at < 0 ? null : key.substring(at + "|mst:".length());
    }

    /** A name's key on its own (legal form and folded words: {@link SupplierNames#nameKey}). */
    static String key(String name) {
        return SupplierNames.RULES.nameKey(name);
    }

    static List<String> lines(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static @Nullable String strip(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void tooLong(
            List<FieldProblemException.FieldProblem> problems, String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblemException.FieldProblem(field, "supplierRisk.error.tooLong", max));
        }
    }

    private static FieldProblemException.FieldProblem problem(String field, String key) {
        return new FieldProblemException.FieldProblem(field, key);
    }
}
