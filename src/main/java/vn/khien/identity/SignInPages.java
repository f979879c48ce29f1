package vn.khien.identity;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.access.CurrentPerson;

@Controller
class SignInPages {

    private final ObjectProvider<ClientRegistrationRepository> oidcClients;
    private final MfaService mfa;

    public SignInPages(ObjectProvider<ClientRegistrationRepository> oidcClients, MfaService mfa) {
        this.oidcClients = oidcClients;
        this.mfa = mfa;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String throttled, Model model) {
        if (throttled != null) {
            // Only a number of seconds is ever shown, whatever the query says.
            long seconds = throttled.matches("\\d{1,6}") ? Long.parseLong(throttled) : 60;
            model.addAttribute("throttledSeconds", seconds);
            model.addAttribute("throttledMinutes", (seconds + 59) / 60);
        }
        List<ClientRegistration> providers = new ArrayList<>();
        if (oidcClients.getIfAvailable() instanceof Iterable<?> registrations) {
            registrations.forEach(r -> providers.add((ClientRegistration) r));
        }
        model.addAttribute("ssoProviders", providers);
        return "login";
    }

    @GetMapping("/mfa/verify")
    String verifyForm() {
        return "mfa-verify";
    }

    @PostMapping("/mfa/verify")
    String verify(@RequestParam String code, HttpSession session, Model model) {
        long id = CurrentPerson.principal().orElseThrow().personId();
        if (mfa.verify(id, code)) {
            session.setAttribute(MfaGate.PASSED, Boolean.TRUE);
            return "redirect:/";
        }
        model.addAttribute("error", true);
        return "mfa-verify";
    }

    @GetMapping("/mfa/enroll")
    String enrollForm(Model model) {
        long id = CurrentPerson.principal().orElseThrow().personId();
        boolean enrolled = mfa.enrolled(id);
        model.addAttribute("alreadyEnrolled", enrolled);
        if (!enrolled) {
            model.addAttribute("enrolment", mfa.startEnrolment(id));
        }
        return "mfa-enroll";
    }

    @PostMapping("/mfa/enroll")
    String enroll(@RequestParam String code, HttpSession session, Model model) {
        long id = CurrentPerson.principal().orElseThrow().personId();
        if (mfa.enrolled(id)) {
            return "redirect:/mfa/enroll";
        }
        List<String> recovery = mfa.confirmEnrolment(id, code);
        if (recovery.isEmpty()) {
            model.addAttribute("error", true);
            model.addAttribute("enrolment", mfa.startEnrolment(id));
            return "mfa-enroll";
        }
        session.setAttribute(MfaGate.PASSED, Boolean.TRUE);
        model.addAttribute("recoveryCodes", recovery);
        return "mfa-recovery";
    }
}
