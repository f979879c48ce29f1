package vn.khien.identity;

import java.io.Serial;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import vn.khien.access.PersonPrincipal;

/**
 * Single sign-on through an agency's own identity provider: the provider proves who the person is;
 * Khiên still decides what they may do, so the person must already exist here (matched by a claim).
 */
@Service
class OidcPersonService extends OidcUserService {

    private final PersonRepository people;
    private final String usernameClaim;

    public OidcPersonService(
            PersonRepository people, @Value("${khien.oidc.username-claim:preferred_username}") String usernameClaim) {
        this.people = people;
        this.usernameClaim = usernameClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        String name = user.getClaimAsString(usernameClaim);
        Person person = (name == null ? Optional.<Person>empty() : people.findByUsername(name))
                .or(() -> user.getEmail() == null ? Optional.empty() : people.findByEmail(user.getEmail()))
                .filter(Person::enabled)
                .orElseThrow(() -> new OAuth2AuthenticationException(
                        new OAuth2Error("unknown_person", "No enabled Khiên account matches this identity", null)));
        return new KhienOidcUser(user, person);
    }

    /** An OIDC principal that is also a Khiên person. */
    public static class KhienOidcUser extends DefaultOidcUser implements PersonPrincipal {
        @Serial
        private static final long serialVersionUID = 1L;

        private final long personId;
        private final String username;

        KhienOidcUser(OidcUser user, Person person) {
            super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.personId = person.id();
            this.username = person.username();
        }

        @Override
        public long personId() {
            return personId;
        }

        @Override
        public String username() {
            return username;
        }

        @Override
        public String getName() {
            return username;
        }
    }
}
