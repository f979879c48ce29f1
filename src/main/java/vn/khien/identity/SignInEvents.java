package vn.khien.identity;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.khien.access.PersonPrincipal;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.identity.throttle.LoginThrottle;
import vn.khien.platform.KhienProperties;
import vn.khien.platform.SafeText;

/** Audits every sign-in and failed sign-in, and counts failures for sign-in throttling (ADR 0017). */
@Component
class SignInEvents {

    private final PersonRepository people;
    private final AuditTrail audit;
    private final KhienProperties properties;
    private final Clock clock;
    private final LoginThrottle throttle;

    public SignInEvents(
            PersonRepository people,
            AuditTrail audit,
            KhienProperties properties,
            Clock clock,
            LoginThrottle throttle) {
        this.people = people;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.throttle = throttle;
    }

    /** The address the request came from (the proxy's client address only when the proxy is trusted). */
    static @Nullable String sourceAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return attrs.getRequest().getRemoteAddr();
        }
        return null;
    }

    // No transaction around the steps: each (the person's counters, the throttle, the audit record) commits on its
    // own, one after the other, so a sign-in holds one connection at a time. Nesting them held two or three at
    // once, and 50 people signing in together emptied the pool (issue 15, SignInConnectionsTest).
    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof PersonPrincipal p)
                || event.getAuthentication() instanceof ApiTokenAuthentication) {
            return; // token requests are not sign-ins; their use is recorded as last_used_at
        }
        people.resetFailedAttempts(p.personId());
        people.recordSignIn(p.personId(), clock.instant());
        throttle.succeeded(sourceAddress(), p.username());
        audit.recordStandalone(
                AuditEntry.of("SIGN_IN", people.homeOrganization(p.personId()), "person", p.personId()),
                p.personId(),
                p.username());
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        String typed = String.valueOf(event.getAuthentication().getName());
        // What was typed may be anything (1 MB, control characters): the audit keeps a storable, bounded copy.
        String username = SafeText.forStorage(typed, 100);
        Optional<Person> person = typed.length() > 100 ? Optional.empty() : people.findByUsername(typed);
        String reason = event.getException() instanceof LockedException ? "locked" : "bad-credentials";
        // No account is locked by failures any more (anyone could lock anyone out, issue 10): failures are counted
        // by source, by name and by both, with growing delays (ADR 0017). The count on the person stays informative.
        person.ifPresent(p -> people.recordFailedAttempt(p.id(), Integer.MAX_VALUE, clock.instant()));
        Long orgId = person.map(p -> people.homeOrganization(p.id())).orElse(null);
        audit.recordStandalone(
                new AuditEntry(
                        "SIGN_IN_FAILED",
                        orgId,
                        "person",
                        person.map(p -> String.valueOf(p.id())).orElse(null),
                        Map.of("username", username, "reason", reason)),
                person.map(Person::id).orElse(null),
                username);
        LoginThrottle.Outcome outcome = throttle.failed(sourceAddress(), typed, orgId);
        for (LoginThrottle.Block b : outcome.newlyBlocked()) {
            audit.recordStandalone(
                    new AuditEntry(
                            "SIGN_IN_THROTTLED",
                            b.kind() == LoginThrottle.Kind.SOURCE ? null : orgId,
                            "person",
                            person.map(p -> String.valueOf(p.id())).orElse(null),
                            Map.of(
                                    "username",
                                    username,
                                    "key",
                                    b.kind().name(),
                                    "failures",
                                    b.failures(),
                                    "until",
                                    b.until().toString())),
                    person.map(Person::id).orElse(null),
                    username);
        }
        outcome.retryAfter().ifPresent(d -> {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
                attrs.getRequest().setAttribute(LoginThrottle.RETRY_AFTER, d);
            }
        });
    }
}
