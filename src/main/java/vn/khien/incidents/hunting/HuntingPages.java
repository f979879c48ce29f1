package vn.khien.incidents.hunting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.compliance.RemediationTasks;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.FormDates;

/** Threat-hunting campaigns: the list with a form to record one, and a campaign with its findings' tasks. */
@Controller
class HuntingPages {

    private final HuntingService service;
    private final HuntingRepository lookups;
    private final MessageSource messages;

    HuntingPages(HuntingService service, HuntingRepository lookups, MessageSource messages) {
        this.service = service;
        this.lookups = lookups;
        this.messages = messages;
    }

    /**
     * The campaigns and the form to record one. The form's systems are those of the chosen organisation's subtree
     * (issue 12 review: the rule the service checks), reloaded by {@link #systemChoice} when the organisation changes.
     */
    @GetMapping("/hunting")
    String list(@RequestParam(required = false) @Nullable Long organizationId, Model model) {
        model.addAttribute("campaigns", service.list());
        List<HuntingRepository.Option> organizations = lookups.recordableOrganizations();
        Long chosen = organizations.stream()
                .map(HuntingRepository.Option::id)
                .filter(o -> o.equals(organizationId))
                .findFirst()
                .orElse(organizations.isEmpty() ? null : organizations.get(0).id());
        model.addAttribute("organizations", organizations);
        model.addAttribute("chosenOrganizationId", chosen);
        model.addAttribute("systems", chosen == null ? List.of() : lookups.taskableSystems(chosen));
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "incidents/hunting";
    }

    /** The finding rows of the form for another organisation (htmx): only that organisation's subtree's systems. */
    @GetMapping("/hunting/systems")
    String systemChoice(@RequestParam(required = false) @Nullable Long organizationId, Model model) {
        model.addAttribute("systems", organizationId == null ? List.of() : lookups.taskableSystems(organizationId));
        model.addAttribute("fieldErrors", Map.of());
        model.addAttribute("form", Map.of());
        return "incidents/hunting :: findingRows";
    }

    @GetMapping("/hunting/{id}")
    String show(@PathVariable long id, Model model) {
        HuntingRepository.Campaign c = service.show(id);
        model.addAttribute("campaign", c);
        model.addAttribute(
                "tasksPages",
                c.findings().stream()
                        .map(f -> RemediationTasks.tasksPage(f.systemId()))
                        .toList());
        return "incidents/hunting-campaign";
    }

    @PostMapping("/hunting")
    String record(
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String hypotheses,
            @RequestParam(required = false) String techniques,
            @RequestParam(name = "startedOn", required = false) String startedOnText,
            @RequestParam(name = "endedOn", required = false) String endedOnText,
            @RequestParam(required = false) String result,
            @RequestParam(required = false) List<String> findingTitle,
            @RequestParam(required = false) List<Long> findingSystem,
            @RequestParam(required = false) List<String> findingOwner,
            RedirectAttributes redirect) {
        List<HuntingService.FindingRequest> findings = new ArrayList<>();
        if (findingTitle != null) {
            for (int k = 0; k < findingTitle.size(); k++) {
                Long system = findingSystem != null && k < findingSystem.size() ? findingSystem.get(k) : null;
                String owner = findingOwner != null && k < findingOwner.size() ? findingOwner.get(k) : null;
                findings.add(new HuntingService.FindingRequest(findingTitle.get(k), system, owner, null));
            }
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("organizationId", organizationId == null ? "" : organizationId.toString());
        typed.put("title", title);
        typed.put("scope", scope);
        typed.put("hypotheses", hypotheses);
        typed.put("techniques", techniques);
        typed.put("startedOn", startedOnText);
        typed.put("endedOn", endedOnText);
        typed.put("result", result);
        typed.put("findingTitle", findingTitle == null ? List.of() : findingTitle);
        typed.put(
                "findingSystem",
                findingSystem == null
                        ? List.of()
                        : findingSystem.stream().map(String::valueOf).toList());
        typed.put("findingOwner", findingOwner == null ? List.of() : findingOwner);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate startedOn = day(startedOnText, "startedOn", errors);
        LocalDate endedOn = day(endedOnText, "endedOn", errors);
        if (!errors.isEmpty()) {
            return refused(redirect, typed, errors, organizationId);
        }
        try {
            HuntingRepository.Campaign c = service.record(new HuntingService.CampaignRequest(
                    organizationId, title, scope, hypotheses, techniques, startedOn, endedOn, result, findings));
            redirect.addFlashAttribute("message", text("incidents.saved"));
            return "redirect:/hunting/" + c.id();
        } catch (FieldProblemException e) {
            // every problem next to its field (a finding's system under that finding's row: findings[k].systemId),
            // and the form as typed (issue 9)
            for (FieldProblemException.FieldProblem p : e.problems()) {
                String field = p.field();
                String message = text(p.messageKey(), p.args());
                errors.putIfAbsent(
                        field, field.contains("[") ? message : text("hunting.field." + field) + ": " + message);
            }
            return refused(redirect, typed, errors, organizationId);
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("actionError", text(e.messageKey()));
        }
        return organizationId == null ? "redirect:/hunting" : "redirect:/hunting?organizationId=" + organizationId;
    }

    /** The list page again with the form as typed and each error beside its field. */
    private static String refused(
            RedirectAttributes redirect,
            Map<String, Object> typed,
            Map<String, String> errors,
            @Nullable Long organizationId) {
        redirect.addFlashAttribute("form", typed);
        redirect.addFlashAttribute("fieldErrors", errors);
        return organizationId == null
                ? "redirect:/hunting#hunting-form"
                : "redirect:/hunting?organizationId=" + organizationId + "#hunting-form";
    }

    /** A day typed dd/MM/yyyy (or ISO), null when blank; unreadable: the field's error. */
    private @Nullable LocalDate day(@Nullable String typed, String field, Map<String, String> errors) {
        try {
            return FormDates.read(typed);
        } catch (DateTimeParseException e) {
            errors.put(field, text("hunting.field." + field) + ": " + text("teams.error.date"));
            return null;
        }
    }

    private String text(String key, Object... args) {
        return Objects.requireNonNullElse(messages.getMessage(key, args, key, LocaleContextHolder.getLocale()), key);
    }
}
