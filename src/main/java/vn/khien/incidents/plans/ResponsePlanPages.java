package vn.khien.incidents.plans;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;

/** A system's response plan: the plan in force, "update needed", the draft on its outline, approval, the versions. */
@Controller
class ResponsePlanPages {

    private final ResponsePlanService service;
    private final MessageSource messages;

    ResponsePlanPages(ResponsePlanService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    @GetMapping("/systems/{id}/response-plans")
    String show(@PathVariable long id, Model model) {
        ResponsePlanService.SystemPlans view = service.forSystem(id);
        model.addAttribute("view", view);
        model.addAttribute(
                "english", "en".equals(LocaleContextHolder.getLocale().getLanguage()));
        model.addAttribute("draftOutline", view.draft() == null ? view.outline() : service.outlineOf(view.draft()));
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        Map<String, String> outlineTitles = new LinkedHashMap<>();
        service.outlines().all().forEach(o -> outlineTitles.put(o.id(), o.title(english)));
        model.addAttribute("outlineTitles", outlineTitles);
        model.addAttribute("inForceOutline", view.inForce() == null ? null : service.outlineOf(view.inForce()));
        return "incidents/response-plans";
    }

    @PostMapping("/systems/{id}/response-plans/draft")
    String save(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> sections = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("section.")) {
                sections.put(k.substring("section.".length()), v);
            }
        });
        return act(id, redirect, () -> service.saveDraft(id, sections));
    }

    @PostMapping("/systems/{id}/response-plans/{planId}/approve")
    String approve(@PathVariable long id, @PathVariable long planId, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.approve(id, planId));
    }

    private String act(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", text("incidents.saved"));
        } catch (FieldProblemException e) {
            StringBuilder b = new StringBuilder();
            for (FieldProblemException.FieldProblem p : e.problems()) {
                b.append(b.isEmpty() ? "" : "; ")
                        .append(text("plans.field." + p.field()))
                        .append(": ")
                        .append(text(p.messageKey(), p.args()));
            }
            redirect.addFlashAttribute("actionError", b.toString());
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("actionError", text(e.messageKey()));
        }
        return "redirect:/systems/" + id + "/response-plans";
    }

    private String text(String key, Object... args) {
        return Objects.requireNonNullElse(messages.getMessage(key, args, key, LocaleContextHolder.getLocale()), key);
    }
}
