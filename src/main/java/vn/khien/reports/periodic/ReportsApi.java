package vn.khien.reports.periodic;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khien.platform.Downloads;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.figures.FigurePeriod;
import vn.khien.platform.figures.FigureRow;
import vn.khien.reports.figures.FigureBook;
import vn.khien.reports.kinds.ReportKind;
import vn.khien.reports.kinds.ReportKinds;

@RestController
@Tag(
        name = "Periodic reports",
        description = "Báo cáo định kỳ: compiled from live data, rolled up through the tree, "
                + "signed off, submitted upward, accepted or returned; DOCX, XLSX and PDF documents")
public class ReportsApi {

    /** The figure names, documented once for every endpoint that returns figures. */
    public static final String FIGURES = """
            Figures are counts over the organisation's subtree; a system counts once, at its OWNER. A figure that no \
            module provides is null ("không có dữ liệu"), never 0. Names: \
            systemsTotal (systems in scope at the end of the period: created by then, not retired), \
            systemsOperating, systemsApproved (approved level), systemsOperatingApproved, \
            systemsByLevel as systemsLevel1 … systemsLevel5 and systemsLevel3Plus, \
            dossiersLate (level dossiers past their legal step limit), \
            plansDerived, plansFullyDeployed (every applicable required plan item MET — computed, not declared), \
            securityRegulations, assessmentsDone (completed in the period), assessmentsDue (approved systems without \
            an assessment within their periodicity), \
            systemsScannedSixMonths (completed scan in the six months to the end of the period, CT 18/CT-TTg), \
            findingsOpenCritical, findingsOpenHigh, findingsOverdue (open past the SLA due date), \
            findingsOverdueCriticalHigh; contributed by the warnings, incidents and obligations modules when present: \
            warningsReceived, warningsAcknowledged, warningsFixed, incidentsTotal, incidentsOpen, incidentsResolved, \
            drillsLevel3Plus (level 3+ systems with a live-fire drill in the period), budgetItTotal, budgetSecurity; reportsLate (dashboards). \
            A total may lack some units' data: "gaps" lists each organisation (a child, or one below it) whose frozen report \
            was submitted before some of the kind's figures existed, with the figures its data is missing from (those \
            totals are incomplete, not zero).""";

    public record CreateRequest(Long organizationId, String kind, String period) {}

    public record ActionBody(
            String comment,
            String documentNumber,
            LocalDate documentDate,
            String signerName,
            String signedFileName,
            String signedFileType,
            // the base64 of a 20 MB signed file (ReportService.MAX_SIGNED_FILE_BYTES): lets the parser take it (ADR
            // 0070)
            @Size(max = 28_000_000) String signedFileBase64) {}

    public record ReportJson(
            long id,
            long organizationId,
            String organizationName,
            String kind,
            String kindTitle,
            String legalSource,
            String period,
            LocalDate periodFrom,
            LocalDate periodTo,
            int version,
            String status,
            LocalDate dueOn,
            boolean late,
            boolean frozen,
            String documentNumber,
            LocalDate documentDate,
            String signerName,
            boolean signedFile,
            String returnComment,
            Map<String, Long> figures,
            Map<String, Long> ownFigures,
            List<Compilation.ChildRow> children,
            List<ReportRepository.Step> history,
            List<Map<String, Object>> versions,
            List<Compilation.UnitRow> units,
            List<String> sectionsNotRecorded,
            List<Compilation.Gap> gaps,
            List<String> actions) {}

    private final ReportService service;
    private final ReportDocuments documents;
    private final ReportKinds kinds;
    private final FigureBook book;

    public ReportsApi(ReportService service, ReportDocuments documents, ReportKinds kinds, FigureBook book) {
        this.service = service;
        this.documents = documents;
        this.kinds = kinds;
        this.book = book;
    }

