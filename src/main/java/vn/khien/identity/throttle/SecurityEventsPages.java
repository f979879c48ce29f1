package vn.khien.identity.throttle;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.platform.ForbiddenActionException;

/** The administrator's view of failed and throttled sign-ins in their subtree (the page; SecurityEventsApi is the API). */
@Controller
class SecurityEventsPages {
    static final int PAGE_SIZE = 50;

    private final SecurityEvents events;

    SecurityEventsPages(SecurityEvents events) {
        this.events = events;
    }

    @GetMapping("/security-events")
    String page(@RequestParam(defaultValue = "0") int page, Model model) {
        if (!events.mayView()) {
            throw new ForbiddenActionException("error.forbidden");
        }
        int p = Math.max(page, 0);
        model.addAttribute("page", events.page(p, PAGE_SIZE));
        model.addAttribute("pageNo", p);
        model.addAttribute("pageSize", PAGE_SIZE);
        return "security-events";
    }
}
