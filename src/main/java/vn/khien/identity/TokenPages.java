package vn.khien.identity;

import jakarta.servlet.http.HttpServletResponse;
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

    public TokenPages(ApiTokenService tokens) {
        this.tokens = tokens;
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
            model.addAttribute("problem", e.problems().get(0));
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
