package vn.khien.incidents.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khien.incidents.deadlines.DeadlineAssessment;
import vn.khien.incidents.deadlines.ReportKind;
import vn.khien.platform.Downloads;
import vn.khien.platform.FieldProblemException;

@RestController
@Tag(
        name = "Incidents",
        description = "Incident cases: intake, legal reporting clocks by regime, reports, coordination")
class IncidentsApi {

    static final MediaType STIX = MediaType.parseMediaType("application/stix+json;version=2.1");

    private final IncidentService service;
    private final IncidentLinkService links;

    public IncidentsApi(IncidentService service, IncidentLinkService links) {
        this.service = service;
        this.links = links;
    }

    public record DeadlineView(
            ReportKind kind,
            Integer hours,
            OffsetDateTime dueAt,
            String legalSource,
            List<Long> recipients,
            List<String> unresolvedRecipients,
            boolean choice,
            Instant submittedAt,
            boolean late) {}

    public record IncidentView(
            long id,
            long organizationId,
            Long systemId,
            String title,
            String description,
            String category,
            String severity,
            String status,
            String source,
            OffsetDateTime detectedAt,
            String regime,
            String regimeChoice,
            boolean serious,
            boolean beyondCapacity,
            boolean nationalSecuritySigns,
            Instant responseEndedAt,
            String externalRef,
            List<DeadlineView> deadlines,
            List<AffectedSystemView> affectedSystems,
            List<LinkView> links) {}

    public record ComponentView(long id, String name, String kind) {}

    public record AffectedSystemView(long systemId, String code, String name, List<ComponentView> components) {}

    /**
     * A link to a finding or a warning; title, severity and state are null when the caller may not see the linked
     * record itself.
     */
    public record LinkView(
            String kind, Long findingId, Long warningId, String title, String severity, String state, String href) {}

    static List<AffectedSystemView> affectedView(List<IncidentLinkService.AffectedSystem> affected) {
        return affected.stream()
                .map(a -> new AffectedSystemView(
                        a.systemId(),
                        a.code(),
                        a.name(),
                        a.components().stream()
                                .map(c -> new ComponentView(c.id(), c.label(), c.kind()))
                                .toList()))
                .toList();
    }

    static List<LinkView> linkView(List<IncidentLinkService.Link> links) {
        return links.stream()
                .map(l -> new LinkView(
                        l.kind(),
                        "FINDING".equals(l.kind()) ? l.targetId() : null,
                        "WARNING".equals(l.kind()) ? l.targetId() : null,
                        l.title(),
                        l.severity(),
                        l.state(),
                        l.href()))
                .toList();
    }

    IncidentView view(Incident i) {
        DeadlineAssessment a = service.assessment(i);
        return view(i, a, service.resolve(i, a));
    }

    IncidentView view(Incident i, DeadlineAssessment a, List<IncidentService.Due> dues) {
        Instant now = service.now();
        return new IncidentView(
                i.id(),
                i.organizationId(),
                i.systemId(),
                i.title(),
                i.description(),
                i.category(),
                i.severity().name(),
                i.status().name(),
                i.source().name(),
                i.detectedAtWithOffset(),
                a.regime().id(),
                a.regime().choice() ? a.regime().choiceEn() : null,
                a.serious(),
                i.beyondCapacity(),
                i.nationalSecuritySigns(),
                i.responseEndedAt(),
                i.externalRef(),
                dues.stream()
                        .map(d -> new DeadlineView(
                                d.kind(),
                                d.hours(),
                                d.dueAt(),
                                d.legalSource(),
                                d.recipients(),
                                d.unresolved().stream().map(Enum::name).toList(),
                                d.choice(),
                                d.submittedAt(),
                                d.late(now)))
                        .toList(),
                affectedView(links.affectedSystems(i.id())),
                linkView(links.links(i.id())));
    }

