package vn.khien.identity;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class KhienUserDetailsService implements UserDetailsService {

    private final PersonRepository people;
    private final Clock clock;

    public KhienUserDetailsService(PersonRepository people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Person p = people.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return new KhienUserDetails(
                p.id(),
                p.username(),
                p.displayName(),
                people.passwordHash(p.id()).orElse(null),
                p.enabled(),
                p.lockedAt(clock.instant()));
    }
}
