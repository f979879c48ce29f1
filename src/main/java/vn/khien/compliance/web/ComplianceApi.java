package vn.khien.compliance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khien.compliance.assessment.Assessment;
import vn.khien.compliance.assessment.AssessmentRequest;
import vn.khien.compliance.assessment.AssessmentService;
import vn.khien.compliance.catalogue.DesignProduct;
import vn.khien.compliance.catalogue.RequirementGroup;
import vn.khien.compliance.catalogue.RequirementKind;
import vn.khien.compliance.evidence.Evidence;
import vn.khien.compliance.evidence.EvidenceFile;
import vn.khien.compliance.evidence.EvidenceRequest;
import vn.khien.compliance.evidence.EvidenceService;
import vn.khien.compliance.evidence.EvidenceWithdrawals;
import vn.khien.compliance.evidence.WithdrawalRequest;
import vn.khien.compliance.plan.PlanItem;
import vn.khien.compliance.plan.PlanItemUpdate;
import vn.khien.compliance.plan.PlanRevision;
import vn.khien.compliance.plan.PlanService;
import vn.khien.compliance.plan.RegulationRequest;
import vn.khien.compliance.plan.SecurityRegulation;
import vn.khien.compliance.risks.RiskRequest;
import vn.khien.compliance.risks.RiskService;
import vn.khien.compliance.risks.SystemRisk;
import vn.khien.compliance.tasks.GapTasksRequest;
import vn.khien.compliance.tasks.RemediationTask;
import vn.khien.compliance.tasks.TaskChanges;
import vn.khien.compliance.tasks.TaskRequest;
import vn.khien.compliance.tasks.TaskUpdate;
import vn.khien.platform.Downloads;

@RestController
@RequestMapping("/api/v1/compliance")
@Tag(name = "Compliance", description = "Security plans, evidence, remediation, assessments and compliance shares")
class ComplianceApi {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** One plan line as the API shows it. */
    public record PlanLineView(
            String requirementId,
            RequirementKind kind,
            RequirementGroup group,
            String titleVi,
            String titleEn,
            boolean internalPolicy,
            String status,
            @Nullable String howMet,
            @Nullable String owner,
            @Nullable LocalDate targetDate,
            @Nullable String justification,
            @Nullable String deployedProducts,
            List<DesignProduct> requiredProducts,
            List<Evidence> evidence,
            List<Evidence> withdrawnEvidence) {
        static PlanLineView of(PlanLine l) {
            return new PlanLineView(
                    l.requirement().id(),
                    l.requirement().kind(),
                    l.requirement().group(),
                    l.requirement().titleVi(),
                    l.requirement().titleEn(),
                    l.requirement().planSection() == null,
                    l.item().status().name(),
                    l.item().howMet(),
                    l.item().owner(),
                    l.item().targetDate(),
                    l.item().justification(),
                    l.item().deployedProducts(),
                    l.products(),
                    l.evidence(),
                    l.withdrawnEvidence());
        }
    }

    public record PlanResponse(
            long systemId,
            @Nullable Integer level,
            @Nullable String regime,
            @Nullable String catalogueVersions,
            boolean regulationMissing,
            @Nullable SecurityRegulation regulation,
            int percent,
            boolean fullyDeployed,
            List<PlanLineView> items,
            List<String> noLongerRequired,
            List<RemediationTask> tasks,
            List<PlanView.RoadmapEntry> roadmap) {}

    /** Evidence as JSON: a link, or a file as base64 ({@code content}). */
    public record EvidenceBody(
            @Size(max = 300, message = "{validation.size}") String title,
            @Size(max = 1000, message = "{validation.size}") String url,
            LocalDate validUntil,
            @Size(max = 300, message = "{validation.size}") String fileName,
            @Size(max = 200, message = "{validation.size}") String contentType,
            byte[] content) {}

    private final EvidenceService evidence;
    private final PlanService plans;
    private final PlanViews views;
    private final ComplianceService compliance;
    private final AssessmentService assessments;
    private final RiskService risks;
    private final EvidenceWithdrawals withdrawals;
    private final TaskChanges taskChanges;