    @GetMapping("/api/v1/report-kinds")
    @Operation(summary = "Report kinds in the rule data (period rule, due rules, sections, figures, legal source)")
    public List<ReportKind> kinds() {
        return kinds.all();
    }

    @PostMapping("/api/v1/reports")
    @Operation(
            summary = "Open a report for an organisation, kind (QUARTERLY_STATUS, ANNUAL_LEVEL, IR_NETWORK_MEMBER) "
                    + "and period (\"2026-Q4\", \"2026\", \"2026-H1\"), compiled from live data",
            description =
                    FIGURES
                            + " A returned report's period opens the next version; any other existing version is a 422 naming period.")
    public ResponseEntity<ReportJson> create(@RequestBody CreateRequest request) {
        PeriodicReport r = service.create(request.organizationId(), request.kind(), request.period());
        return ResponseEntity.created(URI.create("/api/v1/reports/" + r.id()))
                .body(json(service.view(r.id()), service.allowed(r)));
    }

    @GetMapping("/api/v1/reports/{id}")
    @Operation(
            summary = "A report with its figures (frozen once submitted, live before), its children's rows "
                    + "(state SUBMITTED/ACCEPTED frozen; LATE, IN_PROGRESS, RETURNED, NOT_STARTED live, \"chưa nộp\"), "
                    + "history, versions, and the sign-off steps the caller may take now (actions)",
            description = FIGURES)
    public ReportJson get(@PathVariable long id) {
        ReportService.ReportView v = service.view(id);
        return json(v, service.allowed(v.report()));
    }

    @GetMapping("/api/v1/organizations/{id}/reports")
    @Operation(
            summary = "Reports of an organisation, every version (404 for an organisation the caller does not reach)")
    public List<PeriodicReport> ofOrganization(@PathVariable long id) {
        return service.ofReachableOrganization(id);
    }

    @PostMapping("/api/v1/reports/{id}/actions/{action}")
    @Operation(
            summary = "Take a sign-off step: CHECK (security officer), SIGN (leader: documentNumber, documentDate, "
                    + "optional signerName and signedFileBase64), SUBMIT (freezes the snapshot), ACCEPT or RETURN (comment "
                    + "required; by the parent organisation), REVISE (a returned report becomes a new draft version)",
            description =
                    "Who takes each step (ADR 0066): CHECK a security officer of the reporting organisation itself"
                            + " or of its designated security unit (not a leader, not a body above); SIGN a leader of the"
                            + " organisation itself, not the person who checked; SUBMIT the organisation's leader or security"
                            + " officers; ACCEPT and RETURN a leader or security officer of the parent organisation itself;"
                            + " REVISE whoever may open the organisation's report. The report's \"actions\" list the steps the"
                            + " caller may take now. 403 when the caller's role does not allow the step; 422 naming the field"
                            + " otherwise")
    public ResponseEntity<ReportJson> act(
            @PathVariable long id, @PathVariable String action, @RequestBody(required = false) ActionBody body) {
        ActionBody b = body == null ? new ActionBody(null, null, null, null, null, null, null) : body;
        ReportAction a;
        try {
            a = ReportAction.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldProblemException("action", "reports.error.action");
        }
        PeriodicReport r = service.act(
                id,
                a,
                new ReportService.StepInput(
                        b.comment(),
                        new ReportService.SignRequest(
                                b.documentNumber(),
                                b.documentDate(),
                                b.signerName(),
                                b.signedFileName(),
                                b.signedFileType(),
                                // only the signature carries a file; other steps ignore the field, as before
                                a == ReportAction.SIGN ? decode(b.signedFileBase64()) : null)));
        return ResponseEntity.ok(json(service.view(r.id()), service.allowed(r)));
    }

