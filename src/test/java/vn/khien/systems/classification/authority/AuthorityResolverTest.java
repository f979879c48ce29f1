package vn.khien.systems.classification.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** regulation.md §3.4 (NĐ 85/2016 Đ12, Đ14; TT 12/2022 Đ6) and §6.1–6.2 (NĐ 331/2026 Đ18, Đ20, Đ24). */
class AuthorityResolverTest {

    private static final AuthorityResolver RESOLVER = new AuthorityResolver(AuthorityRuleCatalog.loadDefault());

    /** Every role resolves to "org:ROLE", so assertions read as roles. */
    private static final OrganisationRoles ALL_ROLES = role -> Optional.of("org:" + role);

    @ParameterizedTest(name = "{0} level {1}: appraiser {2}, approver {3}, expert opinion {4}")
    @CsvSource({
        "nd85-2016,  1, OWNER_SECURITY_UNIT,     OWNER_SECURITY_UNIT, ,                    OPERATOR",
        "nd85-2016,  2, OWNER_SECURITY_UNIT,     OWNER_SECURITY_UNIT, ,                    OPERATOR",
        "nd85-2016,  3, OWNER_SECURITY_UNIT,     OWNER,               ,                    OPERATOR",
        "nd85-2016,  4, NATIONAL_COMPETENT_BODY, OWNER,               OWNER_SECURITY_UNIT, OWNER",
        "nd85-2016,  5, NATIONAL_COMPETENT_BODY, OWNER,               OWNER_SECURITY_UNIT, OWNER",
        "nd331-2026, 1, OWNER_SECURITY_UNIT,     OWNER_SECURITY_UNIT, ,                    OPERATOR",
        "nd331-2026, 2, OWNER_SECURITY_UNIT,     OWNER_SECURITY_UNIT, ,                    OPERATOR",
        "nd331-2026, 3, OWNER_SECURITY_UNIT,     OWNER,               ,                    OWNER",
        "nd331-2026, 4, NATIONAL_COMPETENT_BODY, OWNER,               OWNER_SECURITY_UNIT, OWNER",
        "nd331-2026, 5, NATIONAL_COMPETENT_BODY, OWNER,               OWNER_SECURITY_UNIT, OWNER",
    })
    void mapsEveryLevelOfBothRegimesToRoles(
            String regime,
            int level,
            AuthorityRole appraiser,
            AuthorityRole approver,
            AuthorityRole expertOpinion,
            AuthorityRole submitter) {
        AuthorityAssignment assignment = RESOLVER.resolve(regime, level, AuthorityContext.ordinary(), ALL_ROLES);

        assertThat(assignment.appraiserOrgId()).isEqualTo("org:" + appraiser);
        assertThat(assignment.appraiserRole()).isEqualTo(appraiser);
        assertThat(assignment.approverOrgId()).isEqualTo("org:" + approver);
        assertThat(assignment.expertOpinionOrgId())
                .isEqualTo(Optional.ofNullable(expertOpinion).map(r -> "org:" + r));
        assertThat(assignment.appraisalSubmitterOrgId()).isEqualTo("org:" + submitter);
        assertThat(assignment.dossierPreparerOrgId()).isEqualTo("org:OPERATOR");
        assertThat(assignment.procedureLevel()).isEqualTo(level);
        assertThat(assignment.legalRef()).startsWith(regime.startsWith("nd85") ? "NĐ 85/2016" : "NĐ 331/2026");
    }

    @ParameterizedTest(name = "{0} level {1}: security unit operates → appraiser {2}")
    @CsvSource({
        "nd85-2016,  1, INDEPENDENT_APPRAISER",
        "nd85-2016,  2, INDEPENDENT_APPRAISER",
        "nd85-2016,  3, INDEPENDENT_APPRAISER",
        "nd85-2016,  4, NATIONAL_COMPETENT_BODY",
        "nd85-2016,  5, NATIONAL_COMPETENT_BODY",
        "nd331-2026, 1, INDEPENDENT_APPRAISER",
        "nd331-2026, 2, INDEPENDENT_APPRAISER",
        "nd331-2026, 3, INDEPENDENT_APPRAISER",
        "nd331-2026, 4, NATIONAL_COMPETENT_BODY",
        "nd331-2026, 5, NATIONAL_COMPETENT_BODY",
    })
    void designatesAnIndependentAppraiserWhenTheSecurityUnitOperatesTheSystem(
            String regime, int level, AuthorityRole appraiser) {
        AuthorityAssignment assignment = RESOLVER.resolve(regime, level, new AuthorityContext(true, false), ALL_ROLES);

        assertThat(assignment.appraiserRole()).isEqualTo(appraiser);
        assertThat(assignment.appraiserOrgId()).isEqualTo("org:" + appraiser);
    }

