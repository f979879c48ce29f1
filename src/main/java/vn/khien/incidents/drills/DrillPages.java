package vn.khien.incidents.drills;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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

/** A system's drills: the yearly live-fire duty, the drills held and a form to record one with its findings. */
@Controller
class DrillPages {

    private final DrillService service;
    private final MessageSource messages;

    public DrillPages(DrillService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    @GetMapping("/systems/{id}/drills")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("view", service.forSystem(id));
        model.addAttribute("canRecord", service.canRecord(id));
        model.addAttribute("kinds", DrillKind.values());
        model.addAttribute("tasksPage", RemediationTasks.tasksPage(id));
        return "incidents/drills";
    }

    @PostMapping("/systems/{id}/drills")
    String record(
            @PathVariable long id,
            @RequestParam(required = false) DrillKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
            @RequestParam(required = false) String scenario,
            @RequestParam(required = false) String participants,
            @RequestParam(required = false) String result,
            @RequestParam(required = false) List<String> findingTitle,
            @RequestParam(required = false) List<String> findingOwner,
            RedirectAttributes redirect) {
        List<DrillService.FindingRequest> findings = new ArrayList<>();
        if (findingTitle != null) {
            for (int k = 0; k < findingTitle.size(); k++) {
                String owner = findingOwner != null && k < findingOwner.size() ? findingOwner.get(k) : null;
                findings.add(new DrillService.FindingRequest(findingTitle.get(k), owner, null));
            }
        }
        try {
            service.record(id, new DrillService.DrillRequest(kind, heldOn, scenario, participants, result, findings));
            redirect.addFlashAttribute("message", text("incidents.saved"));
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute(
                    "actionError",
                    e.problems().stream()
                            .map(p -> text("drills.field." + p.field()) + ": " + text(p.messageKey(), p.args()))
                            .collect(Collectors.joining("; ")));
            // What was typed comes back into the form, so a refused drill is corrected, not typed again.
            Map<String, Object> typed = new HashMap<>();
            typed.put("kind", kind);
            typed.put("heldOn", heldOn == null ? "" : heldOn.toString());
            typed.put("scenario", scenario);
            typed.put("participants", participants);
            typed.put("result", result);
            typed.put("findingTitle", findingTitle == null ? List.of() : findingTitle);
            typed.put("findingOwner", findingOwner == null ? List.of() : findingOwner);
            redirect.addFlashAttribute("typed", typed);
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("actionError", text(e.messageKey()));
        }
        return "redirect:/systems/" + id + "/drills";
    }

    private String text(String key, Object... args) {
        return Objects.requireNonNullElse(messages.getMessage(key, args, key, LocaleContextHolder.getLocale()), key);
    }
}