    @GetMapping("/api/v1/reports/{id}/figures/{figure}/rows")
    @Operation(summary = "Drill-down: the rows behind a figure for one organisation's own data (default: the report's)")
    public List<FigureRow> rows(
            @PathVariable long id, @PathVariable String figure, @RequestParam(required = false) Long organizationId) {
        ReportService.ReportView v = service.view(id);
        long org = organizationId == null ? v.report().organizationId() : organizationId;
        if (org != v.report().organizationId()
                && v.compilation().children().stream().noneMatch(c -> c.organizationId() == org)) {
            throw new FieldProblemException("organizationId", "reports.error.organization");
        }
        return book.rows(
                figure,
                org,
                new FigurePeriod(v.report().periodFrom(), v.report().periodTo()),
                200);
    }

    @GetMapping("/api/v1/reports/{id}.docx")
    @Operation(summary = "The report as DOCX (administrative layout of Nghị định 30/2020/NĐ-CP, Times New Roman)")
    public ResponseEntity<byte[]> docx(@PathVariable long id) {
        ReportService.ReportView v = service.view(id);
        return Downloads.attachment(
                documents.docx(v),
                name(v, "docx"),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }

    @GetMapping("/api/v1/reports/{id}.xlsx")
    @Operation(
            summary = "The report's annexes as XLSX: one sheet per figure table, the children's roll-up and, for "
                    + "the annual report, the Mẫu 08 per-system table")
    public ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        ReportService.ReportView v = service.view(id);
        return Downloads.attachment(
                documents.xlsx(v),
                name(v, "xlsx"),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/api/v1/reports/{id}.pdf")
    @Operation(summary = "The report as PDF (same content as the DOCX, embedded DejaVu Serif font)")
    public ResponseEntity<byte[]> pdf(@PathVariable long id) {
        ReportService.ReportView v = service.view(id);
        return Downloads.attachment(documents.pdf(v), name(v, "pdf"), MediaType.APPLICATION_PDF);
    }

    @GetMapping("/api/v1/reports/{id}/signed-file")
    @Operation(summary = "The signed file uploaded with the SIGN step")
    public ResponseEntity<byte[]> signedFile(@PathVariable long id) {
        ReportRepository.SignedFile f = service.signedFile(id);
        return Downloads.attachment(
                f.content(), f.name(), f.type() == null ? null : MediaType.parseMediaType(f.type()));
    }

    private String name(ReportService.ReportView v, String ext) {
        return documents.fileName(v, ext);
    }

    private static byte[] decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        // the API names the field it was sent in; the page's field is signedFile
        if (base64.length() / 4 * 3 > ReportService.MAX_SIGNED_FILE_BYTES + 3) {
            throw new FieldProblemException(
                    "signedFileBase64",
                    "reports.error.fileTooLarge",
                    ReportService.MAX_SIGNED_FILE_BYTES / (1024 * 1024));
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new FieldProblemException("signedFileBase64", "reports.error.file");
        }
    }

    static ReportJson json(ReportService.ReportView v, List<ReportAction> actions) {
        PeriodicReport r = v.report();
        List<Map<String, Object>> versions = v.versions().stream()
                .map(x -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", x.id());
                    m.put("version", x.version());
                    m.put("status", x.status().name());
                    return m;
                })
                .toList();
        return new ReportJson(
                r.id(),
                r.organizationId(),
                r.organizationName(),
                r.kind(),
                v.kind().titleVi(),
                v.kind().legalSource(),
                r.period(),
                r.periodFrom(),
                r.periodTo(),
                r.version(),
                r.status().name(),
                r.dueOn(),
                v.late(),
                v.compilation().frozen(),
                r.documentNumber(),
                r.documentDate(),
                r.signerName(),
                r.signedFileName() != null,
                r.returnComment(),
                v.compilation().totals(),
                v.compilation().own(),
                v.compilation().children(),
                v.history(),
                versions,
                v.compilation().units(),
                v.kind().sections().stream()
                        .filter(s -> v.compilation().notRecordedIn(s))
                        .map(ReportKind.Section::key)
                        .toList(),
                v.compilation().gaps(),
                actions.stream().map(ReportAction::name).toList());
    }
}
