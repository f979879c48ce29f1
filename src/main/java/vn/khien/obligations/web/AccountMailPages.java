package vn.khien.obligations.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.obligations.calendar.CalendarFeedService;
import vn.khien.obligations.mail.MailPreferences;

/**
 * The person's mail settings (per-category opt-out, only where the rule data allows it) and personal calendar feed.
 * The feed itself lives under /public/ because a calendar client sends no session: its URL's token is the credential.
 */
@Controller
class AccountMailPages {

    private final MailPreferences preferences;
    private final CalendarFeedService calendar;

    AccountMailPages(MailPreferences preferences, CalendarFeedService calendar) {
        this.preferences = preferences;
        this.calendar = calendar;
    }

    @GetMapping("/account/mail")
    String settings(Model model) {
        model.addAttribute("categories", preferences.categories());
        model.addAttribute("optedOut", preferences.optedOutOfCurrentPerson());
        return "obligations/mail-settings";
    }

    @PostMapping("/account/mail")
    String save(@RequestParam(name = "receive", required = false) List<String> receive, RedirectAttributes redirect) {
        preferences.saveForCurrentPerson(receive == null ? List.of() : receive);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/account/mail";
    }

    @PostMapping("/account/calendar")
    String issueCalendar(RedirectAttributes redirect) {
        redirect.addFlashAttribute("calendarPath", "/public/calendar/" + calendar.issueForCurrentPerson() + ".ics");
        return "redirect:/account/mail";
    }

    @GetMapping("/public/calendar/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return calendar.feed(token)
                .map(ics -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                        .body(ics))
                .orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }
}
