package vn.khien.compliance.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.compliance.assessment.AssessmentKind;
import vn.khien.compliance.assessment.AssessmentOutcome;
import vn.khien.compliance.assessment.AssessmentRequest;
import vn.khien.compliance.assessment.AssessmentScope;
import vn.khien.compliance.assessment.AssessmentService;
import vn.khien.compliance.assessment.AssessorKind;
import vn.khien.compliance.catalogue.RequirementStatus;
import vn.khien.compliance.catalogue.admin.CatalogueAdmin;
import vn.khien.compliance.catalogue.admin.StoredCatalogue;
import vn.khien.compliance.evidence.EvidenceRequest;
import vn.khien.compliance.evidence.EvidenceService;
import vn.khien.compliance.evidence.EvidenceWithdrawals;
import vn.khien.compliance.evidence.WithdrawalRequest;
import vn.khien.compliance.plan.PlanItemUpdate;
import vn.khien.compliance.plan.PlanService;
import vn.khien.compliance.plan.RegulationRequest;
import vn.khien.compliance.risks.RiskRating;
import vn.khien.compliance.risks.RiskRequest;
import vn.khien.compliance.risks.RiskService;
import vn.khien.compliance.tasks.GapTasksRequest;
import vn.khien.compliance.tasks.TaskChanges;
import vn.khien.compliance.tasks.TaskRequest;
import vn.khien.compliance.tasks.TaskStatus;
import vn.khien.compliance.tasks.TaskUpdate;
import vn.khien.platform.FieldProblemException;

/** The compliance pages: subtree overview with chart, a system's plan, and the catalogue administration. */
@Controller
@RequestMapping("/compliance")
class CompliancePages {

    private final EvidenceService evidence;
    private final PlanService plans;
    private final PlanViews views;
    private final ComplianceService compliance;
    private final AssessmentService assessments;
    private final CatalogueAdmin catalogues;
    private final RiskService risks;
    private final EvidenceWithdrawals withdrawals;
    private final TaskChanges taskChanges;
    private final MessageSource messages;

    public CompliancePages(
            EvidenceService evidence,
            PlanService plans,
            PlanViews views,
            ComplianceService compliance,
            AssessmentService assessments,
            CatalogueAdmin catalogues,
            RiskService risks,
            EvidenceWithdrawals withdrawals,
            TaskChanges taskChanges,
            MessageSource messages) {
        this.evidence = evidence;
        this.risks = risks;
        this.withdrawals = withdrawals;
        this.taskChanges = taskChanges;
        this.messages = messages;
        this.plans = plans;
        this.views = views;
        this.compliance = compliance;
        this.assessments = assessments;
        this.catalogues = catalogues;
    }

    @GetMapping
    String overview(@RequestParam(required = false) @Nullable Long organizationId, Model model) {
        List<Map<String, Object>> roots = compliance.rootsOfCaller();
        model.addAttribute("organizations", compliance.visibleOrganizations());
        @Nullable
        Long orgId = organizationId != null
                ? organizationId
                : roots.isEmpty()
                        ? null
                        : ((Number) Objects.requireNonNull(roots.get(0).get("id"), "id")).longValue();
        if (orgId != null) {
            SubtreeSummary summary = compliance.forSubtree(orgId);
            model.addAttribute("summary", summary);
            model.addAttribute(
                    "groupLabels",
                    String.join(
                            "|",
                            summary.byGroup().keySet().stream()
                                    .map(g -> messages.getMessage(
                                            "compliance.group." + g.name(),
                                            null,
                                            g.name(),
                                            LocaleContextHolder.getLocale()))
                                    .toList()));
            model.addAttribute(
                    "levelLabels",
                    String.join(
                            "|",
                            summary.byLevel().keySet().stream()
                                    .map(l -> messages.getMessage(
                                            "compliance.levelN",
                                            new Object[] {l},
                                            String.valueOf(l),
                                            LocaleContextHolder.getLocale()))
                                    .toList()));
            model.addAttribute(
                    "levelValues",
                    String.join(
                            ",",
                            summary.byLevel().values().stream()
                                    .map(t -> String.valueOf(t.percent()))
                                    .toList()));
            model.addAttribute(
                    "groupValues",
                    summary.byGroup().values().stream()
                            .map(t -> String.valueOf(t.percent()))
                            .reduce((a, b) -> a + "," + b)
                            .orElse(""));
        }
        return "compliance/overview";
    }