    @ParameterizedTest
    @CsvSource({"nd85-2016, 5", "nd331-2026, 5"})
    void level5NeedsThePrimeMinistersList(String regime, int level) {
        AuthorityAssignment assignment = RESOLVER.resolve(regime, level, AuthorityContext.ordinary(), ALL_ROLES);

        assertThat(assignment.additionalApprovals())
                .filteredOn(a -> a.approval().role() == AuthorityRole.PRIME_MINISTER)
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.organisationId()).isEqualTo("org:PRIME_MINISTER");
                    assertThat(a.approval().addsToCriticalList()).isTrue();
                    assertThat(a.approval().legalRef()).isNotBlank();
                });
        // Under NĐ 331 the level-5 plan is approved by its own decision (Mẫu 07).
        assertThat(assignment.additionalApprovals())
                .extracting(a -> a.approval().id())
                .contains(regime.equals("nd331-2026") ? "owner-level5-plan" : "pm-level5-list");
    }

    @Test
    void escalatedLevel3And4DossiersCarryTheLevel5ApprovalsNotOrdinaryOnes() {
        AuthorityAssignment listed = RESOLVER.resolve("nd331-2026", 3, new AuthorityContext(false, true), ALL_ROLES);
        AuthorityAssignment ordinary = RESOLVER.resolve("nd331-2026", 3, AuthorityContext.ordinary(), ALL_ROLES);

        assertThat(listed.appraiserRole()).isEqualTo(AuthorityRole.NATIONAL_COMPETENT_BODY);
        assertThat(listed.additionalApprovals())
                .extracting(a -> a.approval().id())
                .containsExactly("owner-level5-plan", "pm-critical-list");
        assertThat(ordinary.appraiserRole()).isEqualTo(AuthorityRole.OWNER_SECURITY_UNIT);
        assertThat(ordinary.additionalApprovals()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"nd331-2026, 3, 5", "nd331-2026, 4, 5", "nd331-2026, 2, 2", "nd85-2016, 3, 3"})
    void systemsOnTheNationalSecurityCriticalListFollowTheLevel5Procedure(
            String regime, int level, int procedureLevel) {
        AuthorityAssignment assignment = RESOLVER.resolve(regime, level, new AuthorityContext(false, true), ALL_ROLES);

        assertThat(assignment.proposedLevel()).isEqualTo(level);
        assertThat(assignment.procedureLevel()).isEqualTo(procedureLevel);
    }

    @Test
    void levelsOneAndTwoReportToTheOwnerAfterApproval() {
        AuthorityAssignment assignment = RESOLVER.resolve("nd85-2016", 2, AuthorityContext.ordinary(), ALL_ROLES);

        assertThat(assignment.reportAfterApprovalOrgId()).contains("org:OWNER");
    }

    @Test
    void resolvesRolesToTheOrganisationsTheDatabaseLayerNames() {
        Map<AuthorityRole, String> tree = new EnumMap<>(AuthorityRole.class);
        tree.put(AuthorityRole.OPERATOR, "trung-tam-cntt");
        tree.put(AuthorityRole.OWNER, "ubnd-tinh");
        tree.put(AuthorityRole.OWNER_SECURITY_UNIT, "cong-an-tinh");
        tree.put(AuthorityRole.NATIONAL_COMPETENT_BODY, "bo-cong-an-a05");

        AuthorityAssignment assignment = RESOLVER.resolve(
                "nd331-2026", 4, AuthorityContext.ordinary(), role -> Optional.ofNullable(tree.get(role)));

        assertThat(assignment.appraiserOrgId()).isEqualTo("bo-cong-an-a05");
        assertThat(assignment.approverOrgId()).isEqualTo("ubnd-tinh");
        assertThat(assignment.expertOpinionOrgId()).contains("cong-an-tinh");
    }

    @Test
    void aMissingOrganisationForARequiredRoleIsNamed() {
        OrganisationRoles noSecurityUnit =
                role -> role == AuthorityRole.OWNER_SECURITY_UNIT ? Optional.empty() : Optional.of("org:" + role);

        assertThatThrownBy(() -> RESOLVER.resolve("nd85-2016", 3, AuthorityContext.ordinary(), noSecurityUnit))
                .isInstanceOfSatisfying(
                        UnresolvedRoleException.class,
                        e -> assertThat(e.role()).isEqualTo(AuthorityRole.OWNER_SECURITY_UNIT));
    }

    @Test
    void anUnknownRegimeOrLevelHasNoRule() {
        assertThatThrownBy(() -> RESOLVER.resolve("nd85-2016", 6, AuthorityContext.ordinary(), ALL_ROLES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRuleCitesItsLegalSource() {
        assertThat(AuthorityRuleCatalog.loadDefault().all())
                .allSatisfy(rule -> assertThat(rule.legalRef()).isNotBlank());
    }
}
