package vn.khien.systems.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.platform.Downloads;
import vn.khien.platform.NotFoundException;
import vn.khien.systems.classification.authority.AuthorityRole;
import vn.khien.systems.levels.StoredClassification;

@RestController
@Tag(name = "Level dossiers", description = "Hồ sơ đề xuất cấp độ: parts, files, appraisal and approval workflow")
class DossierApi {

    public record PartView(
            String key, String title, String legalRef, String content, List<DossierAttachment> attachments) {}

    public record DossierView(
            Dossier dossier,
            List<PartView> parts,
            List<DossierStep> history,
            List<DossierAction> allowedActions,
            List<DossierService.PreconditionStatus> approvalPreconditions,
            StoredClassification proposalWithoutCriterion,
            List<AdditionalDecision> additionalDecisions) {}

    /** An additional decision (the Prime Minister's list; the level-5 plan, Mẫu 07) as recorded. */
    public record DecisionRequest(String decisionNumber, LocalDate decisionDate, String decisionSigner) {}

    /** The owner's self-screening grounds for asking that the system be put on the critical list. */
    public record CriticalListRequest(String grounds) {}

    public record PartContent(
            @Size(max = 200000, message = "{validation.size}")
            String content) {}

    /** The day the receiving body got the complete dossier (ISO date) and an optional note (e.g. "hồ sơ giấy"). */
    public record ReceiptRequest(LocalDate receivedOn, String note) {}

    /** {@code regime}: rule-data regime id the designation is limited to (NĐ 85 and NĐ 331 name different national bodies), or null for every regime. */
    public record DesignationRequest(
            long scopeOrganizationId, AuthorityRole role, long organizationId, String regime) {}

    private final DossierService service;
    private final AuthorityDirectory directory;
    private final DossierDocuments documents;

    public DossierApi(DossierService service, AuthorityDirectory directory, DossierDocuments documents) {
        this.service = service;
        this.directory = directory;
        this.documents = documents;
    }

    @GetMapping(value = "/api/v1/dossiers/{id}/document.docx")
    @Operation(
            summary = "The dossier as DOCX (Vietnamese administrative format: national emblem lines, Times New Roman, "
                    + "numbered parts with their legal basis)")
    @ApiResponse(responseCode = "200", description = "DOCX file", content = @Content(mediaType = DossierPages.DOCX))
    public ResponseEntity<byte[]> documentDocx(@PathVariable long id) {
        return download(documents.dossier(id), "ho-so-de-xuat-cap-do-" + id + ".docx", DossierPages.DOCX);
    }

    @GetMapping(value = "/api/v1/dossiers/{id}/decision.docx")
    @Operation(
            summary = "Draft decision approving the level (Mẫu 06 of NĐ 331/2026) as DOCX, completed with the "
                    + "decision number, date and signer once approved")
    @ApiResponse(responseCode = "200", description = "DOCX file", content = @Content(mediaType = DossierPages.DOCX))
    public ResponseEntity<byte[]> decisionDocx(@PathVariable long id) {
        return download(documents.decision(id), "du-thao-quyet-dinh-" + id + ".docx", DossierPages.DOCX);
    }

    @GetMapping("/api/v1/systems/{id}/dossiers")
    @Operation(summary = "Level dossiers of a system, newest first (the history of determinations)")
    public List<Dossier> forSystem(@PathVariable long id) {
        return service.forSystem(id);
    }