    @GetMapping("/systems/{id}")
    String plan(@PathVariable long id, Model model) {
        return planPage(id, model, null, null);
    }

    @GetMapping("/systems/{id}/roadmap")
    String roadmap(@PathVariable long id, Model model) {
        PlanView view = views.view(id);
        model.addAttribute("plan", view);
        model.addAttribute("roadmap", Roadmap.of(view));
        return "compliance/roadmap";
    }

    @PostMapping("/systems/{id}/items/{requirementId}")
    String updateItem(
            @PathVariable long id,
            @PathVariable String requirementId,
            @ModelAttribute PlanItemUpdate update,
            Model model) {
        // What was typed comes back in the open form, each message next to its field (issue 9).
        Map<String, Object> typed = new HashMap<>();
        typed.put(
                "status", update.getStatus() == null ? null : update.getStatus().name());
        typed.put("howMet", update.getHowMet());
        typed.put("owner", update.getOwner());
        typed.put("targetDate", update.getTargetDate());
        typed.put("justification", update.getJustification());
        typed.put("deployedProducts", update.getDeployedProducts());
        return onPlan(id, model, requirementId, "typedItem", typed, () -> {
            plans.updateItem(id, requirementId, update);
            return "#req-" + requirementId;
        });
    }

    @PostMapping("/systems/{id}/items/{requirementId}/evidence")
    String addEvidence(
            @PathVariable long id,
            @PathVariable String requirementId,
            @RequestParam String title,
            @RequestParam(required = false) @Nullable String url,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate validUntil,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model) {
        Map<String, Object> typed = new HashMap<>();
        typed.put("title", title);
        typed.put("url", url);
        typed.put("validUntil", validUntil);
        return onPlan(id, model, requirementId, "typedEvidence", typed, () -> {
            MultipartFile upload = file != null && !file.isEmpty() ? file : null;
            evidence.addEvidence(
                    id,
                    requirementId,
                    new EvidenceRequest(
                            title,
                            url,
                            validUntil,
                            upload == null ? null : upload.getOriginalFilename(),
                            upload == null ? null : upload.getContentType(),
                            upload == null ? null : upload.getBytes()));
            return "#req-" + requirementId;
        });
    }

    @PostMapping("/systems/{id}/regulation")
    String regulation(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String decisionNumber,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
            @RequestParam(required = false) @Nullable String issuedBy,
            Model model) {
        return onPlan(
                id,
                model,
                "",
                () -> plans.saveRegulation(id, new RegulationRequest(title, decisionNumber, issuedOn, issuedBy)));
    }

    @PostMapping("/systems/{id}/tasks")
    String addTask(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String requirementId,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            Model model) {
        return onPlan(
                id,
                model,
                "#roadmap",
                () -> taskChanges.addTask(id, new TaskRequest(requirementId, title, owner, dueOn)));
    }

    @PostMapping("/systems/{id}/tasks/from-gaps")
    String tasksForGaps(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            Model model) {
        return onPlan(id, model, "#roadmap", () -> taskChanges.tasksForGaps(id, new GapTasksRequest(owner, dueOn)));
    }

    @PostMapping("/systems/{id}/evidence/{evidenceId}/supersede")
    String supersedeEvidence(
            @PathVariable long id,
            @PathVariable long evidenceId,
            @RequestParam(required = false) @Nullable String reason,
            Model model) {
        return onPlan(
                id,
                model,
                () -> "#req-"
                        + withdrawals
                                .supersede(id, evidenceId, new WithdrawalRequest(reason))
                                .requirementId());
    }

    @PostMapping("/systems/{id}/evidence/{evidenceId}/delete")
    String deleteEvidence(
            @PathVariable long id,
            @PathVariable long evidenceId,
            @RequestParam(required = false) @Nullable String reason,
            Model model) {
        return onPlan(
                id,
                model,
                () -> "#req-"
                        + withdrawals
                                .delete(id, evidenceId, new WithdrawalRequest(reason))
                                .requirementId());
    }

