package vn.khien.systems.operators;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.organizations.Organization;
import vn.khien.organizations.OrganizationService;
import vn.khien.platform.FieldProblemException;
import vn.khien.systems.register.InformationSystem;
import vn.khien.systems.register.SystemService;

/**
 * Pages of issue 10: {@code /operators} (proposals waiting for the person's decision, the published providers, and
 * publishing an organisation the person administers) and a system's operator page (its operator, its proposals and
 * proposing an outside operator).
 */
@Controller
class OperatorPages {

    private final OperatorService service;
    private final SystemService systems;
    private final OrganizationService organizations;
    private final MessageSource messages;

    OperatorPages(
            OperatorService service, SystemService systems, OrganizationService organizations, MessageSource messages) {
        this.service = service;
        this.systems = systems;
        this.organizations = organizations;
        this.messages = messages;
    }

    @GetMapping("/operators")
    String operators(Model model) {
        List<OperatorRepository.Provider> providers = service.providers();
        Set<Long> published = new HashSet<>();
        providers.forEach(p -> published.add(p.organizationId()));
        Set<Long> publishable = service.publishable();
        List<Organization> administered = organizations.visible().stream()
                .filter(o -> publishable.contains(o.id()))
                .toList();
        model.addAttribute("toDecide", service.toDecide());
        model.addAttribute("providers", providers);
        model.addAttribute("administered", administered);
        model.addAttribute("published", published);
        return "systems/operators";
    }

    @PostMapping("/operators/providers")
    String publish(@RequestParam long organizationId, @RequestParam boolean publish, RedirectAttributes redirect) {
        if (publish) {
            service.publish(organizationId);
        } else {
            service.unpublish(organizationId);
        }
        redirect.addFlashAttribute("noticeKey", publish ? "operators.published" : "operators.unpublished");
        return "redirect:/operators";
    }

    @PostMapping("/operators/proposals/{id}/accept")
    String accept(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        try {
            service.accept(id);
            redirect.addFlashAttribute("noticeKey", "operators.accepted");
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("errors", texts(e, locale));
        }
        return "redirect:/operators";
    }

    @PostMapping("/operators/proposals/{id}/decline")
    String decline(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            service.decline(id, reason);
            redirect.addFlashAttribute("noticeKey", "operators.declined");
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("errors", texts(e, locale));
        }
        return "redirect:/operators";
    }

    @PostMapping("/operators/proposals/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam long systemId, RedirectAttributes redirect, Locale locale) {
        try {
            OperatorProposal p = service.withdraw(id);
            redirect.addFlashAttribute("noticeKey", "operators.withdrawn");
            return "redirect:/systems/" + p.systemId() + "/operator";
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("errors", texts(e, locale));
            return "redirect:/systems/" + systemId + "/operator";
        }
    }

    @GetMapping("/systems/{id}/operator")
    String system(@PathVariable long id, Model model) {
        InformationSystem s = systems.get(id);
        model.addAttribute("system", s);
        model.addAttribute("proposals", service.ofSystem(id));
        model.addAttribute("mayPropose", service.mayPropose(s));
        return "systems/operator";
    }

    @PostMapping("/systems/{id}/operator")
    String propose(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long operatorOrganizationId,
            @RequestParam(required = false) @Nullable String note,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            service.propose(id, operatorOrganizationId, note);
            redirect.addFlashAttribute("noticeKey", "operators.proposed");
            return "redirect:/systems/" + id + "/operator";
        } catch (FieldProblemException e) {
            model.addAttribute("errors", texts(e, locale));
            model.addAttribute("typedOperator", operatorOrganizationId);
            model.addAttribute("typedNote", note);
            return system(id, model);
        }
    }

    private List<String> texts(FieldProblemException e, Locale locale) {
        return e.problems().stream()
                .map(p -> messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale))
                .toList();
    }
}
