package vn.khien.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.access.CurrentPerson;
import vn.khien.access.PersonPrincipal;
import vn.khien.identity.throttle.LoginThrottle;

@Controller
class SignInPages {

    /** The second factor's own throttle keys: code guesses never delay the password step, nor the reverse. */
    static final String TOTP_KEY_PREFIX = "totp:";

    private final ObjectProvider<ClientRegistrationRepository> oidcClients;
    private final MfaService mfa;
    private final LoginThrottle throttle;

    public SignInPages(
            ObjectProvider<ClientRegistrationRepository> oidcClients, MfaService mfa, LoginThrottle throttle) {
        this.oidcClients = oidcClients;
        this.mfa = mfa;
        this.throttle = throttle;
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
    String verify(
            @RequestParam String code,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Model model) {
        PersonPrincipal me = CurrentPerson.principal().orElseThrow();
        // Code guesses are throttled as password guesses are (ADR 0017): by source, by account and by both.
        String source = request.getRemoteAddr();
        String key = TOTP_KEY_PREFIX + me.username();
        Optional<Duration> wait = throttle.retryAfter(source, key);
        if (wait.isPresent()) {
            return throttled(wait.get(), response, model);
        }
        if (mfa.verify(me.personId(), code)) {
            throttle.succeeded(source, key);
            session.setAttribute(MfaGate.PASSED, Boolean.TRUE);
            return "redirect:/";
        }
        Optional<Duration> now = throttle.failed(source, key, null).retryAfter();
        if (now.isPresent()) {
            return throttled(now.get(), response, model);
        }
        model.addAttribute("error", true);
        return "mfa-verify";
    }

    private static String throttled(Duration wait, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds()));
        model.addAttribute("throttledMinutes", (wait.toSeconds() + 59) / 60);
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
