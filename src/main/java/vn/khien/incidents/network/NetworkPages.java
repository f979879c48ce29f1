package vn.khien.incidents.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.platform.Downloads;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;

/** The network duties of the members the person may see: profile (Form 01), 24/7 contact point, Form 05 reports. */
@Controller
class NetworkPages {

    private final NetworkService service;
    private final MessageSource messages;
    private final Clock clock;

    NetworkPages(NetworkService service, MessageSource messages, Clock clock) {
        this.service = service;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/incident-network")
    String list(Model model) {
        model.addAttribute("members", service.members());
        return "incidents/network-list";
    }

    @GetMapping("/incident-network/{organizationId}")
    String show(@PathVariable long organizationId, Model model) {
        model.addAttribute("view", service.view(organizationId));
        model.addAttribute("fields", service.rules().fields());
        model.addAttribute("profileForm", service.rules().profileForm());
        model.addAttribute("reportForm", service.rules().reportForm());
        model.addAttribute("profileUnconfirmed", service.rules().profileUnconfirmed());
        model.addAttribute(
                "english", "en".equals(LocaleContextHolder.getLocale().getLanguage()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("today", LocalDate.now(clock.withZone(NetworkRules.VN)));
        return "incidents/network";
    }

    @PostMapping("/incident-network/{organizationId}/profile")
    String profile(
            @PathVariable long organizationId, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Map<String, String> fields = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("field.")) {
                fields.put(k.substring("field.".length()), v);
            }
        });
        return act(
                organizationId,
                redirect,
                () -> service.submitProfile(organizationId, new NetworkService.ProfileRequest(fields)));
    }

    @PostMapping("/incident-network/{organizationId}/contact-point")
    String contact(
            @PathVariable long organizationId,
            @RequestParam(required = false) String contactName,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String receptionAddress,
            RedirectAttributes redirect) {
        return act(
                organizationId,
                redirect,
                () -> service.changeContact(
                        organizationId,
                        new NetworkService.ContactRequest(contactName, phone, email, receptionAddress)));
    }

    @PostMapping("/incident-network/{organizationId}/contact-point/{changeId}/report")
    String reportContact(@PathVariable long organizationId, @PathVariable long changeId, RedirectAttributes redirect) {
        return act(organizationId, redirect, () -> service.reportContact(organizationId, changeId));
    }

    @GetMapping("/incident-network/{organizationId}/reports/{reportId}.docx")
    ResponseEntity<byte[]> document(@PathVariable long organizationId, @PathVariable long reportId) {
        return Downloads.attachment(
                service.reportDocument(organizationId, reportId),
                "bao-cao-mau-05-" + reportId + ".docx",
                NetworkApi.DOCX);
    }

    private String act(long organizationId, RedirectAttributes redirect, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("message", text("ircnetwork.saved"));
        } catch (FieldProblemException e) {
            FieldProblemException.FieldProblem p = e.problems().get(0);
            String field = p.field().startsWith("fields.")
                    ? service.rules()
                            .field(p.field().substring("fields.".length()))
                            .map(f -> f.label(
                                    "en".equals(LocaleContextHolder.getLocale().getLanguage())))
                            .orElse(p.field())
                    : text("ircnetwork.field." + p.field());
            redirect.addFlashAttribute("actionError", field + ": " + text(p.messageKey(), p.args()));
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("actionError", text(e.messageKey()));
        }
        return "redirect:/incident-network/" + organizationId;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
