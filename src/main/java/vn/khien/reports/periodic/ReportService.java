package vn.khien.reports.periodic;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;
import vn.khien.reports.dashboard.DashboardService;
import vn.khien.reports.dashboard.FigureSnapshots;
import vn.khien.reports.kinds.ReportKind;
import vn.khien.reports.kinds.ReportKinds;
import vn.khien.reports.kinds.ReportPeriod;

/**
 * Periodic reports: compile, sign off, submit upward, accept or return. Every step checks the caller's capability on
 * the report's organisation (or, to accept or return, on the parent it was submitted to), is stored as a step and is
 * appended to the audit trail in the same transaction. Submission freezes the compilation.
 */
@Service
public class ReportService {
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A report with its figures (live, or frozen once submitted) and history. */
    public record ReportView(
            PeriodicReport report,
            ReportKind kind,
            Compilation compilation,
            List<ReportRepository.Step> history,
            List<PeriodicReport> versions,
            boolean late) {}

    /** What the signing step carries. */
    public record SignRequest(
            String documentNumber,
            LocalDate documentDate,
            String signerName,
            String signedFileName,
            String signedFileType,
            byte[] signedFile) {}

    private final ReportRepository reports;
    private final ReportCompiler compiler;
    private final ReportKinds kinds;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final Clock clock;
    private final FigureSnapshots snapshots;
    private final Form08Annex form08;

