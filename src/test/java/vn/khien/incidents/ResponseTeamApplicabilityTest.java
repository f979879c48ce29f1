package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.khien.incidents.teams.TeamRules;
import vn.khien.platform.duties.DutyApplicability;

/**
 * Who must keep a response team (R26) at its boundaries, from the rule data: a listed kind with a designated
 * incident-response unit must (OVERDUE without a team), a listed kind without one is exempt, an unlisted kind is exempt
 * even when designated, and any organisation that recorded a team is held to it. Each verdict carries its reason.
 */
class ResponseTeamApplicabilityTest {

    final TeamRules.Applicability rule = new TeamRules().applicability();

    @Test
    void theRuleDataNamesKindsDesignationAndLegalSource() {
        assertThat(rule.orgKinds()).containsExactlyInAnyOrder("MINISTRY", "PROVINCE");
        assertThat(rule.designation()).isEqualTo("INCIDENT_RESPONSE_UNIT");
        assertThat(rule.legalSource()).contains("Quyết định 05/2017/QĐ-TTg Điều 6");
    }

    @Test
    void aProvinceWithADesignatedUnitAndNoTeamMustKeepOne() {
        assertThat(rule.verdict("PROVINCE", true, false)).isEqualTo(DutyApplicability.required("teams.r26.noTeam"));
        assertThat(rule.verdict("MINISTRY", true, false)).isEqualTo(DutyApplicability.required("teams.r26.noTeam"));
    }

    @Test
    void aProvinceWithoutADesignatedUnitIsNotRequiredHere() {
        assertThat(rule.verdict("PROVINCE", false, false)).isEqualTo(DutyApplicability.notRequired("teams.r26.noUnit"));
        assertThat(rule.verdict("MINISTRY", false, false)).isEqualTo(DutyApplicability.notRequired("teams.r26.noUnit"));
    }

    @Test
    void otherKindsAreNotRequiredEvenWhenDesignated() {
        for (String kind : Set.of("NATIONAL", "DEPARTMENT", "UNIT", "ENTERPRISE", "OTHER")) {
            assertThat(rule.verdict(kind, true, false))
                    .as(kind)
                    .isEqualTo(DutyApplicability.notRequired("teams.r26.kind"));
            assertThat(rule.verdict(kind, false, false))
                    .as(kind)
                    .isEqualTo(DutyApplicability.notRequired("teams.r26.kind"));
        }
        assertThat(rule.verdict(null, true, false).applies()).isFalse();
    }

    @Test
    void anOrganisationThatRecordedATeamIsHeldToIt() {
        assertThat(rule.verdict("PROVINCE", true, true)).isEqualTo(DutyApplicability.required("teams.r26.hasTeam"));
        assertThat(rule.verdict("PROVINCE", false, true).applies()).isTrue();
        assertThat(rule.verdict("UNIT", false, true).applies()).isTrue();
    }

    @Test
    void withoutADesignationInTheRuleTheKindAloneDecides() {
        TeamRules.Applicability kindsOnly = new TeamRules.Applicability(Set.of("PROVINCE"), null, "x");
        assertThat(kindsOnly.verdict("PROVINCE", false, false))
                .isEqualTo(DutyApplicability.required("teams.r26.noTeam"));
        assertThat(kindsOnly.verdict("MINISTRY", false, false).applies()).isFalse();
    }
}
