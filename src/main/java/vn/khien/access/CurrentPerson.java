package vn.khien.access;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in person of this request, if any. */
public final class CurrentPerson {

    /** Matches no role grant: queries scoped for an anonymous caller return nothing (fail closed). */
    public static final long NOBODY = -1L;

    private CurrentPerson() {}

    public static Optional<PersonPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof PersonPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    public static long idOrNobody() {
        return principal().map(PersonPrincipal::personId).orElse(NOBODY);
    }

    public static Optional<String> username() {
        return principal().map(PersonPrincipal::username);
    }
}