    @PostMapping("/api/v1/systems/{id}/dossiers")
    @Operation(
            summary = "Open a draft dossier for the system's current classification",
            description = "The appraiser and approver organisations come from the authority rule data for the regime "
                    + "and level, resolved through the authority designations of the owner's tree")
    public ResponseEntity<DossierView> create(@PathVariable long id) {
        Dossier d = service.create(id);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + d.id())).body(view(d.id()));
    }

    @GetMapping("/api/v1/dossiers/{id}")
    @Operation(summary = "A dossier with its parts, files, workflow history and the steps the caller may take")
    public DossierView get(@PathVariable long id) {
        return view(id);
    }

    @PutMapping("/api/v1/dossiers/{id}/parts/{partKey}")
    @Operation(summary = "Set the text of a dossier part (draft or returned dossiers)")
    public DossierView savePart(@PathVariable long id, @PathVariable String partKey, @RequestBody PartContent body) {
        service.savePart(id, partKey, body.content());
        return view(id);
    }

    @PostMapping(value = "/api/v1/dossiers/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file to a dossier part")
    public ResponseEntity<DossierAttachment> attach(
            @PathVariable long id, @RequestParam("part") String part, @RequestParam("file") MultipartFile file)
            throws IOException {
        DossierAttachment a =
                service.attach(id, part, file.getOriginalFilename(), file.getContentType(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + id + "/attachments/" + a.id()))
                .body(a);
    }

    @GetMapping("/api/v1/dossiers/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download an attached file")
    public ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        DossierAttachment meta = service.attachments(id).stream()
                .filter(a -> a.id() == attachmentId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("attachment"));
        return download(service.attachment(id, attachmentId), meta.fileName(), meta.contentType());
    }

    @PostMapping("/api/v1/dossiers/{id}/actions/{action}")
    @Operation(
            summary = "Take a workflow step: SUBMIT, RETURN (comment required), APPRAISE, APPROVE "
                    + "(decisionNumber, decisionDate, decisionSigner, optional signedFileBase64) or WITHDRAW",
            description =
                    "Nobody appraises or approves a dossier they submitted; 403 when the caller's role does not allow the step")
    public DossierView act(
            @PathVariable long id,
            @PathVariable DossierAction action,
            @Valid @RequestBody(required = false) ActionRequest request) {
        service.act(id, action, request == null ? new ActionRequest() : request);
        return view(id);
    }

    @PostMapping("/api/v1/dossiers/{id}/receipt")
    @Operation(
            summary = "Record the day the receiving body got the complete dossier (the appraiser while submitted, "
                    + "the approver once appraised); the legal limits of the step are counted again from that day",
            description = "NĐ 85/2016 Đ16.2, Đ17; NĐ 331/2026 Đ23, Đ24. stepDueEstimated/validityDueEstimated in the "
                    + "dossier say when a due day relies on holiday dates not yet announced (ESTIMATED)")
    public DossierView receipt(@PathVariable long id, @RequestBody ReceiptRequest request) {
        service.recordReceipt(
                id, request == null ? null : request.receivedOn(), request == null ? null : request.note());
        return view(id);
    }

    @PostMapping("/api/v1/dossiers/{id}/decisions/{key}")
    @Operation(
            summary = "Record a decision the rule data requires beyond the level decision on an appraised dossier: "
                    + "the Prime Minister's list (pm-level5-list, pm-critical-list) or the level-5 plan decision "
                    + "(owner-level5-plan, Mẫu 07)",
            description =
                    "NĐ 85/2016 Đ11(e); NĐ 331/2026 Đ16–17, Đ20.3, Đ24. " + "APPROVE is refused while one is pending")
    public DossierView decision(@PathVariable long id, @PathVariable String key, @RequestBody DecisionRequest request) {
        service.recordDecision(id, key, request.decisionNumber(), request.decisionDate(), request.decisionSigner());
        return view(id);
    }

    @GetMapping("/api/v1/systems/{id}/critical-list")
    @Operation(
            summary =
                    "The system's place on the list of systems critical to national security: NONE, REQUESTED, LISTED")
    public CriticalListEntry criticalList(@PathVariable long id) {
        return service.criticalList(id);
    }

    @PutMapping("/api/v1/systems/{id}/critical-list")
    @Operation(
            summary = "Ask for the system to be put on the critical list, with the self-screening grounds "
                    + "(NĐ 331/2026 Đ16–17); levels 3–4 then follow the level-5 procedure (Đ20.4)")
    public CriticalListEntry requestCriticalList(@PathVariable long id, @RequestBody CriticalListRequest request) {
        return service.requestCriticalList(id, request == null ? null : request.grounds());
    }

    @DeleteMapping("/api/v1/systems/{id}/critical-list")
    @Operation(summary = "Withdraw a request not yet decided")
    public CriticalListEntry withdrawCriticalList(@PathVariable long id) {
        return service.withdrawCriticalListRequest(id);
    }

    @GetMapping("/api/v1/authority-designations")
    @Operation(summary = "Who plays the security-unit, national-body and independent-appraiser roles per subtree")
    public List<AuthorityDirectory.Designation> designations(@RequestParam(required = false) Long organizationId) {
        return directory.visible(organizationId);
    }

    @PostMapping("/api/v1/authority-designations")
    @Operation(
            summary = "Designate the organisation playing an authority role for systems owned in a subtree "
                    + "(organisation administrators of that subtree)")
    public AuthorityDirectory.Designation designate(@RequestBody DesignationRequest request) {
        return directory.designate(
                request.scopeOrganizationId(), request.role(), request.organizationId(), request.regime());
    }

    @DeleteMapping("/api/v1/authority-designations/{id}")
    @Operation(
            summary = "Remove a designation (organisation administrators of its subtree); systems below fall back "
                    + "to the nearest designation further up")
    public ResponseEntity<Void> removeDesignation(@PathVariable long id) {
        directory.remove(id);
        return ResponseEntity.noContent().build();
    }

    DossierView view(long id) {
        Dossier d = service.get(id);
        Map<String, String> texts = service.parts(id);
        List<DossierAttachment> files = service.attachments(id);
        List<PartView> parts = service.partDefinitions(d).stream()
                .map(p -> new PartView(
                        p.key(),
                        p.titleVi(),
                        p.legalRef(),
                        texts.get(p.key()),
                        files.stream().filter(f -> f.partKey().equals(p.key())).toList()))
                .toList();
        return new DossierView(
                d,
                parts,
                service.steps(id),
                service.allowedActions(d),
                service.preconditionStatus(d),
                service.proposalWithoutCriterion(d).orElse(null),
                service.additionalDecisions(d));
    }

    static ResponseEntity<byte[]> download(byte[] content, String fileName, String contentType) {
        return Downloads.attachment(
                content, fileName, contentType == null ? null : MediaType.parseMediaType(contentType));
    }
}