    public ComplianceApi(
            EvidenceService evidence,
            PlanService plans,
            PlanViews views,
            ComplianceService compliance,
            AssessmentService assessments,
            RiskService risks,
            EvidenceWithdrawals withdrawals,
            TaskChanges taskChanges) {
        this.evidence = evidence;
        this.risks = risks;
        this.withdrawals = withdrawals;
        this.taskChanges = taskChanges;
        this.plans = plans;
        this.views = views;
        this.compliance = compliance;
        this.assessments = assessments;
    }

    @GetMapping("/systems/{id}/plan")
    @Operation(summary = "The security plan of a system: each required requirement with status, evidence and products")
    public PlanResponse plan(@PathVariable long id) {
        PlanView v = views.plan(id);
        return new PlanResponse(
                id,
                v.system().approvedLevel(),
                v.system().approvedRegime(),
                v.revision() == null ? null : v.revision().catalogueVersions(),
                v.regulationMissing(),
                v.regulation(),
                v.tally().percent(),
                v.tally().fullyDeployed(),
                v.lines().stream().map(PlanLineView::of).toList(),
                v.noLongerRequired().stream().map(l -> l.requirement().id()).toList(),
                v.tasks(),
                v.roadmap());
    }

    @GetMapping("/systems/{id}/roadmap")
    @Operation(summary = "Open tasks and PLANNED requirements by month of their due or target date, overdue counted")
    public Roadmap roadmap(@PathVariable long id) {
        return Roadmap.of(views.view(id));
    }

    @GetMapping("/systems/{id}/plan/history")
    @Operation(summary = "Every derivation of the plan, newest first, with what each made newly required or dropped")
    public List<PlanRevision> history(@PathVariable long id) {
        return views.plan(id).history();
    }

    @PutMapping("/systems/{id}/plan/{requirementId}")
    @Operation(
            summary = "Record how a requirement is met (EDIT_SECURITY_DATA); PLANNED needs targetDate, "
                    + "NOT_APPLICABLE a justification")
    public PlanItem update(
            @PathVariable long id, @PathVariable String requirementId, @Valid @RequestBody PlanItemUpdate update) {
        return plans.updateItem(id, requirementId, update);
    }

    @PostMapping("/systems/{id}/plan/{requirementId}/evidence")
    @Operation(summary = "Attach evidence: a link and/or a base64 file, with the last day it is valid")
    public ResponseEntity<Evidence> addEvidence(
            @PathVariable long id, @PathVariable String requirementId, @RequestBody EvidenceBody body) {
        Evidence e = evidence.addEvidence(
                id,
                requirementId,
                new EvidenceRequest(
                        body.title(),
                        body.url(),
                        body.validUntil(),
                        body.fileName() == null ? "evidence" : body.fileName(),
                        body.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : body.contentType(),
                        body.content()));
        return ResponseEntity.status(HttpStatus.CREATED).body(e);
    }

    @GetMapping("/systems/{id}/evidence/{evidenceId}")
    @Operation(summary = "Download an evidence file")
    public ResponseEntity<byte[]> evidenceFile(@PathVariable long id, @PathVariable long evidenceId) {
        return download(evidence.evidenceFile(id, evidenceId));
    }

    @PostMapping("/systems/{id}/evidence/{evidenceId}/supersede")
    @Operation(summary = "Mark evidence superseded (kept in the history, no longer counted or flagged)")
    public Evidence supersedeEvidence(
            @PathVariable long id,
            @PathVariable long evidenceId,
            @RequestBody(required = false) @Nullable WithdrawalRequest request) {
        return withdrawals.supersede(id, evidenceId, request);
    }

    @DeleteMapping("/systems/{id}/evidence/{evidenceId}")
    @Operation(
            summary = "Delete evidence: the file is erased, title, dates and the required reason stay in the history")
    public Evidence deleteEvidence(
            @PathVariable long id, @PathVariable long evidenceId, @RequestParam(required = false) String reason) {
        return withdrawals.delete(id, evidenceId, new WithdrawalRequest(reason));
    }

    @PutMapping("/systems/{id}/tasks/{taskId}")
    @Operation(summary = "Edit a remediation task: title, owner, due date and status (OPEN, IN_PROGRESS, DONE)")
    public RemediationTask updateTask(
            @PathVariable long id, @PathVariable long taskId, @RequestBody TaskUpdate update) {
        return taskChanges.update(id, taskId, update);
    }

