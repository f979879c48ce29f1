package vn.khien.compliance.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.khien.compliance.catalogue.RequirementStatus.MET;
import static vn.khien.compliance.catalogue.RequirementStatus.NOT_APPLICABLE;
import static vn.khien.compliance.catalogue.RequirementStatus.NOT_STARTED;
import static vn.khien.compliance.catalogue.RequirementStatus.PARTLY_MET;
import static vn.khien.compliance.catalogue.RequirementStatus.PLANNED;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComplianceRollupTest {

    private static final Catalogue TT12 = CatalogueLoader.loadTt12();

    @Test
    void shareIsMetOverApplicableWithNotApplicableExcluded() {
        ComplianceTally tally = ComplianceTally.of(List.of(MET, MET, PARTLY_MET, PLANNED, NOT_APPLICABLE));
        assertThat(tally.applicable()).isEqualTo(4);
        assertThat(tally.total()).isEqualTo(5);
        assertThat(tally.share()).isEqualTo(0.5);
        assertThat(tally.percent()).isEqualTo(50);
        assertThat(tally.fullyDeployed()).isFalse();
    }

    @Test
    void fullyDeployedWhenEveryApplicableRequirementIsMet() {
        assertThat(ComplianceTally.of(List.of(MET, MET, NOT_APPLICABLE)).fullyDeployed())
                .isTrue();
        assertThat(ComplianceTally.of(List.of(MET, PARTLY_MET)).fullyDeployed()).isFalse();
    }

    @Test
    void emptyOrAllNotApplicableIsNeitherCompliantNorADivisionByZero() {
        assertThat(ComplianceTally.EMPTY.share()).isZero();
        assertThat(ComplianceTally.EMPTY.fullyDeployed()).isFalse();
        ComplianceTally waived = ComplianceTally.of(List.of(NOT_APPLICABLE, NOT_APPLICABLE));
        assertThat(waived.hasApplicable()).isFalse();
        assertThat(waived.share()).isZero();
        assertThat(waived.fullyDeployed()).isFalse();
        assertThat(ComplianceRollup.overall(List.of())).isEqualTo(ComplianceTally.EMPTY);
        assertThat(ComplianceRollup.byLevel(List.of())).isEmpty();
    }

    @Test
    void percentRoundsHalfUp() {
        assertThat(ComplianceTally.of(List.of(MET, NOT_STARTED, NOT_STARTED)).percent())
                .isEqualTo(33);
        assertThat(ComplianceTally.of(List.of(MET, MET, NOT_STARTED)).percent()).isEqualTo(67);
    }

    @Test
    void planRequirementsWithoutStatusCountAsNotStarted() {
        Set<String> plan = PlanDerivation.derive(TT12, 1);
        SystemCompliance system = SystemCompliance.fromPlan("S1", 1, plan, Map.of("TT12.M.POLICY.1", MET));
        assertThat(system.tally().met()).isEqualTo(1);
        assertThat(system.tally().notStarted()).isEqualTo(plan.size() - 1);
    }

    @Test
    void rollsUpByLevelAndByGroupAcrossSystems() {
        SystemCompliance levelThree = new SystemCompliance(
                "S3",
                3,
                statuses(
                        "TT12.M.POLICY.1",
                        MET,
                        "TT12.M.POLICY.2",
                        PARTLY_MET,
                        "TT12.D.WAF",
                        MET,
                        "TT12.D.DLP",
                        NOT_APPLICABLE));
        SystemCompliance otherLevelThree =
                new SystemCompliance("S3b", 3, statuses("TT12.M.POLICY.1", MET, "TT12.D.WAF", PLANNED));
        SystemCompliance levelOne =
                new SystemCompliance("S1", 1, statuses("TT12.M.POLICY.1", MET, "TT12.C.DATA.3", MET));
        List<SystemCompliance> subtree = List.of(levelThree, otherLevelThree, levelOne);

        assertThat(ComplianceRollup.byLevel(subtree)).containsOnlyKeys(1, 3);
        assertThat(ComplianceRollup.byLevel(subtree).get(3)).isEqualTo(new ComplianceTally(3, 1, 1, 0, 1));
        assertThat(ComplianceRollup.byLevel(subtree).get(1).fullyDeployed()).isTrue();

        Map<RequirementGroup, ComplianceTally> byGroup = ComplianceRollup.byGroup(subtree, TT12);
        assertThat(byGroup.get(RequirementGroup.POLICY)).isEqualTo(new ComplianceTally(3, 1, 0, 0, 0));
        assertThat(byGroup.get(RequirementGroup.APPLICATION).share()).isEqualTo(0.5);
        assertThat(byGroup.get(RequirementGroup.DATA)).isEqualTo(new ComplianceTally(1, 0, 0, 0, 1));

        ComplianceTally overall = ComplianceRollup.overall(subtree);
        assertThat(overall.met()).isEqualTo(5);
        assertThat(overall.applicable()).isEqualTo(7);
        assertThat(ComplianceRollup.fullyDeployedCount(subtree)).isEqualTo(1);
    }

    @Test
    void byGroupNamesAnUnknownRequirement() {
        SystemCompliance system = new SystemCompliance("S9", 2, statuses("GONE.1", MET));
        assertThatThrownBy(() -> ComplianceRollup.byGroup(List.of(system), TT12))
                .hasMessageContaining("S9")
                .hasMessageContaining("GONE.1");
    }

    @Test
    void byGroupSpansRegimesWithACombinedIndex() {
        SystemCompliance legacy = new SystemCompliance("A", 3, statuses("TT12.M.RISK.1", MET));
        SystemCompliance renewed = new SystemCompliance("B", 3, statuses("ND331.M.RISK.1", NOT_STARTED));
        RequirementIndex both = RequirementIndex.combining(TT12, CatalogueLoader.loadNd331());
        assertThat(ComplianceRollup.byGroup(List.of(legacy, renewed), both).get(RequirementGroup.RISK))
                .isEqualTo(new ComplianceTally(1, 0, 0, 1, 0));
    }

    private static Map<String, RequirementStatus> statuses(Object... idAndStatus) {
        Map<String, RequirementStatus> result = new LinkedHashMap<>();
        for (int i = 0; i < idAndStatus.length; i += 2) {
            result.put((String) idAndStatus[i], (RequirementStatus) idAndStatus[i + 1]);
        }
        return result;
    }
}
