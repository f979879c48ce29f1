package vn.khien.incidents.teams;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khien.platform.duties.DutyEvidence;
import vn.khien.platform.duties.DutySource;

/**
 * R26 (incident-response unit and team, QĐ 05/2017 Đ6, Chỉ thị 18/CT-TTg): the team's establishment decision is the
 * evidence, dated by the decision. A ministry or province without a team, or whose team has no decision recorded,
 * has none, so the obligations engine shows the duty as not met.
 */
@Component
class TeamDuties implements DutySource {

    static final String RULE = "R26";

    private final TeamRepository teams;

    TeamDuties(TeamRepository teams) {
        this.teams = teams;
    }

    @Override
    public Set<String> rules() {
        return Set.of(RULE);
    }

    @Override
    public Map<Long, DutyEvidence> forOrganizations(String rule, Collection<Long> organizationIds) {
        Map<Long, DutyEvidence> out = new HashMap<>();
        if (!RULE.equals(rule)) {
            return out;
        }
        teams.decisions(organizationIds)
                .forEach((org, d) -> out.put(
                        org,
                        DutyEvidence.met(
                                LocalDate.ofEpochDay(d[1]),
                                "response-team-decision",
                                d[0],
                                "/response-teams/" + d[0])));
        return out;
    }
}