    @PostMapping("/systems/{id}/tasks/{taskId}")
    String updateTask(
            @PathVariable long id,
            @PathVariable long taskId,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            @RequestParam(required = false) @Nullable TaskStatus status,
            Model model) {
        return onPlan(
                id,
                model,
                "#roadmap",
                () -> taskChanges.update(id, taskId, new TaskUpdate(title, owner, dueOn, status)));
    }

    @PostMapping("/systems/{id}/tasks/{taskId}/delete")
    String deleteTask(@PathVariable long id, @PathVariable long taskId) {
        taskChanges.delete(id, taskId);
        return "redirect:/compliance/systems/" + id + "#roadmap";
    }

    @PostMapping("/systems/{id}/tasks/{taskId}/done")
    String completeTask(@PathVariable long id, @PathVariable long taskId) {
        taskChanges.completeTask(id, taskId);
        return "redirect:/compliance/systems/" + id + "#roadmap";
    }

    /**
     * An assessment from the page: one row per requirement of the plan with its result (passed, failed, not assessed)
     * and a note, sent as {@code outcome.<id>} and {@code note.<id>}. Failed rows become remediation tasks with the
     * given owner and due date; the note says what failed, so it becomes the task's title.
     */
    @PostMapping("/systems/{id}/assessments")
    String recordAssessment(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable AssessmentKind kind,
            @RequestParam(required = false) @Nullable AssessorKind assessorKind,
            @RequestParam(required = false) @Nullable String assessorName,
            @RequestParam(required = false) @Nullable List<AssessmentScope> scopes,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate startedOn,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate completedOn,
            @RequestParam(required = false) @Nullable String remediationOwner,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate remediationDue,
            @RequestParam MultiValueMap<String, String> form,
            @RequestParam(required = false) @Nullable MultipartFile report,
            Model model) {
        return onPlan(id, model, () -> {
            List<AssessmentRequest.ResultRequest> results =
                    AssessmentForm.results(form, remediationOwner, remediationDue);
            MultipartFile uploaded = report != null && !report.isEmpty() ? report : null;
            assessments.record(
                    id,
                    new AssessmentRequest(
                            kind,
                            assessorKind,
                            assessorName,
                            scopes == null ? List.of() : scopes,
                            startedOn,
                            completedOn,
                            Set.of(),
                            results,
                            uploaded == null ? null : uploaded.getOriginalFilename(),
                            uploaded == null ? null : uploaded.getBytes()));
            return "#assessments";
        });
    }

    @PostMapping("/systems/{id}/risk")
    String saveRisk(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable RiskRating rating,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate assessedOn,
            @RequestParam(required = false) @Nullable String note,
            Model model) {
        return onPlan(
                id, model, "#assessments-heading", () -> risks.save(id, new RiskRequest(rating, assessedOn, note)));
    }

    @GetMapping("/systems/{id}/assessments/{assessmentId}/report")
    ResponseEntity<byte[]> report(@PathVariable long id, @PathVariable long assessmentId) {
        return ComplianceApi.download(assessments.report(id, assessmentId));
    }

    @GetMapping("/systems/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
        return ComplianceApi.download(evidence.evidenceFile(id, evidenceId));
    }

    @GetMapping("/systems/{id}/plan.docx")
    ResponseEntity<byte[]> planDocx(@PathVariable long id) {
        return ComplianceApi.file(PlanDocument.write(views.plan(id)), ComplianceApi.DOCX, "phuong-an-" + id + ".docx");
    }

    @GetMapping("/organizations/{id}/compliance.xlsx")
    ResponseEntity<byte[]> complianceXlsx(@PathVariable long id) {
        return ComplianceApi.file(
                ComplianceWorkbook.write(compliance.forSubtree(id)), ComplianceApi.XLSX, "tuan-thu-" + id + ".xlsx");
    }

    @GetMapping("/catalogues")
    String catalogues(Model model) {
        model.addAttribute("catalogues", catalogues.visible());
        return "compliance/catalogues";
    }

    @PostMapping("/catalogues")
    String importCatalogue(@RequestParam(required = false) @Nullable MultipartFile file, Model model)
            throws IOException {
        try {
            catalogues.importYaml(file == null ? null : new String(file.getBytes(), StandardCharsets.UTF_8));
            return "redirect:/compliance/catalogues";
        } catch (FieldProblemException e) {
            model.addAttribute("problems", texts(e));
            return catalogues(model);
        }
    }