    public ReportService(
            ReportRepository reports,
            ReportCompiler compiler,
            ReportKinds kinds,
            OrgScope scope,
            AuditTrail audit,
            Clock clock,
            FigureSnapshots snapshots,
            Form08Annex form08) {
        this.snapshots = snapshots;
        this.form08 = form08;
        this.reports = reports;
        this.compiler = compiler;
        this.kinds = kinds;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public ReportKind kind(String id) {
        return kinds.find(id).orElseThrow(() -> new FieldProblemException("kind", "reports.error.kind"));
    }

    public ReportPeriod period(ReportKind kind, String code) {
        try {
            return ReportPeriod.parse(code, kind.period());
        } catch (IllegalArgumentException e) {
            throw new FieldProblemException(
                    "period", "reports.error.period", kind.period().type().name());
        }
    }

    @Transactional
    public PeriodicReport create(Long organizationId, String kindId, String periodCode) {
        if (organizationId == null
                || !(scope.canSee(organizationId)
                        || kinds.find(kindId)
                                .map(k -> designatedDrafter(organizationId, k))
                                .orElse(false))) {
            throw new FieldProblemException("organizationId", "reports.error.organization");
        }
        ReportKind kind = kind(kindId);
        ReportPeriod period = period(kind, periodCode);
        if (!kind.inForceOn(period.days().to())) {
            throw new FieldProblemException(
                    "period", "reports.error.notInForce", kind.effectiveFrom().toString());
        }
        if (!mayDraft(organizationId, kind)) {
            throw new ForbiddenActionException("reports.forbidden.draft");
        }
        var existing = reports.latest(organizationId, kind.id(), period.code());
        if (existing.isPresent() && existing.get().status() != ReportStatus.RETURNED) {
            throw new FieldProblemException(
                    "period", "reports.error.exists", existing.get().id());
        }
        int version = existing.map(r -> r.version() + 1).orElse(1);
        return insert(organizationId, kind, period, version, existing.isPresent() ? ReportAction.REVISE : null);
    }

    private PeriodicReport insert(
            long organizationId, ReportKind kind, ReportPeriod period, int version, ReportAction how) {
        boolean compilerTier = !compiler.childrenOf(organizationId).isEmpty();
        LocalDate due = compiler.dueOn(kind, period, compilerTier);
        Instant now = clock.instant();
        long id = reports.insert(
                organizationId,
                kind.id(),
                period.code(),
                period.days().from(),
                period.days().to(),
                version,
                due,
                kinds.version(),
                CurrentPerson.principal().map(p -> p.personId()).orElse(null),
                now);
        reports.step(
                id,
                how == null ? ReportAction.CREATE : how,
                null,
                ReportStatus.DRAFT,
                actorId(),
                actorName(),
                null,
                now);
        audit.record(new AuditEntry(
                how == null ? "REPORT_CREATED" : "REPORT_REVISED",
                organizationId,
                "periodic_report",
                String.valueOf(id),
                details(kind.id(), period.code(), "version", version, "dueOn", due.toString())));
        return reports.find(id, visible()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public PeriodicReport get(long id) {
        return reports.find(id, visible()).orElseThrow(() -> new NotFoundException("report"));
    }

    @Transactional(readOnly = true)
    public ReportView view(long id) {
        PeriodicReport r = get(id);
        ReportKind kind = kind(r.kind());
        Compilation c = frozenCompilation(r)
                ? compiler.frozen(r, kind)
                : compiler.compile(r.organizationId(), kind, period(kind, r.period()), today());
        return new ReportView(
                r,
                kind,
                c,
                reports.steps(id),
                reports.versions(r.organizationId(), r.kind(), r.period()),
                r.lateOn(today()));
    }

    /** Whether the caller may open (draft) a report of the organisation. */
    public boolean mayDraft(long organizationId) {
        return scope.can(organizationId, Capability.EDIT_SECURITY_DATA);
    }

    /**
     * Whether the caller may open (draft) a report of this kind for the organisation: its own officers, or for a kind
     * with a designated drafter, a person of the designated unit (ADR 0044).
     */
    public boolean mayDraft(long organizationId, ReportKind kind) {
        return mayDraft(organizationId) || designatedDrafter(organizationId, kind);
    }

    /** {@link #mayDraft(long, ReportKind)} by the kind's id; false for an unknown kind. */
    public boolean mayDraft(long organizationId, String kindId) {
        return kinds.find(kindId).map(k -> mayDraft(organizationId, k)).orElse(false);
    }

    /** Whether the caller drafts the organisation's reports of this kind as a person of its designated unit. */
    private boolean designatedDrafter(long organizationId, ReportKind kind) {
        if (kind.designatedDrafter() == null) {
            return false;
        }
        ScopeFilter f = designated(List.of(kind), null);
        return reports.countOrganizations(organizationId, f) > 0;
    }

    /**
     * Rows of organisation {@code o} (and, with {@code kindExpr}, of those kinds only) that the caller reaches as a
     * person holding the kind's capability in the unit designated for {@code o} in the kind's authority role, that
     * unit lying within {@code o}'s subtree. Matches nothing when no kind has a designated drafter.
     */
    private ScopeFilter designated(List<ReportKind> of, String kindExpr) {
        StringBuilder sql = new StringBuilder("(1 = 0");
        Map<String, Object> params = new LinkedHashMap<>();
        char n = 'A';
        for (ReportKind k : of) {
            ReportKind.DesignatedDrafter d = k.designatedDrafter();
            if (d == null) {
                continue;
            }
            String name = "designee" + n++;
            ScopeFilter unit = scope.holdingAny("du" + name + ".path", name, Capability.valueOf(d.capability()));
            sql.append(" OR (");
            if (kindExpr != null) {
                sql.append(kindExpr).append(" = :").append(name).append("Kind AND ");
                params.put(name + "Kind", k.id());
            }
            sql.append("EXISTS (SELECT 1 FROM authority_designation dd")
                    .append(name)
                    .append(" JOIN organization du")
                    .append(name)
                    .append(" ON du")
                    .append(name)
                    .append(".id = dd")
                    .append(name)
                    .append(".organization_id WHERE dd")
                    .append(name)
                    .append(".scope_organization_id = o.id AND dd")
                    .append(name)
                    .append(".authority_role = :")
                    .append(name)
                    .append("Role AND du")
                    .append(name)
                    .append(".path LIKE o.path || '%' AND ")
                    .append(unit.sql())
                    .append("))");
            params.put(name + "Role", d.authorityRole());
            params.putAll(unit.params());
        }
        return new ScopeFilter(sql.append(")").toString(), params);
    }

    @Transactional(readOnly = true)
    public List<PeriodicReport> ofOrganization(long organizationId) {
        return reports.ofOrganization(organizationId, visible());
    }

    /**
     * Of these reports, the ones whose totals lack some organisations' data (a child's frozen report submitted before
     * some figures were part of the kind): a frozen report by the gap rows of its snapshot (one query for all), a
     * report still live by its children's frozen reports now.
     */
    @Transactional(readOnly = true)
    public Set<Long> incomplete(List<PeriodicReport> list) {
        Set<Long> out = new HashSet<>();
        List<Long> frozen = list.stream()
                .filter(ReportService::frozenCompilation)
                .map(PeriodicReport::id)
                .toList();
        out.addAll(reports.gapRows(frozen).keySet());
        for (PeriodicReport r : list) {
            if (!frozenCompilation(r)) {
                ReportKind kind = kind(r.kind());
                if (!compiler.gaps(r.organizationId(), kind, period(kind, r.period()))
                        .isEmpty()) {
                    out.add(r.id());
                }
            }
        }
        return out;
    }

    /** A report whose figures are its frozen snapshot (submitted, accepted, or returned after submission). */
    private static boolean frozenCompilation(PeriodicReport r) {
        return r.status().frozen() || r.status() == ReportStatus.RETURNED;
    }

    /**
     * The organisation's latest report of each kind (latest period, latest version) when its roll-up lacks some
     * organisations' data, for the dashboard, which must not present such a total as complete.
     */
    @Transactional(readOnly = true)
    public List<PeriodicReport> incompleteLatest(long organizationId) {
        Map<String, PeriodicReport> latest = new LinkedHashMap<>();
        for (PeriodicReport r : ofOrganization(organizationId)) {
            latest.merge(
                    r.kind(),
                    r,
                    (a, b) -> a.periodTo().isAfter(b.periodTo())
                                    || a.periodTo().equals(b.periodTo()) && a.version() >= b.version()
                            ? a
                            : b);
        }
        List<PeriodicReport> candidates = List.copyOf(latest.values());
        Set<Long> incomplete = incomplete(candidates);
        return candidates.stream().filter(r -> incomplete.contains(r.id())).toList();
    }

    @Transactional(readOnly = true)
    public List<ReportRepository.OrgChoice> organizations() {
        return reports.visibleOrganizations(scope.visible("o.path").or(designated(kinds.all(), null)));
    }

    /** The steps the caller may take now (for the page's buttons; the service checks again on each step). */
    @Transactional(readOnly = true)
    public List<ReportAction> allowed(PeriodicReport r) {
        List<ReportAction> out = new ArrayList<>();
        boolean edit = scope.can(r.organizationId(), Capability.EDIT_SECURITY_DATA);
        boolean draft = edit || designatedDrafter(r.organizationId(), kind(r.kind()));
        boolean approve = scope.can(r.organizationId(), Capability.APPROVE);
        boolean parent = r.parentOrganizationId() != null
                && (scope.can(r.parentOrganizationId(), Capability.APPROVE)
                        || scope.can(r.parentOrganizationId(), Capability.EDIT_SECURITY_DATA));
        switch (r.status()) {
            case DRAFT -> {
                if (edit) {
                    out.add(ReportAction.CHECK);
                }
            }
            case CHECKED -> {
                if (approve) {
                    out.add(ReportAction.SIGN);
                }
            }
            case SIGNED -> {
                if ((edit || approve) && r.parentOrganizationId() != null) {
                    out.add(ReportAction.SUBMIT);
                }
            }
            case SUBMITTED -> {
                if (parent) {
                    out.add(ReportAction.ACCEPT);
                    out.add(ReportAction.RETURN);
                }
            }
            case RETURNED -> {
                if (draft) {
                    out.add(ReportAction.REVISE);
                }
            }
            default -> {}
        }
        return out;
    }

    @Transactional
    public PeriodicReport check(long id) {
        PeriodicReport r = get(id);
        require(r.organizationId(), "reports.forbidden.check", Capability.EDIT_SECURITY_DATA);
        PeriodicReport next = r.markChecked(actorId(), actorName());
        reports.markChecked(next, r.status(), clock.instant());
        return done(r, next, ReportAction.CHECK, null, Map.of());
    }

    @Transactional
    public PeriodicReport sign(long id, SignRequest request) {
        PeriodicReport r = get(id);
        require(r.organizationId(), "reports.forbidden.sign", Capability.APPROVE);
        String signer = request.signerName() == null || request.signerName().isBlank()
                ? actorName()
                : request.signerName().trim();
        PeriodicReport next = r.markSigned(
                request.documentNumber(),
                request.documentDate(),
                signer,
                request.signedFile() == null
                        ? null
                        : request.signedFileName() == null ? "van-ban-da-ky.pdf" : request.signedFileName(),
                actorId());
        reports.markSigned(next, r.status(), request.signedFileType(), request.signedFile(), clock.instant());
        return done(
                r,
                next,
                ReportAction.SIGN,
                null,
                Map.of(
                        "documentNumber",
                        next.documentNumber(),
                        "documentDate",
                        next.documentDate().toString(),
                        "signedFile",
                        next.signedFileName() != null));
    }

    @Transactional
    public PeriodicReport submit(long id) {
        PeriodicReport r = get(id);
        require(r.organizationId(), "reports.forbidden.submit", Capability.EDIT_SECURITY_DATA, Capability.APPROVE);
        Instant now = clock.instant();
        ReportKind kind = kind(r.kind());
        Compilation c = compiler.compile(r.organizationId(), kind, period(kind, r.period()), today());
        List<String> missing = kind.requiresFigures().stream()
                .filter(f -> !compiler.provided().contains(f))
                .toList();
        PeriodicReport next = r.markSubmitted(now, missing);
        reports.markSubmitted(next, r.status(), ReportCompiler.snapshot(r.organizationId(), c), now);
        if (kind.form08Table()) {
            form08.freeze(next);
        }
        // A late report changes the finished quarters' "reports late" figure on the dashboards' trend.
        snapshots.refresh(r.organizationId(), DashboardService.TREND_QUARTERS);
        return done(r, next, ReportAction.SUBMIT, null, Map.of("late", next.lateOn(today()), "totals", c.totals()));
    }

    @Transactional
    public PeriodicReport accept(long id) {
        PeriodicReport r = get(id);
        requireParent(r);
        PeriodicReport next = r.markAccepted(clock.instant());
        reports.markAccepted(next, r.status(), clock.instant());
        return done(r, next, ReportAction.ACCEPT, null, Map.of());
    }

    @Transactional
    public PeriodicReport returnReport(long id, String comment) {
        PeriodicReport r = get(id);
        requireParent(r);
        PeriodicReport next = r.markReturned(comment, clock.instant());
        reports.markReturned(next, r.status(), clock.instant());
        return done(r, next, ReportAction.RETURN, next.returnComment(), Map.of("comment", next.returnComment()));
    }

    /** A returned report is revised as a new version in DRAFT; the returned version is kept. */
    @Transactional
    public PeriodicReport revise(long id) {
        PeriodicReport r = get(id);
        if (!mayDraft(r.organizationId(), kind(r.kind()))) {
            throw new ForbiddenActionException("reports.forbidden.draft");
        }
        r.requireRevisable();
        var latest = reports.latest(r.organizationId(), r.kind(), r.period()).orElseThrow();
        if (latest.id() != r.id()) {
            throw new FieldProblemException("action", "reports.error.notLatest", latest.id());
        }
        ReportKind kind = kind(r.kind());
        return insert(r.organizationId(), kind, period(kind, r.period()), r.version() + 1, ReportAction.REVISE);
    }

    @Transactional(readOnly = true)
    public ReportRepository.SignedFile signedFile(long id) {
        get(id);
        return reports.signedFile(id).orElseThrow(() -> new NotFoundException("signed file"));
    }

    private PeriodicReport done(
            PeriodicReport before, PeriodicReport after, ReportAction action, String comment, Map<String, ?> more) {
        Instant now = clock.instant();
        reports.step(after.id(), action, before.status(), after.status(), actorId(), actorName(), comment, now);
        Map<String, Object> d = details(
                after.kind(),
                after.period(),
                "from",
                before.status().name(),
                "to",
                after.status().name());
        d.putAll(more);
        audit.record(new AuditEntry(
                "REPORT_" + action.name(), after.organizationId(), "periodic_report", String.valueOf(after.id()), d));
        return reports.find(after.id(), visible()).orElse(after);
    }

    private void require(long organizationId, String messageKey, Capability... anyOf) {
        for (Capability c : anyOf) {
            if (scope.can(organizationId, c)) {
                return;
            }
        }
        throw new ForbiddenActionException(messageKey);
    }

    /** Accepting or returning is the parent's: a role with security or approval rights on the parent organisation. */
    private void requireParent(PeriodicReport r) {
        if (r.parentOrganizationId() == null) {
            throw new ForbiddenActionException("reports.forbidden.decide");
        }
        require(
                r.parentOrganizationId(),
                "reports.forbidden.decide",
                Capability.APPROVE,
                Capability.EDIT_SECURITY_DATA);
    }

    /** Reports the caller sees: of its subtree, or of the kinds it drafts as a designated unit (ADR 0044). */
    private ScopeFilter visible() {
        return scope.visible("o.path").or(designated(kinds.all(), "r.kind"));
    }

    private static Long actorId() {
        return CurrentPerson.principal().map(p -> p.personId()).orElse(null);
    }

    private static String actorName() {
        return CurrentPerson.username().orElse(null);
    }

    private static Map<String, Object> details(String kind, String period, Object... more) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", kind);
        d.put("period", period);
        for (int i = 0; i + 1 < more.length; i += 2) {
            d.put(String.valueOf(more[i]), more[i + 1]);
        }
        return d;
    }
}
