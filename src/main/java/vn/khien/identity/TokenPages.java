package vn.khien.identity;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.access.CurrentPerson;
import vn.khien.platform.FieldProblemException;

@Controller
@RequestMapping("/tokens")
class TokenPages {
    private final ApiTokenService tokens;

    private final MessageSource messages;

    public TokenPages(ApiTokenService tokens, MessageSource messages) {
        this.tokens = tokens;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("tokens", tokens.list(me()));
        return "tokens";
    }

    @PostMapping
    String create(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String days,
            Model model,
            HttpServletResponse response) {
        try {
            int d;
            try {
                d = days == null || days.isBlank() ? 90 : Integer.parseInt(days.strip());
            } catch (NumberFormatException e) {
                d = 0; // out of range: the service names the accepted range next to the field
            }
            model.addAttribute("created", tokens.create(me(), name == null ? "" : name, d));
        } catch (FieldProblemException e) {
            // the name and the days typed stay in the form, the problem next to its field
            response.setStatus(422);
            FieldProblemException.FieldProblem p = e.problems().get(0);
            model.addAttribute("problem", p);
            model.addAttribute(
                    "problemText", messages.getMessage(p.messageKey(), p.args(), LocaleContextHolder.getLocale()));
            model.addAttribute("typedName", name);
            model.addAttribute("typedDays", days);
        }
        return list(model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id) {
        tokens.revoke(me(), id);
        return "redirect:/tokens";
    }

    private static long me() {
        return CurrentPerson.principal().orElseThrow().personId();
    }
}
