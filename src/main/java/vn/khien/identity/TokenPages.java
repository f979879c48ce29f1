package vn.khien.identity;

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
    String create(@RequestParam String name, @RequestParam(defaultValue = "90") int days, Model model) {
        try {
            model.addAttribute("created", tokens.create(me(), name, days));
        } catch (FieldProblemException e) {
            model.addAttribute("problem", e.problems().get(0));
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
