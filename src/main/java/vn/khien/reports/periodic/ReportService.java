package vn.khien.reports.periodic;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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

    /** A signed file as large as a dossier's signed decision may be (20 MB). */
    public static final long MAX_SIGNED_FILE_BYTES = 20L * 1024 * 1024;

    /**
     * The types a signed file is served back as. The type is the client's word (a browser's guess, or any text through
     * the API) and becomes the download's Content-Type: anything else is kept as a plain download, so a stored file is
     * never served as a page and an unparsable type never breaks the download.
     */
    private static final Set<String> SERVED_TYPES = Set.of(
            "application/pdf",
            "image/png",
            "image/jpeg",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/pkcs7-signature");

    static String servedType(@Nullable String type) {
        String t = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        return SERVED_TYPES.contains(t) ? t : "application/octet-stream";
    }

    /** What the signing step carries. */
    public record SignRequest(
            String documentNumber,
            LocalDate documentDate,
            String signerName,
            String signedFileName,
            String signedFileType,
            byte[] signedFile) {}

    /** What a step posted by name carries: the return's comment, the signature's fields (each step reads its own). */
    public record StepInput(String comment, SignRequest sign) {
        public static final StepInput NONE = new StepInput(null, new SignRequest(null, null, null, null, null, null));
    }

    /** One sign-off step, found by its {@link ReportAction}. */
    private interface Step {
        PeriodicReport take(long id, StepInput input);
    }

    private final ReportRepository reports;
    private final ReportCompiler compiler;
    private final ReportKinds kinds;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final Clock clock;
    private final FigureSnapshots snapshots;
    private final Form08Annex form08;
    private final ReportActors actors;
    private final Map<ReportAction, Step> steps;

    public ReportService(
            ReportRepository reports,
            ReportCompiler compiler,
            ReportKinds kinds,
            OrgScope scope,
            AuditTrail audit,
            Clock clock,
            FigureSnapshots snapshots,
            Form08Annex form08,
            ReportActors actors) {
        this.actors = actors;
        Map<ReportAction, Step> byName = new EnumMap<>(ReportAction.class);
        byName.put(ReportAction.CHECK, (id, in) -> check(id));
        byName.put(ReportAction.SIGN, (id, in) -> sign(id, in.sign()));
        byName.put(ReportAction.SUBMIT, (id, in) -> submit(id));
        byName.put(ReportAction.ACCEPT, (id, in) -> accept(id));
        byName.put(ReportAction.RETURN, (id, in) -> returnReport(id, in.comment()));
        byName.put(ReportAction.REVISE, (id, in) -> revise(id));
        this.steps = byName;
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
            // The period's kind in words and the running period as the example, never the rule's code.
            throw new FieldProblemException(
                    "period",
                    "reports.error.period",
                    new DefaultMessageSourceResolvable(
                            new String[] {
                                "reports.periodType." + kind.period().type().name()
                            },
                            kind.period().type().name()),
                    ReportPeriod.containing(today(), kind.period()).code());
        }
    }

    @Transactional
    public PeriodicReport create(Long organizationId, String kindId, String periodCode) {
        if (organizationId == null
                || !(scope.canSee(organizationId)
                        || actors.mayDraft(organizationId)
                        || kinds.find(kindId)
                                .map(k -> actors.designatedDrafter(organizationId, k))
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
                    "period",
                    "reports.error.exists",
                    String.valueOf(existing.get().id()));
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
        return actors.mayDraft(organizationId);
    }

    /**
     * Whether the caller may open (draft) a report of this kind for the organisation: its own officers, or for a kind
     * with a designated drafter, a person of the designated unit (ADR 0044).
     */
    public boolean mayDraft(long organizationId, ReportKind kind) {
        return actors.mayDraft(organizationId, kind);
    }

    /** {@link #mayDraft(long, ReportKind)} by the kind's id; false for an unknown kind. */
    public boolean mayDraft(long organizationId, String kindId) {
        return actors.mayDraft(organizationId, kindId);
    }

    @Transactional(readOnly = true)
    public List<PeriodicReport> ofOrganization(long organizationId) {
        return reports.ofOrganization(organizationId, visible());
    }

    /**
     * {@link #ofOrganization}, for an organisation the caller reaches (its subtree, as a designated unit, as a security
     * unit); any other organisation is refused like a missing one, never answered with an empty list (ADR 0082).
     */
    public List<PeriodicReport> ofReachableOrganization(long organizationId) {
        ScopeFilter reachable =
                scope.visible("o.path").or(actors.designated(kinds.all(), null)).or(actors.securityUnitOf());
        if (reports.countOrganizations(organizationId, reachable) == 0) {
            throw new NotFoundException("organization " + organizationId);
        }
        return ofOrganization(organizationId);
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
        return reports.visibleOrganizations(
                scope.visible("o.path").or(actors.designated(kinds.all(), null)).or(actors.securityUnitOf()));
    }

    /**
     * The steps the caller may take now, for the page's buttons: exactly those the step itself would not refuse (one
     * rule, {@link ReportAction}, read by {@link ReportActors}).
     */
    @Transactional(readOnly = true)
    public List<ReportAction> allowed(PeriodicReport r) {
        return actors.allowed(r);
    }

    /** At most this many reports of each step in the "waiting for me" list. */
    static final int WAITING_LIMIT = 200;

    /**
     * The reports waiting for the caller's step — to check, sign, submit, accept or return — earliest due first, by the
     * same rule as the buttons and the service's check ({@link ReportAction}, asked in SQL; ADR 0066).
     */
    @Transactional(readOnly = true)
    List<ReportRepository.Awaiting> waitingForMe() {
        long me = CurrentPerson.idOrNobody();
        List<ReportRepository.Awaiting> out = new ArrayList<>();
        for (ReportAction a : ReportAction.awaited()) {
            out.addAll(reports.awaiting(me, a, WAITING_LIMIT));
        }
        out.sort(Comparator.comparing(ReportRepository.Awaiting::dueOn).thenComparing(ReportRepository.Awaiting::id));
        return out;
    }

    /**
     * Takes the step named by {@code action} (the page's and the API's {@code /actions/{action}}): each step is its
     * own method below; this only finds it by name.
     */
    @Transactional
    public PeriodicReport act(long id, ReportAction action, StepInput input) {
        Step step = steps.get(action);
        if (step == null) {
            throw new FieldProblemException("action", "reports.error.action");
        }
        return step.take(id, input);
    }

    @Transactional
    public PeriodicReport check(long id) {
        PeriodicReport r = get(id);
        mayTake(r, ReportAction.CHECK);
        PeriodicReport next = r.markChecked(actorId(), actorName());
        reports.markChecked(next, r.status(), clock.instant());
        return done(r, next, ReportAction.CHECK, null, Map.of());
    }

    @Transactional
    public PeriodicReport sign(long id, SignRequest request) {
        PeriodicReport r = get(id);
        mayTake(r, ReportAction.SIGN);
        if (request.signedFile() != null && request.signedFile().length > MAX_SIGNED_FILE_BYTES) {
            throw new FieldProblemException(
                    "signedFile", "reports.error.fileTooLarge", MAX_SIGNED_FILE_BYTES / (1024 * 1024));
        }
        if (request.signedFileName() != null && request.signedFileName().length() > 300) {
            throw new FieldProblemException("signedFile", "reports.error.fileNameTooLong", 300);
        }
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
        reports.markSigned(
                next, r.status(), servedType(request.signedFileType()), request.signedFile(), clock.instant());
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
        mayTake(r, ReportAction.SUBMIT);
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
        mayTake(r, ReportAction.ACCEPT);
        PeriodicReport next = r.markAccepted(clock.instant());
        reports.markAccepted(next, r.status(), clock.instant());
        return done(r, next, ReportAction.ACCEPT, null, Map.of());
    }

    @Transactional
    public PeriodicReport returnReport(long id, String comment) {
        PeriodicReport r = get(id);
        mayTake(r, ReportAction.RETURN);
        PeriodicReport next = r.markReturned(comment, clock.instant());
        reports.markReturned(next, r.status(), clock.instant());
        return done(r, next, ReportAction.RETURN, next.returnComment(), Map.of("comment", next.returnComment()));
    }

    /** A returned report is revised as a new version in DRAFT; the returned version is kept. */
    @Transactional
    public PeriodicReport revise(long id) {
        PeriodicReport r = get(id);
        mayTake(r, ReportAction.REVISE);
        r.requireRevisable();
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

    /** Refuses the step unless {@link ReportActors} lets the caller take it on this report now. */
    private void mayTake(PeriodicReport r, ReportAction action) {
        actors.denial(r, action).ifPresent(e -> {
            throw e;
        });
    }

    /**
     * Reports the caller sees: of its subtree, of the kinds it drafts as a designated unit (ADR 0044), or of the
     * organisations whose designated security unit it works in (ADR 0066).
     */
    private ScopeFilter visible() {
        return scope.visible("o.path")
                .or(actors.designated(kinds.all(), "r.kind"))
                .or(actors.securityUnitOf());
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
