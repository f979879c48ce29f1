package vn.khien.incidents.teams;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khien.platform.duties.DutyApplicability;
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
    private final TeamRules rules;

    TeamDuties(TeamRepository teams, TeamRules rules) {
        this.teams = teams;
        this.rules = rules;
    }

    /**
     * Who must keep a team comes from the rule data ({@code applicability} in the teams' rules) and the authority
     * designations: not required → NOT_APPLICABLE with the reason; required without a team → OVERDUE with the reason.
     */
    @Override
    public Map<Long, DutyApplicability> applicabilityForOrganizations(String rule, Collection<Long> organizationIds) {
        Map<Long, DutyApplicability> out = new HashMap<>();
        if (!RULE.equals(rule)) {
            return out;
        }
        TeamRules.Applicability a = rules.applicability();
        teams.applicabilityFacts(organizationIds, a.designation())
                .forEach(f -> out.put(f.organizationId(), a.verdict(f.kind(), f.designated(), f.hasTeam())));
        return out;
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