    @DeleteMapping("/systems/{id}/tasks/{taskId}")
    @Operation(summary = "Delete a remediation task (the audit trail keeps it as it was)")
    public ResponseEntity<Void> deleteTask(@PathVariable long id, @PathVariable long taskId) {
        taskChanges.delete(id, taskId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/systems/{id}/tasks")
    @Operation(summary = "Add a remediation task for a gap (owner, due date)")
    public ResponseEntity<RemediationTask> addTask(@PathVariable long id, @RequestBody TaskRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(taskChanges.addTask(id, request));
    }

    @PostMapping("/systems/{id}/tasks/from-gaps")
    @Operation(summary = "Create a remediation task for every requirement not met that has no open task")
    public ResponseEntity<List<RemediationTask>> tasksForGaps(
            @PathVariable long id, @RequestBody GapTasksRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(taskChanges.tasksForGaps(id, request));
    }

    @PostMapping("/systems/{id}/tasks/{taskId}/done")
    @Operation(summary = "Mark a remediation task done")
    public ResponseEntity<Void> completeTask(@PathVariable long id, @PathVariable long taskId) {
        taskChanges.completeTask(id, taskId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/systems/{id}/regulation")
    @Operation(summary = "Record the system's security regulation (quy chế) and its issuing decision")
    public SecurityRegulation regulation(@PathVariable long id, @RequestBody RegulationRequest request) {
        return plans.saveRegulation(id, request);
    }

    @PutMapping("/systems/{id}/risk")
    @Operation(
            summary = "Record the system's risk rating from its latest cyber-risk assessment (EDIT_SECURITY_DATA); "
                    + "new-regime assessment intervals use it")
    public SystemRisk risk(@PathVariable long id, @RequestBody RiskRequest request) {
        return risks.save(id, request);
    }

    @GetMapping("/systems/{id}/assessments")
    @Operation(summary = "Assessments of a system, newest first")
    public List<Assessment> assessments(@PathVariable long id) {
        return assessments.list(id);
    }

    @PostMapping("/systems/{id}/assessments")
    @Operation(
            summary = "Record an assessment; the assessor must be one the regime accepts for the level; "
                    + "failed results become remediation tasks")
    public ResponseEntity<Assessment> recordAssessment(@PathVariable long id, @RequestBody AssessmentRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(assessments.record(id, request));
    }

    @GetMapping("/systems/{id}/assessments/{assessmentId}/report")
    @Operation(summary = "Download an assessment report")
    public ResponseEntity<byte[]> report(@PathVariable long id, @PathVariable long assessmentId) {
        return download(assessments.report(id, assessmentId));
    }

    @GetMapping("/systems/{id}/summary")
    @Operation(summary = "Compliance share of a system, fully-deployed flag, per group, and next assessment due")
    public SystemSummary systemSummary(@PathVariable long id) {
        return compliance.forSystem(id);
    }

    @GetMapping("/organizations/{id}/summary")
    @Operation(summary = "Compliance rolled up over the systems owned in an organisation subtree")
    public SubtreeSummary subtreeSummary(@PathVariable long id) {
        return compliance.forSubtree(id);
    }

    @GetMapping("/systems/{id}/plan.docx")
    @Operation(summary = "The plan as DOCX (Part III of the level dossier)")
    public ResponseEntity<byte[]> planDocx(@PathVariable long id) {
        return file(PlanDocument.write(views.plan(id)), DOCX, "phuong-an-" + id + ".docx");
    }

    @GetMapping("/organizations/{id}/compliance.xlsx")
    @Operation(summary = "The compliance table of a subtree as XLSX")
    public ResponseEntity<byte[]> complianceXlsx(@PathVariable long id) {
        return file(ComplianceWorkbook.write(compliance.forSubtree(id)), XLSX, "tuan-thu-" + id + ".xlsx");
    }

    static ResponseEntity<byte[]> download(EvidenceFile f) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(f.contentType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return file(f.content(), type, f.fileName());
    }

    static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
        return Downloads.attachment(content, name, type);
    }
}
