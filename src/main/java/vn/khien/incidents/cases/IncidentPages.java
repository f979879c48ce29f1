package vn.khien.incidents.cases;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.incidents.deadlines.DeadlineAssessment;
import vn.khien.incidents.deadlines.ReportKind;
import vn.khien.incidents.teams.OnCall;
import vn.khien.platform.Downloads;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;

/** The incident pages: the queue, reporting a new incident, and the case with its clocks, reports and coordination. */
@Controller
class IncidentPages {

    private final IncidentService service;
    private final MessageSource messages;
    private final OrgScope scope;
    private final IncidentRepository lookups;
    private final IncidentsApi api;
    private final OnCall onCall;
    private final IncidentLinkService links;

    public IncidentPages(
            IncidentService service,
            MessageSource messages,
            OrgScope scope,
            IncidentRepository lookups,
            IncidentsApi api,
            OnCall onCall,
            IncidentLinkService links) {
        this.service = service;
        this.messages = messages;
        this.scope = scope;
        this.lookups = lookups;
        this.api = api;
        this.onCall = onCall;
        this.links = links;
    }

    /** The STIX link of the case page: same scope as {@code GET /api/v1/incidents/{id}/stix}, by the session. */
    @GetMapping("/incidents/{id}/export.stix.json")
    ResponseEntity<Map<String, Object>> downloadStix(@PathVariable long id) {
        return api.stixDownload(id);
    }

    @GetMapping("/incidents")
    String list(
            @RequestParam(required = false) IncidentStatus status,
            @RequestParam(defaultValue = "false") boolean open,
            Model model) {
        List<Incident> list = service.list(new IncidentRepository.ListQuery(null, status, open, 200));
        model.addAttribute("incidents", list);
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("catalogue", service.catalogue());
        model.addAttribute("canReport", !lookups.reportableOrganizations().isEmpty());
        return "incidents/list";
    }

    @GetMapping("/incidents/new")
    String form(@RequestParam(required = false) Long organizationId, Model model) {
        if (lookups.reportableOrganizations().isEmpty()) {
            // An administrator or an auditor reaching the address: no form they could not send.
            throw new ForbiddenActionException("error.forbidden");
        }
        formModel(model, organizationId);
        Map<String, Object> form = new HashMap<>();
        form.put("organizationId", model.getAttribute("chosenOrganizationId"));
        model.addAttribute("form", form);
        return "incidents/new";
    }

    /**
     * The system choice for the organisation chosen on the form (htmx swaps it in when the organisation changes): the
     * systems of that organisation's subtree, owned or operated, and nothing for an organisation the caller may not
     * report for.
     */
    @GetMapping("/incidents/new/systems")
    String systemChoice(@RequestParam(required = false) Long organizationId, Model model) {
        model.addAttribute("systems", organizationId == null ? List.of() : lookups.reportableSystems(organizationId));
        model.addAttribute("form", Map.of());
        return "incidents/new :: systemOptions";
    }

    private void formModel(Model model, Long organizationId) {
        List<IncidentRepository.Option> organizations = lookups.reportableOrganizations();
        Long chosen = organizations.stream()
                .map(IncidentRepository.Option::id)
                .filter(o -> o.equals(organizationId))
                .findFirst()
                .orElse(organizations.isEmpty() ? null : organizations.get(0).id());
        model.addAttribute("organizations", organizations);
        model.addAttribute("chosenOrganizationId", chosen);
        model.addAttribute("systems", chosen == null ? List.of() : lookups.reportableSystems(chosen));
        model.addAttribute("categories", service.catalogue().categories());
        model.addAttribute(
                "now",
                LocalDateTimes.format(
                        LocalDateTime.now(IncidentDocuments.VN).withSecond(0).withNano(0)));
    }

