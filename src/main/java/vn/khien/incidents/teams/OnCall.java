package vn.khien.incidents.teams;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.khien.access.Capability;

/**
 * Who is on call now in the response teams of the ministries or provinces above an organisation: shown on the page of
 * an incident the caller has already reached, so whoever handles it knows whom to call.
 */
@Component
public class OnCall {

    /** {@code teamVisible}: the caller may open the team's page (a hospital's officer sees who is on call, not the roster). */
    public record Entry(
            long teamId,
            String teamName,
            String memberName,
            String phone,
            String email,
            Instant until,
            boolean teamVisible) {}

    private final TeamRepository teams;
    private final Clock clock;

    OnCall(TeamRepository teams, Clock clock) {
        this.teams = teams;
        this.clock = clock;
    }

    public List<Entry> above(long organizationId) {
        return teams.onCallAbove(organizationId, clock.instant()).stream()
                .map(r -> new Entry(
                        r.teamId(),
                        r.teamName(),
                        r.shift().memberName(),
                        r.shift().phone(),
                        r.shift().email(),
                        r.shift().endsAt(),
                        teams.find(r.teamId(), Capability.READ).isPresent()))
                .toList();
    }
}