    @PostMapping("/api/v1/incidents")
    @Operation(
            summary = "Report an incident (idempotent on externalRef per organisation)",
            description = "201 with the regime (rule-set id) and the reports owed with their due time, legal source and"
                    + " recipient organisations; 200 with the existing case when externalRef was already reported.")
    public ResponseEntity<IncidentView> create(@RequestBody IncidentService.CreateRequest request) {
        IncidentService.Created c = service.report(request, IncidentSource.API);
        return ResponseEntity.status(c.existing() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(view(c.incident(), c.assessment(), c.deadlines()));
    }

    @GetMapping("/api/v1/incidents")
    @Operation(summary = "Incidents visible to the caller (own subtree and shared with it), newest first")
    public List<IncidentView> list(
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) IncidentStatus status,
            @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "100") int limit) {
        return service.list(new IncidentRepository.ListQuery(organizationId, status, open, limit)).stream()
                .map(this::view)
                .toList();
    }

    @GetMapping("/api/v1/incidents/{id}")
    @Operation(summary = "One incident with its clocks, affected systems and components, and links")
    public IncidentView get(@PathVariable long id) {
        return view(service.get(id));
    }

    /** The note goes to the case's timeline ({@code incident_event.detail}, 4000 characters). */
    public record StepRequest(
            @Size(max = 4000, message = "{validation.size}") String note) {}

    /**
     * The steps of a case, in the path's own lower-case words. A path variable of this type makes an unknown step a
     * 400 naming {@code step} with the accepted steps (problem+json of the API's handler, like a dossier's
     * {@code action}); before, the step was a pattern of the mapping and an unknown one fell through to a bare 404.
     */
    @SuppressWarnings("java:S115") // the constants are the words of the path
    public enum Step {
        verify,
        reject,
        contain,
        eradicate,
        recover,
        close
    }

    @PostMapping("/api/v1/incidents/{id}/{step}")
    @Operation(
            summary = "Move the case: verify, reject (as false), contain, eradicate, recover, close",
            description = "Closing needs the end-of-response report the rules ask for (Form 04 / closing report).")
    public IncidentView step(
            @PathVariable long id, @PathVariable Step step, @RequestBody(required = false) StepRequest request) {
        String note = request == null ? null : request.note();
        Incident i = switch (step) {
            case verify -> service.verify(id, note);
            case reject -> service.reject(id, note);
            case contain -> service.contain(id, note);
            case eradicate -> service.eradicate(id, note);
            case recover -> service.recover(id, note);
            case close -> service.close(id, note);
        };
        return view(i);
    }

    public record SeverityRequest(Severity severity) {}

    @PostMapping("/api/v1/incidents/{id}/severity")
    public IncidentView severity(@PathVariable long id, @RequestBody SeverityRequest request) {
        return view(service.setSeverity(id, request.severity()));
    }

    public record ReportRequest(ReportKind kind) {}

    public record ReportView(
            long id,
            String kind,
            Instant dueAt,
            Instant submittedAt,
            Boolean onTime,
            String recipients,
            String emailSubject,
            String document) {}

    static ReportView view(long incidentId, IncidentRepository.Submission s) {
        return new ReportView(
                s.id(),
                s.kind(),
                s.dueAt(),
                s.submittedAt(),
                s.onTime(),
                s.recipients(),
                s.emailSubject(),
                "/api/v1/incidents/" + incidentId + "/reports/" + s.id() + ".docx");
    }

    @PostMapping("/api/v1/incidents/{id}/reports")
    @Operation(summary = "Record the submission of a report now (the document is produced from the case)")
    public ResponseEntity<ReportView> submit(@PathVariable long id, @RequestBody ReportRequest request) {
        if (request == null) {
            throw new FieldProblemException("kind", "validation.required");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(view(id, service.submitReport(id, request.kind())));
    }

    @GetMapping("/api/v1/incidents/{id}/reports")
    public List<ReportView> reports(@PathVariable long id) {
        return service.reports(id).stream().map(s -> view(id, s)).toList();
    }

    @GetMapping("/api/v1/incidents/{id}/reports/{reportId}.docx")
    public ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long reportId) {
        return Downloads.attachment(
                service.reportDocument(id, reportId),
                "su-co-" + id + "-bao-cao-" + reportId + ".docx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }

    @GetMapping(value = "/api/v1/incidents/{id}/stix")
    @Operation(
            summary = "The case's indicators as a STIX 2.1 bundle (application/stix+json)",
            description = "With the affected systems (infrastructure) and their affected components (software,"
                    + " observed) and the CVEs of the linked findings and warnings (vulnerability).")
    public ResponseEntity<Map<String, Object>> stix(@PathVariable long id) {
        Incident i = service.get(id);
        String cat = service.catalogue()
                .category(i.category())
                .map(IncidentCatalogue.Category::stix)
                .orElse("other");
        return ResponseEntity.ok()
                .contentType(STIX)
                .body(StixExport.bundle(
                        i,
                        service.indicators(id),
                        cat,
                        service.now(),
                        links.affectedSystems(id),
                        links.linkedCves(id)));
    }

    /** The same bundle as a download for the case page's link (the API itself takes bearer tokens only). */
    ResponseEntity<Map<String, Object>> stixDownload(long id) {
        ResponseEntity<Map<String, Object>> bundle = stix(id);
        return ResponseEntity.ok()
                .contentType(STIX)
                .header("Content-Disposition", "attachment; filename=\"su-co-" + id + ".stix.json\"")
                .body(bundle.getBody());
    }

    public record ShareRequest(IncidentService.ShareTarget target) {}

    @PostMapping("/api/v1/incidents/{id}/shares")
    @Operation(summary = "Share with the parent organisation or the response unit of the tree")
    public Map<String, Long> share(@PathVariable long id, @RequestBody ShareRequest request) {
        return Map.of("organizationId", service.share(id, request == null ? null : request.target()));
    }

    @PostMapping("/api/v1/incidents/{id}/orders")
    @Operation(summary = "Issue a coordination order (Biểu mẫu 06) to a named unit with a due time")
    public ResponseEntity<IncidentRepository.Order> order(
            @PathVariable long id, @RequestBody IncidentService.OrderRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.issueOrder(id, request));
    }

    @GetMapping("/api/v1/incidents/{id}/orders")
    public List<IncidentRepository.Order> orders(@PathVariable long id) {
        return service.orders(id);
    }

    public record AnswerRequest(String answer) {}

    @PostMapping("/api/v1/incidents/{id}/orders/{orderId}/answer")
    public IncidentRepository.Order answer(
            @PathVariable long id, @PathVariable long orderId, @RequestBody AnswerRequest request) {
        return service.answerOrder(id, orderId, request == null ? null : request.answer());
    }

    public record IndicatorRequest(Indicators.Kind kind, String value) {}

    @PostMapping("/api/v1/incidents/{id}/indicators")
    @Operation(
            summary = "Add an indicator (IP, CIDR, domain, URL, e-mail, MD5/SHA-1/SHA-256), validated and normalised")
    public Map<String, String> indicator(@PathVariable long id, @RequestBody IndicatorRequest request) {
        return Map.of("value", service.addIndicator(id, request.kind(), request.value()));
    }

    @GetMapping("/api/v1/incidents/{id}/indicators")
    public List<IncidentRepository.Indicator> indicators(@PathVariable long id) {
        return service.indicators(id);
    }

    public record TaskRequest(String title, String owner, LocalDate dueOn) {}

    @PostMapping("/api/v1/incidents/{id}/tasks")
    public ResponseEntity<Map<String, Long>> task(@PathVariable long id, @RequestBody TaskRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("id", service.addTask(id, request.title(), request.owner(), request.dueOn())));
    }

    @GetMapping("/api/v1/incidents/{id}/timeline")
    @Operation(
            summary =
                    "The case's timeline, oldest first. A linked or unlinked finding or warning is named in detail (the"
                            + " finding's title, CVEs, host and system; the warning's title) with href to its page when the caller"
                            + " may see it; otherwise detail is its id and hidden is true")
    public List<IncidentLinkService.TimelineLine> timeline(@PathVariable long id) {
        service.timeline(id); // the case must be visible to the caller (404 otherwise)
        return links.timeline(id);
    }

    public record AffectedSystemRequest(Long systemId, List<Long> componentIds) {}

    @PostMapping("/api/v1/incidents/{id}/affected-systems")
    @Operation(
            summary = "Add an affected system from the register, with affected components of it",
            description = "The system must be owned or operated in the incident organisation's subtree and visible to"
                    + " the caller; components must be registered on it. Adding again adds the components named."
                    + " Refused (422) once the case is closed or rejected.")
    @ApiResponse(responseCode = "200", description = "The incident with its affected systems")
    public IncidentView addAffected(@PathVariable long id, @RequestBody(required = false) AffectedSystemRequest r) {
        links.addAffectedSystem(id, r == null ? null : r.systemId(), r == null ? null : r.componentIds());
        return view(service.get(id));
    }

    @DeleteMapping("/api/v1/incidents/{id}/affected-systems")
    @Operation(
            summary = "Remove affected components of a system, or the affected system when no component is named",
            description = "Refused (422) once the case is closed or rejected.")
    @ApiResponse(responseCode = "200", description = "The incident with its affected systems")
    public IncidentView removeAffected(@PathVariable long id, @RequestBody(required = false) AffectedSystemRequest r) {
        links.removeAffectedSystem(id, r == null ? null : r.systemId(), r == null ? null : r.componentIds());
        return view(service.get(id));
    }

    @PostMapping("/api/v1/incidents/{id}/links")
    @Operation(
            summary = "Link a finding, a warning, or the open findings carrying a CVE",
            description = "Exactly one of findingId (an open finding of an affected system), warningId (a warning"
                    + " received for an affected system) or cve. Refused (422) once the case is closed or rejected.")
    @ApiResponse(responseCode = "200", description = "The incident with its links")
    public IncidentView link(@PathVariable long id, @RequestBody(required = false) IncidentLinkService.LinkRequest r) {
        links.link(id, r == null ? new IncidentLinkService.LinkRequest(null, null, null) : r);
        return view(service.get(id));
    }

    public record UnlinkRequest(Long findingId, Long warningId) {}

    @DeleteMapping("/api/v1/incidents/{id}/links")
    @Operation(summary = "Remove the link to a finding or a warning")
    @ApiResponse(responseCode = "200", description = "The incident with its links")
    public IncidentView unlink(@PathVariable long id, @RequestBody(required = false) UnlinkRequest r) {
        links.unlink(id, r == null ? null : r.findingId(), r == null ? null : r.warningId());
        return view(service.get(id));
    }

    @GetMapping("/api/v1/organizations/{organizationId}/incidents/statistics")
    @Operation(summary = "Incidents per month, category and severity for an organisation's subtree (as far as visible)")
    public List<IncidentService.Statistic> statistics(
            @PathVariable long organizationId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return service.statistics(organizationId, from, to);
    }
}
