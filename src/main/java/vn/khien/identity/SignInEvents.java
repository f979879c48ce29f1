package vn.khien.identity;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.PersonPrincipal;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.KhienProperties;

/** Audits every sign-in and failed sign-in, and locks an account after repeated failures. */
@Component
class SignInEvents {

    private final PersonRepository people;
    private final AuditTrail audit;
    private final KhienProperties properties;
    private final Clock clock;

    public SignInEvents(PersonRepository people, AuditTrail audit, KhienProperties properties, Clock clock) {
        this.people = people;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof PersonPrincipal p)
                || event.getAuthentication() instanceof ApiTokenAuthentication) {
            return; // token requests are not sign-ins; their use is recorded as last_used_at
        }
        people.resetFailedAttempts(p.personId());
        audit.recordStandalone(AuditEntry.of("SIGN_IN", people.homeOrganization(p.personId()), "person", p.personId()),
                p.personId(), p.username());
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String typed = String.valueOf(event.getAuthentication().getName());
        // What was typed may be anything (1 MB, control characters): the audit keeps a storable, bounded copy.
        String username = vn.khien.platform.SafeText.forStorage(typed, 100);
        Optional<Person> person = typed.length() > 100 ? Optional.empty() : people.findByUsername(typed);
        String reason = event.getException() instanceof LockedException ? "locked" : "bad-credentials";
        person.ifPresent(p -> {
            if (!(event.getException() instanceof LockedException)) {
                people.recordFailedAttempt(p.id(), properties.login().maxFailedAttempts(),
                        clock.instant().plus(properties.login().lockDuration()));
            }
        });
        Long orgId = person.map(p -> people.homeOrganization(p.id())).orElse(null);
        audit.recordStandalone(new AuditEntry("SIGN_IN_FAILED", orgId, "person",
                person.map(p -> String.valueOf(p.id())).orElse(null), Map.of("username", username, "reason", reason)),
                person.map(Person::id).orElse(null), username);
    }
}