    @PostMapping("/incidents")
    String create(
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) Long systemId,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String detectedAt,
            @RequestParam(defaultValue = "false") boolean beyondCapacity,
            @RequestParam(defaultValue = "false") boolean serious,
            @RequestParam(defaultValue = "false") boolean nationalSecuritySigns,
            Model model) {
        try {
            OffsetDateTime detected = offset(detectedAt, "detectedAt");
            IncidentService.Created c = service.report(
                    new IncidentService.CreateRequest(
                            organizationId,
                            systemId,
                            title,
                            description,
                            category,
                            detected,
                            beyondCapacity,
                            serious,
                            nationalSecuritySigns,
                            null),
                    IncidentSource.UI);
            return "redirect:/incidents/" + c.incident().id();
        } catch (FieldProblemException e) {
            formModel(model, organizationId);
            model.addAttribute(
                    "errors",
                    e.problems().stream()
                            .map(p -> text("incidents.field." + p.field()) + ": " + text(p.messageKey(), p.args()))
                            .toList());
            // Each refusal also stands next to its field.
            Map<String, String> fieldErrors = new HashMap<>();
            e.problems()
                    .forEach(p -> fieldErrors.merge(p.field(), text(p.messageKey(), p.args()), (a, b) -> a + "; " + b));
            model.addAttribute("fieldErrors", fieldErrors);
            Map<String, Object> form = new HashMap<>();
            form.put("organizationId", organizationId);
            form.put("systemId", systemId);
            form.put("title", title);
            form.put("description", description);
            form.put("category", category);
            form.put("detectedAt", detectedAt);
            form.put("beyondCapacity", beyondCapacity);
            form.put("serious", serious);
            form.put("nationalSecuritySigns", nationalSecuritySigns);
            model.addAttribute("form", form);
            return "incidents/new";
        }
    }

    @GetMapping("/incidents/{id}")
    String show(
            @PathVariable long id,
            @RequestParam(required = false) String findingQ,
            @RequestParam(required = false) String warningQ,
            Model model) {
        Incident i = service.get(id);
        DeadlineAssessment a = service.assessment(i);
        List<IncidentService.Due> dues = service.resolve(i, a);
        model.addAttribute("incident", i);
        model.addAttribute("assessment", a);
        model.addAttribute(
                "english", "en".equals(LocaleContextHolder.getLocale().getLanguage()));
        model.addAttribute("dues", dues);
        model.addAttribute("now", service.now());
        model.addAttribute(
                "category", service.catalogue().category(i.category()).orElse(null));
        model.addAttribute("canWork", service.canWork(id));
        model.addAttribute("onCall", onCall.above(i.organizationId()));
        model.addAttribute("reports", service.reports(id));
        model.addAttribute("orders", service.orders(id));
        model.addAttribute("shares", service.shares(id));
        model.addAttribute("tasks", service.tasks(id));
        model.addAttribute("indicators", service.indicators(id));
        model.addAttribute("evidence", service.evidence(id));
        model.addAttribute("custody", service.custody(id));
        model.addAttribute("timeline", links.timeline(id));
        model.addAttribute("indicatorKinds", Indicators.Kind.values());
        model.addAttribute("reportKinds", ReportKind.values());
        Set<Long> ids = new HashSet<>();
        dues.forEach(d -> ids.addAll(d.recipients()));
        model.addAttribute("orgNames", lookups.organizationNames(ids));
        model.addAttribute("answerable", answerable(service.orders(id)));
        IncidentService.Coordinating coordinating =
                i.status().open() ? service.coordinatingOrganization(i).orElse(null) : null;
        model.addAttribute("coordinator", coordinating != null);
        model.addAttribute("coordinating", coordinating);
        model.addAttribute(
                "coordinatorName",
                coordinating == null
                        ? null
                        : lookups.organizationName(coordinating.organizationId())
                                .orElse(null));
        // Offered only while it would share with someone new: sharing again changes nothing.
        Set<Long> sharedWith = new HashSet<>();
        service.shares(id).forEach(s -> sharedWith.add(s.organizationId()));
        model.addAttribute(
                "hasParent",
                service.parent(i).filter(p -> !sharedWith.contains(p)).isPresent());
        model.addAttribute(
                "hasResponseUnit",
                service.responseUnit(i).filter(u -> !sharedWith.contains(u)).isPresent());
        model.addAttribute("orderTargets", coordinating == null ? List.of() : service.orderTargets(i));
        model.addAttribute("affectedSystems", links.affectedSystems(id));
        model.addAttribute("links", links.links(id));
        model.addAttribute("candidates", links.candidates(id, findingQ, warningQ));
        model.addAttribute("canAmend", i.status().open() && service.canWork(id));
        return "incidents/show";
    }

    private List<Long> answerable(List<IncidentRepository.Order> orders) {
        return orders.stream()
                .filter(o -> "OPEN".equals(o.status()))
                .filter(o -> scope.can(o.targetOrgId(), Capability.RESPOND_INCIDENTS)
                        || scope.can(o.targetOrgId(), Capability.EDIT_SECURITY_DATA))
                .map(IncidentRepository.Order::id)
                .toList();
    }

    @PostMapping("/incidents/{id}/step/{step:verify|reject|contain|eradicate|recover|close}")
    String step(
            @PathVariable long id,
            @PathVariable String step,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            switch (step) {
                case "verify" -> service.verify(id, note);
                case "reject" -> service.reject(id, note);
                case "contain" -> service.contain(id, note);
                case "eradicate" -> service.eradicate(id, note);
                case "recover" -> service.recover(id, note);
                default -> service.close(id, note);
            }
        });
    }

    @PostMapping("/incidents/{id}/severity")
    String severity(
            @PathVariable long id, @RequestParam(required = false) Severity severity, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.setSeverity(id, severity));
    }

    @PostMapping("/incidents/{id}/reports")
    String submit(@PathVariable long id, @RequestParam(required = false) ReportKind kind, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.submitReport(id, kind));
    }

    @GetMapping("/incidents/{id}/reports/{reportId}.docx")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long reportId) {
        return Downloads.attachment(
                service.reportDocument(id, reportId),
                "su-co-" + id + "-bao-cao-" + reportId + ".docx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }

    @PostMapping("/incidents/{id}/share")
    String share(
            @PathVariable long id,
            @RequestParam(required = false) IncidentService.ShareTarget target,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> service.share(id, target));
    }

    @PostMapping("/incidents/{id}/orders")
    String order(
            @PathVariable long id,
            @RequestParam(required = false) Long targetOrganizationId,
            @RequestParam(required = false) String instruction,
            @RequestParam(required = false) String dueAt,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                typed(
                        "order",
                        "targetOrganizationId",
                        targetOrganizationId,
                        "instruction",
                        instruction,
                        "dueAt",
                        dueAt),
                () -> service.issueOrder(
                        id,
                        new IncidentService.OrderRequest(targetOrganizationId, instruction, offset(dueAt, "dueAt"))));
    }

    /** A date-time typed as dd/MM/yyyy HH:mm (or ISO) in Vietnam's time; a field problem when it is neither. */
    static OffsetDateTime offset(String value, String field) {
        try {
            LocalDateTime local = LocalDateTimes.parse(value);
            return local == null ? null : local.atZone(IncidentDocuments.VN).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new FieldProblemException(
                    List.of(new FieldProblemException.FieldProblem(field, "incidents.error.dateInvalid")));
        }
    }

    @PostMapping("/incidents/{id}/orders/{orderId}/answer")
    String answer(
            @PathVariable long id,
            @PathVariable long orderId,
            @RequestParam(required = false) String answer,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                typed("answer", "orderId", orderId, "answer", answer),
                () -> service.answerOrder(id, orderId, answer));
    }

    @PostMapping("/incidents/{id}/tasks")
    String task(
            @PathVariable long id,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                typed("task", "title", title, "owner", owner, "dueOn", dueOn == null ? "" : dueOn.toString()),
                () -> service.addTask(id, title, owner, dueOn));
    }

    @PostMapping("/incidents/{id}/tasks/{taskId}/done")
    String taskDone(@PathVariable long id, @PathVariable long taskId, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.completeTask(id, taskId));
    }

    @PostMapping("/incidents/{id}/indicators")
    String indicator(
            @PathVariable long id,
            @RequestParam(required = false) Indicators.Kind kind,
            @RequestParam(required = false) String value,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                typed("indicator", "kind", kind, "value", value),
                () -> service.addIndicator(id, kind, value));
    }

    @PostMapping("/incidents/{id}/evidence")
    String evidence(
            @PathVariable long id, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        service.get(id); // 404 outside the caller's view before anything about the upload is said
        return act(id, redirect, () -> {
            try {
                if (file == null) {
                    throw new FieldProblemException("file", "validation.required");
                }
                if (file.getSize() > IncidentService.EVIDENCE_MAX_BYTES) {
                    throw new FieldProblemException("file", "incidents.error.fileTooLarge");
                }
                service.addEvidence(id, file.getOriginalFilename(), file.getBytes());
            } catch (IOException e) {
                throw new FieldProblemException("file", "validation.required");
            }
        });
    }

    @GetMapping("/incidents/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidenceFile(@PathVariable long id, @PathVariable long evidenceId) {
        String name = service.evidence(id).stream()
                .filter(e -> e.id() == evidenceId)
                .findFirst()
                .map(IncidentRepository.EvidenceItem::fileName)
                .orElse("evidence.bin");
        return Downloads.attachment(service.evidenceContent(id, evidenceId), name, MediaType.APPLICATION_OCTET_STREAM);
    }

    @PostMapping("/incidents/{id}/affected-systems")
    String addAffected(
            @PathVariable long id,
            @RequestParam(required = false) Long systemId,
            @RequestParam(required = false) List<Long> componentIds,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> links.addAffectedSystem(id, systemId, componentIds));
    }

    @PostMapping("/incidents/{id}/affected-systems/remove")
    String removeAffected(
            @PathVariable long id,
            @RequestParam(required = false) Long systemId,
            @RequestParam(required = false) List<Long> componentIds,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> links.removeAffectedSystem(id, systemId, componentIds));
    }

    @PostMapping("/incidents/{id}/links")
    String link(
            @PathVariable long id,
            @RequestParam(required = false) Long findingId,
            @RequestParam(required = false) Long warningId,
            @RequestParam(required = false) String cve,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> links.link(id, new IncidentLinkService.LinkRequest(findingId, warningId, cve)));
    }

    @PostMapping("/incidents/{id}/links/remove")
    String unlink(
            @PathVariable long id,
            @RequestParam(required = false) Long findingId,
            @RequestParam(required = false) Long warningId,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> links.unlink(id, findingId, warningId));
    }

    private String act(long id, RedirectAttributes redirect, Runnable action) {
        return act(id, redirect, Map.of(), action);
    }

    /**
     * Runs a case step; on a refusal the page says which field and why, and {@code typed} (what the form sent, with
     * {@code form} naming the form) comes back into that form so nothing typed is lost.
     */
    private String act(long id, RedirectAttributes redirect, Map<String, Object> typed, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", text("incidents.saved"));
        } catch (FieldProblemException e) {
            FieldProblemException.FieldProblem p = e.problems().get(0);
            redirect.addFlashAttribute(
                    "actionError", text("incidents.field." + p.field()) + ": " + text(p.messageKey(), p.args()));
            if (!typed.isEmpty()) {
                redirect.addFlashAttribute("typed", typed);
            }
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("actionError", text(e.messageKey()));
        }
        return "redirect:/incidents/" + id;
    }

    /** {@code form} and then name, value pairs; a null value is kept as an empty field. */
    private static Map<String, Object> typed(String form, Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        m.put("form", form);
        for (int k = 0; k + 1 < pairs.length; k += 2) {
            m.put((String) pairs[k], pairs[k + 1] == null ? "" : pairs[k + 1]);
        }
        return m;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
