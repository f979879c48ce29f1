package vn.khien.home;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.khien.access.CurrentPerson;
import vn.khien.identity.ApiToken;
import vn.khien.identity.ApiTokenService;
import vn.khien.identity.MfaService;
import vn.khien.identity.PersonRepository;
import vn.khien.identity.RoleGrant;

/** The signed-in person's organisations and what needs their attention, foundation items and every module's. */
@Controller
class HomePage {

    /** A contact point not confirmed within this many months is flagged for re-confirmation. */
    static final int CONTACT_CONFIRMATION_MONTHS = 6;

    private final PersonRepository people;
    private final StaleContacts stale;
    private final MfaService mfa;
    private final ApiTokenService tokens;
    private final AttentionBoard attention;
    private final Clock clock;
    private final HomePanels panels;

    public HomePage(
            PersonRepository people,
            StaleContacts stale,
            MfaService mfa,
            ApiTokenService tokens,
            AttentionBoard attention,
            Clock clock,
            HomePanels panels) {
        this.panels = panels;
        this.attention = attention;
        this.people = people;
        this.stale = stale;
        this.mfa = mfa;
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        long me = CurrentPerson.principal().orElseThrow().personId();
        List<RoleGrant> grants = people.grantsOf(me);
        LocalDate today = LocalDate.now(clock);
        List<StaleContacts.Stale> staleContacts = stale.confirmedBefore(today.minusMonths(CONTACT_CONFIRMATION_MONTHS));
        List<ApiToken> expiring = tokens.list(me).stream()
                .filter(t -> t.activeAt(clock.instant())
                        && t.expiresAt().isBefore(clock.instant().plus(Duration.ofDays(14))))
                .toList();
        model.addAttribute("grants", grants);
        model.addAttribute("staleContacts", staleContacts);
        model.addAttribute("mfaEnrolled", mfa.enrolled(me));
        model.addAttribute("expiringTokens", expiring);
        model.addAttribute("person", people.find(me).orElseThrow());
        model.addAttribute("attentionGroups", attention.groupsFor(me));
        // Panels a module puts first (a leader's or supervising body's dashboard, issue 14), maybe a few minutes old.
        HomePanels.Shown shown = panels.panelsFor(me);
        model.addAttribute("homePanels", shown.panels());
        model.addAttribute("homePanelsComputing", shown.computing());
        return "home";
    }
}