    @GetMapping("/catalogues/{id}/yaml")
    ResponseEntity<byte[]> exportCatalogue(@PathVariable long id) {
        StoredCatalogue c = catalogues.get(id);
        return ComplianceApi.file(
                catalogues.export(id).getBytes(StandardCharsets.UTF_8),
                MediaType.parseMediaType("application/yaml;charset=UTF-8"),
                c.key() + "-" + c.version() + ".yaml");
    }

    /** Problems as sentences in the reader's language (the fields are named by the form they sit next to). */
    private List<String> texts(FieldProblemException e) {
        return e.problems().stream()
                .map(p ->
                        messages.getMessage(p.messageKey(), p.args(), p.messageKey(), LocaleContextHolder.getLocale()))
                .toList();
    }

    /** A change made from a system's plan page; returns the anchor of the plan to go back to. */
    @FunctionalInterface
    private interface PlanChange {
        String anchor() throws IOException;
    }

    /** Makes the change, then back to the plan at its anchor; a refused change shows the plan again with why. */
    private String onPlan(long id, Model model, PlanChange change) {
        return onPlan(id, model, null, null, Map.of(), change);
    }

    /** A change made from a system's plan page that always goes back to the same anchor of the plan. */
    @FunctionalInterface
    private interface PlanStep {
        void run() throws IOException;
    }

    /** As {@link #onPlan(long, Model, PlanChange)} for a change whose way back is the fixed {@code anchor}. */
    private String onPlan(long id, Model model, String anchor, PlanStep step) {
        return onPlan(id, model, () -> {
            step.run();
            return anchor;
        });
    }

    /**
     * As {@link #onPlan(long, Model, PlanChange)} for a form of one requirement: a refused change shows its problems
     * next to that requirement's fields, with what was typed kept as the model attribute {@code typedAttribute}.
     */
    private String onPlan(
            long id,
            Model model,
            @Nullable String requirementId,
            @Nullable String typedAttribute,
            Map<String, Object> typed,
            PlanChange change) {
        try {
            return "redirect:/compliance/systems/" + id + change.anchor();
        } catch (FieldProblemException problem) {
            if (typedAttribute != null) {
                model.addAttribute(typedAttribute, typed);
            }
            return planPage(id, model, problem, requirementId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String planPage(
            long id, Model model, @Nullable FieldProblemException problem, @Nullable String requirementId) {
        PlanView view = views.plan(id);
        model.addAttribute("plan", view);
        // A body appraising a dossier of the system reads the plan only, not its assessments or risk (ADR 0012).
        model.addAttribute("summary", view.full() ? compliance.forSystem(id) : null);
        model.addAttribute("assessments", view.full() ? assessments.list(id) : List.of());
        model.addAttribute("statuses", RequirementStatus.values());
        model.addAttribute("assessmentKinds", AssessmentKind.values());
        model.addAttribute("assessorKinds", AssessorKind.values());
        model.addAttribute("assessmentScopes", AssessmentScope.values());
        model.addAttribute("outcomes", AssessmentOutcome.values());
        model.addAttribute("taskStatuses", TaskStatus.values());
        model.addAttribute("risk", view.full() ? risks.get(id).orElse(null) : null);
        model.addAttribute("riskRatings", RiskRating.values());
        model.addAttribute("problems", problem == null ? List.of() : texts(problem));
        model.addAttribute("problemRequirement", requirementId);
        // Problems of one requirement's forms go next to their fields, not only at the top.
        Map<String, String> fields = new LinkedHashMap<>();
        if (problem != null && requirementId != null) {
            problem.problems()
                    .forEach(p -> fields.merge(
                            p.field(),
                            messages.getMessage(
                                    p.messageKey(), p.args(), p.messageKey(), LocaleContextHolder.getLocale()),
                            (a, b) -> a + " " + b));
        }
        model.addAttribute("problemFields", fields);
        if (!model.containsAttribute("typedItem")) {
            model.addAttribute("typedItem", null);
        }
        if (!model.containsAttribute("typedEvidence")) {
            model.addAttribute("typedEvidence", null);
        }
        return "compliance/plan";
    }
}
