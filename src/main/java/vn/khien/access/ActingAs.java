package vn.khien.access;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs a step as a given person outside a request (the demo seeders): capability checks, scoped reads, the ban on
 * approving one's own submission and the audit trail then see who did it, exactly as in real use.
 */
public final class ActingAs {

    private ActingAs() {}

    public static <T> T run(long personId, String username, Supplier<T> step) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                new UsernamePasswordAuthenticationToken(new Principal(personId, username), null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return step.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private record Principal(long personId, String username) implements PersonPrincipal {}
}
