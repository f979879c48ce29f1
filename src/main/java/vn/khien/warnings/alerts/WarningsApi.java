package vn.khien.warnings.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.platform.FieldProblemException;
import vn.khien.warnings.matching.AffectedJson;

@RestController
@Tag(name = "Warnings", description = "Vulnerability warnings published to subordinate units, matched to their systems")
class WarningsApi {

    static final MediaType STIX = MediaType.parseMediaType("application/stix+json;version=2.1");
    static final MediaType CSAF = MediaType.parseMediaType("application/csaf+json");

    private final WarningService service;
    private final VexAnswers vex;
    private final Clock clock;
    private final String namespace;

    WarningsApi(
            WarningService service,
            VexAnswers vex,
            Clock clock,
            @Value("${khien.mail.base-url:http://localhost:8080}") String namespace) {
        this.service = service;
        this.vex = vex;
        this.clock = clock;
        this.namespace = namespace;
    }

    /** The export as a download, shared with the page's buttons (same scope: the warning must be visible). */
    ResponseEntity<Map<String, Object>> export(long id, boolean stix) {
        WarningRepository.Warning w = service.get(id);
        return ResponseEntity.ok()
                .contentType(stix ? STIX : CSAF)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"canh-bao-" + id + (stix ? ".stix.json" : ".csaf.json") + "\"")
                .body(
                        stix
                                ? WarningExports.stix(w, clock.instant())
                                : WarningExports.csaf(w, namespace.replaceAll("/+$", ""), clock.instant()));
    }

    @GetMapping("/api/v1/warnings/{id}/stix")
    @Operation(summary = "The warning as a STIX 2.1 bundle (vulnerabilities, software, report; TLP 2.0 marking)")
    ResponseEntity<Map<String, Object>> stix(@PathVariable long id) {
        return export(id, true);
    }

    @GetMapping("/api/v1/warnings/{id}/csaf")
    @Operation(summary = "The warning as a CSAF 2.0 security advisory (product tree with cpe/purl, known_affected)")
    ResponseEntity<Map<String, Object>> csaf(@PathVariable long id) {
        return export(id, false);
    }

    @PostMapping(value = "/api/v1/warnings/{id}/vex", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Answer the warning for many systems at once with a VEX document (multipart file)",
            description =
                    "CSAF 2.0 VEX, CycloneDX VEX or OpenVEX, detected from the content. A statement applies to the"
                            + " caller's systems reached by the warning whose component matches its product (purl or CPE) or"
                            + " whose code is its product id. All or nothing: any problem is a 422 naming the document field.")
    VexAnswers.Result answerWithVex(
            @PathVariable long id, @RequestPart(value = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new FieldProblemException("file", "validation.required");
        }
        return vex.answer(id, file.getOriginalFilename(), file.getBytes());
    }

    record PublishBody(
            Long organizationId,
            String title,
            String description,
            String severity,
            List<String> cves,
            List<WarningService.ProductInput> affected,
            LocalDate acknowledgeBy,
            LocalDate fixBy,
            String tlp,
            Long advisoryId,
            List<Long> recipients,
            String recommendedAction,
            String legalBasis) {}

    @PostMapping("/api/v1/warnings")
    @Operation(summary = "Publish a warning to the subtree (or chosen organisations) and match it at once")
    ResponseEntity<Map<String, Object>> publish(@RequestBody PublishBody b) {
        WarningService.Published p = service.publish(new WarningService.PublishRequest(
                b.organizationId(),
                b.title(),
                b.description(),
                b.severity(),
                b.cves(),
                b.affected(),
                b.acknowledgeBy(),
                b.fixBy(),
                b.tlp(),
                b.advisoryId(),
                b.recipients(),
                b.recommendedAction(),
                b.legalBasis()));
        return ResponseEntity.created(URI.create("/api/v1/warnings/" + p.id()))
                .body(Map.of("id", p.id(), "systemsReached", p.systemsReached()));
    }

    @GetMapping("/api/v1/warnings")
    @Operation(
            summary = "Warnings the caller may see (TLP enforced), newest first, at most 200",
            description = "Each warning carries mine: where it stands for the caller's own units (systems reached,"
                    + " acknowledged, fixed, fixing, notAffected, unanswered, overdue). q narrows to a piece of the"
                    + " title or a CVE id; needsAnswer=true to the warnings where a system the caller may answer for"
                    + " has no verdict yet. X-Total-Count says how many warnings match; when it is more than"
                    + " X-Result-Limit, the list holds only the newest X-Result-Limit: narrow with q or needsAnswer.")
    @ApiResponse(
            responseCode = "200",
            description = "The newest matching warnings",
            headers = {
                @Header(name = "X-Total-Count", description = "How many warnings match the filter"),
                @Header(name = "X-Result-Limit", description = "The most warnings one answer holds (200)")
            })
    ResponseEntity<List<Map<String, Object>>> list(
            @Parameter(description = "A piece of the title or a CVE id, any case") @RequestParam(required = false)
                    String q,
            @Parameter(description = "Only warnings where a system the caller may answer for has no verdict yet")
                    @RequestParam(required = false, defaultValue = "false")
                    boolean needsAnswer) {
        WarningService.WarningList list = service.list(new WarningRepository.ListFilter(q, needsAnswer));
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(list.total()))
                .header("X-Result-Limit", String.valueOf(list.limit()))
                .body(list.rows().stream()
                        .map(r -> {
                            Map<String, Object> m = view(r.warning());
                            m.put("mine", r.mine());
                            return m;
                        })
                        .toList());
    }

    @GetMapping("/api/v1/warnings/{id}")
    @Operation(summary = "One warning")
    Map<String, Object> one(@PathVariable long id) {
        return view(service.get(id));
    }

    @GetMapping("/api/v1/warnings/{id}/affected")
    @Operation(summary = "The systems reached and why, in the caller's subtree")
    List<Map<String, Object>> affected(@PathVariable long id) {
        return service.affected(id).stream()
                .map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("systemId", r.systemId());
                    if (r.componentId() != null) {
                        m.put("componentId", r.componentId());
                    }
                    if (r.findingId() != null) {
                        m.put("findingId", r.findingId());
                    }
                    m.put("organizationId", r.organizationId());
                    m.put("matchedBy", r.matchedBy());
                    m.put("reason", r.reason());
                    m.put("status", r.status());
                    if (r.justification() != null) {
                        m.put("justification", r.justification());
                    }
                    if (r.fixConfirmed()) {
                        m.put("fixConfirmed", true);
                    }
                    return m;
                })
                .toList();
    }

    @PostMapping("/api/v1/warnings/{id}/responses")
    @Operation(
            summary = "A unit's response for one system: ACKNOWLEDGED, NOT_AFFECTED (justification), FIXING"
                    + " (plannedFixOn), FIXED (note = evidence) or AFFECTED (declare a system not matched)")
    ResponseEntity<Map<String, Object>> respond(@PathVariable long id, @RequestBody WarningService.ResponseRequest r) {
        WarningService.ResponseResult res = service.respond(id, r);
        return ResponseEntity.status(201).body(Map.of("systemId", res.systemId(), "status", res.status()));
    }

    @GetMapping("/api/v1/warnings/{id}/progress")
    @Operation(summary = "Counts per status and the overdue units with their contact points, for a subtree")
    WarningService.Progress progress(@PathVariable long id, @RequestParam(required = false) Long organizationId) {
        return service.progress(id, organizationId);
    }

    @PostMapping("/api/v1/warnings/{id}/reminders")
    @Operation(summary = "Remind the overdue units (notices in the app, mailed in the daily digest)")
    Map<String, Object> remind(@PathVariable long id) {
        return Map.of("peopleNotified", service.remind(id));
    }

    static Map<String, Object> view(WarningRepository.Warning w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("organizationId", w.organizationId());
        m.put("title", w.title());
        m.put("description", w.description());
        m.put("severity", w.severity());
        m.put("cves", w.cves());
        m.put("affected", AffectedJson.flat(AffectedJson.read(w.affected())));
        m.put("acknowledgeBy", w.acknowledgeBy());
        m.put("fixBy", w.fixBy());
        m.put("tlp", w.tlp());
        m.put("scope", w.scopeKind());
        m.put("advisoryId", w.advisoryId());
        m.put("publishedAt", w.publishedAt());
        return m;
    }
}
