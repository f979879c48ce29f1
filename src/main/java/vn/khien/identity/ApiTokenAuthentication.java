package vn.khien.identity;

import java.io.Serial;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An API request authenticated by a personal token. */
class ApiTokenAuthentication extends AbstractAuthenticationToken {
    @Serial
    private static final long serialVersionUID = 1L;

    private final KhienUserDetails person;

    public ApiTokenAuthentication(KhienUserDetails person) {
        super(person.getAuthorities());
        this.person = person;
        setAuthenticated(true);
    }

    @Override
    public @Nullable Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return person;
    }
}
