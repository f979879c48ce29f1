package vn.khien.reports.periodic;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.platform.Downloads;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.figures.FigurePeriod;
import vn.khien.reports.figures.DrillLine;
import vn.khien.reports.figures.FigureBook;
import vn.khien.reports.kinds.PeriodWords;
import vn.khien.reports.kinds.ReportKinds;
import vn.khien.reports.kinds.ReportPeriod;

/** Periodic report pages: list and open, the report with its children (frozen or live), sign-off and documents. */
@Controller
class ReportPages {
    private final ReportService service;
    private final ReportDocuments documents;
    private final ReportKinds kinds;
    private final MessageSource messages;
    private final FigureBook book;
    private final PeriodWords periodWords;

    public ReportPages(
            ReportService service,
            ReportDocuments documents,
            ReportKinds kinds,
            MessageSource messages,
            FigureBook book,
            PeriodWords periodWords) {
        this.book = book;
        this.periodWords = periodWords;
        this.service = service;
        this.documents = documents;
        this.kinds = kinds;
        this.messages = messages;
    }

    @GetMapping("/reports")
    String list(
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) String view,
            Model model) {
        // The "waiting for me" tab: the reports on which the person has a step to take, with its count on the tab.
        List<ReportRepository.Awaiting> waiting = service.waitingForMe();
        boolean waitingView = "waiting".equals(view);
        model.addAttribute("waiting", waiting);
        model.addAttribute("waitingView", waitingView);
        model.addAttribute(
                "waitingCounts",
                waiting.stream()
                        .collect(Collectors.groupingBy(
                                a -> a.action().name(), LinkedHashMap::new, Collectors.counting())));
        model.addAttribute("today", service.today());
        List<ReportRepository.OrgChoice> orgs = service.organizations();
        Long org = organizationId != null
                ? organizationId
                : orgs.isEmpty() ? null : orgs.get(0).id();
        model.addAttribute("organizations", orgs);
        model.addAttribute("organizationId", org);
        // Only the kinds the person may open for the organisation are offered (a designated responder: the member
        // report only; a reader: none, and no form).
        model.addAttribute(
                "kinds",
                org == null
                        ? List.of()
                        : kinds.all().stream()
                                .filter(k -> service.mayDraft(org, k))
                                .toList());
        // Reports are listed by their kind's title in the reader's language, never by the kind's code.
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute(
                "kindTitles",
                kinds.all().stream().collect(Collectors.toMap(k -> k.id(), k -> k.title(english), (a, b) -> a)));
        List<PeriodicReport> list = org == null ? List.of() : service.ofOrganization(org);
        model.addAttribute("reports", list);
        // A report whose totals lack some units' data is not shown as complete.
        model.addAttribute("incomplete", service.incomplete(list));
        LocalDate today = service.today();
        // The current period of each kind, filled in when the kind is chosen (the first kind's shown first).
        Map<String, String> periods = new LinkedHashMap<>();
        kinds.all()
                .forEach(k -> periods.put(
                        k.id(), ReportPeriod.containing(today, k.period()).code()));
        model.addAttribute("periods", periods);
        model.addAttribute("suggestedPeriod", today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1));
        return "reports/list";
    }

    @PostMapping("/reports")
    String create(
            @RequestParam Long organizationId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String period,
            RedirectAttributes redirect) {
        try {
            return "redirect:/reports/"
                    + service.create(organizationId, kind, period).id();
        } catch (FieldProblemException e) {
            // Refused: the form comes back with what was typed and each problem under its field (issue 9).
            Map<String, String> typed = new HashMap<>();
            putIfPresent(typed, "kind", kind);
            putIfPresent(typed, "period", period);
            redirect.addFlashAttribute("typed", typed);
            fieldErrors(e, NEW_REPORT_FIELDS, redirect);
            return "redirect:/reports?organizationId=" + organizationId;
        }
    }

    private static final Set<String> NEW_REPORT_FIELDS = Set.of("kind", "period");

    @GetMapping("/reports/{id}")
    String show(@PathVariable long id, Model model) {
        ReportService.ReportView v = service.view(id);
        model.addAttribute("v", v);
        model.addAttribute("r", v.report());
        model.addAttribute("labels", documents.labels(v.kind().figures()));
        // Whose data the totals lack (frozen reports submitted before some sections existed): per figure, and per
        // organisation with the sections it lacks, in the reader's language.
        Locale locale = LocaleContextHolder.getLocale();
        boolean english = "en".equals(locale.getLanguage());
        model.addAttribute("gapNotes", documents.gapNotes(v, locale));
        Map<Long, String> gapSections = new LinkedHashMap<>();
        for (Compilation.Gap g : v.compilation().gaps()) {
            gapSections.merge(
                    g.organizationId(),
                    String.join(
                            "; ",
                            Compilation.sectionsOf(g, v.kind()).stream()
                                    .map(s -> english && s.titleEn() != null ? s.titleEn() : s.titleVi())
                                    .toList()),
                    (a, b) -> a + "; " + b);
        }
        model.addAttribute("gapSections", gapSections);
        model.addAttribute("allowed", service.allowed(v.report()));
        model.addAttribute(
                "periodLabel",
                periodWords.label(ReportPeriod.recorded(
                        v.report().period(),
                        v.report().periodFrom(),
                        v.report().periodTo(),
                        v.kind().period())));
        return "reports/show";
    }

    /**
     * Drill-down of a report's figure: each child's value (frozen or live, as in the report) leading to the child's
     * report, and the rows of the organisation's own data behind the figure, within the viewer's subtree.
     */
    @GetMapping("/reports/{id}/figures/{figure}")
    String drill(@PathVariable long id, @PathVariable String figure, Model model) {
        ReportService.ReportView v = service.view(id);
        if (!v.kind().figures().contains(figure)) {
            throw new NotFoundException("figure");
        }
        model.addAttribute("heading", v.report().organizationName());
        model.addAttribute("period", v.report().period());
        model.addAttribute("asOf", null);
        model.addAttribute("total", v.compilation().totals().get(figure));
        model.addAttribute("own", v.compilation().own().get(figure));
        model.addAttribute("back", "/reports/" + id);
        model.addAttribute(
                "lines",
                v.compilation().children().stream()
                        .map(c -> new DrillLine(
                                c.name(),
                                c.figures().get(figure),
                                c.reportId() == null ? null : "/reports/" + c.reportId() + "/figures/" + figure,
                                "reports.child." + c.state()))
                        .toList());
        model.addAttribute(
                "rows",
                book.rows(
                        figure,
                        v.report().organizationId(),
                        new FigurePeriod(v.report().periodFrom(), v.report().periodTo()),
                        200));
        model.addAttribute(
                "figureLabel", messages.getMessage("figure." + figure, null, figure, LocaleContextHolder.getLocale()));
        return "reports/drill";
    }

    @PostMapping("/reports/{id}/actions/{action}")
    String act(
            @PathVariable long id,
            @PathVariable ReportAction action,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String documentNumber,
            @RequestParam(required = false) LocalDate documentDate,
            @RequestParam(required = false) String signerName,
            @RequestParam(required = false) MultipartFile signedFile,
            RedirectAttributes redirect)
            throws IOException {
        try {
            boolean file = signedFile != null && !signedFile.isEmpty();
            // measured before it is read: the page's upload limit is the scans' (gigabytes), not a signed file's
            if (file && signedFile.getSize() > ReportService.MAX_SIGNED_FILE_BYTES) {
                throw new FieldProblemException(
                        "signedFile",
                        "reports.error.fileTooLarge",
                        ReportService.MAX_SIGNED_FILE_BYTES / (1024 * 1024));
            }
            PeriodicReport r = service.act(
                    id,
                    action,
                    new ReportService.StepInput(
                            comment,
                            new ReportService.SignRequest(
                                    documentNumber,
                                    documentDate,
                                    signerName,
                                    file ? signedFile.getOriginalFilename() : null,
                                    file ? signedFile.getContentType() : null,
                                    file ? signedFile.getBytes() : null)));
            return "redirect:/reports/" + r.id();
        } catch (FieldProblemException e) {
            keepTyped(e, comment, documentNumber, documentDate, signerName, signedFile, redirect);
            return "redirect:/reports/" + id;
        }
    }

    /**
     * A refused step comes back with what was typed and each problem next to its field (issue 9: no form loses
     * input); a browser cannot keep a chosen file, so the page names it and asks for it again.
     */
    private void keepTyped(
            FieldProblemException e,
            @Nullable String comment,
            @Nullable String documentNumber,
            @Nullable LocalDate documentDate,
            @Nullable String signerName,
            @Nullable MultipartFile signedFile,
            RedirectAttributes redirect) {
        Map<String, String> typed = new HashMap<>();
        putIfPresent(typed, "comment", comment);
        putIfPresent(typed, "documentNumber", documentNumber);
        putIfPresent(typed, "documentDate", documentDate == null ? null : documentDate.toString());
        putIfPresent(typed, "signerName", signerName);
        Map<String, String> fieldErrors = fieldErrors(e, FORM_FIELDS, redirect);
        if (signedFile != null && !signedFile.isEmpty()) {
            fieldErrors.putIfAbsent(
                    "signedFile",
                    messages.getMessage(
                            "reports.signedFileAgain",
                            new Object[] {signedFile.getOriginalFilename()},
                            LocaleContextHolder.getLocale()));
        }
        redirect.addFlashAttribute("typed", typed);
    }

    /**
     * Each problem of a refused form in the reader's language: under its field when the form has it ({@code fields}),
     * above the form otherwise. Returns the per-field texts (flashed as {@code fieldErrors}).
     */
    private Map<String, String> fieldErrors(FieldProblemException e, Set<String> fields, RedirectAttributes redirect) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        Locale locale = LocaleContextHolder.getLocale();
        for (FieldProblemException.FieldProblem p : e.problems()) {
            String text = messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale);
            if (fields.contains(p.field())) {
                fieldErrors.merge(p.field(), text, (a, b) -> a + " " + b);
            } else {
                others.add(text);
            }
        }
        redirect.addFlashAttribute("fieldErrors", fieldErrors);
        if (!others.isEmpty()) {
            redirect.addFlashAttribute("errors", others);
        }
        return fieldErrors;
    }

    private static final Set<String> FORM_FIELDS =
            Set.of("comment", "documentNumber", "documentDate", "signerName", "signedFile");

    private static void putIfPresent(Map<String, String> typed, String field, @Nullable String value) {
        if (value != null) {
            typed.put(field, value);
        }
    }

    @GetMapping("/reports/{id}/document.{ext}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable String ext) {
        ReportService.ReportView v = service.view(id);
        String name = documents.fileName(v, ext);
        return switch (ext) {
            case "docx" ->
                Downloads.attachment(
                        documents.docx(v),
                        name,
                        MediaType.parseMediaType(
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
            case "xlsx" ->
                Downloads.attachment(
                        documents.xlsx(v),
                        name,
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
            case "pdf" -> Downloads.attachment(documents.pdf(v), name, MediaType.APPLICATION_PDF);
            default -> throw new NotFoundException("document");
        };
    }

    @GetMapping("/reports/{id}/signed-file")
    ResponseEntity<byte[]> signedFile(@PathVariable long id) {
        ReportRepository.SignedFile f = service.signedFile(id);
        return Downloads.attachment(
                f.content(), f.name(), f.type() == null ? null : MediaType.parseMediaType(f.type()));
    }
}
