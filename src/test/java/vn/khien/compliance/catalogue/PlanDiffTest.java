package vn.khien.compliance.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanDiffTest {

    private static final Catalogue TT12 = CatalogueLoader.loadTt12();
    private static final Catalogue ND331 = CatalogueLoader.loadNd331();

    @Test
    void raisingLevelThreeToFourAddsTheDeviceManagementZoneAndPam() {
        PlanDiff diff = PlanDiff.between(PlanDerivation.derive(TT12, 3), PlanDerivation.derive(TT12, 4));
        assertThat(diff.newlyRequired()).containsExactly("TT12.Z.DEVICE_MGMT", "TT12.D.PAM");
        assertThat(diff.noLongerRequired()).isEmpty();
        assertThat(diff.kept()).hasSize(66);
    }

    @Test
    void loweringLevelFourToThreeDropsThem() {
        PlanDiff diff = PlanDiff.between(PlanDerivation.derive(TT12, 4), PlanDerivation.derive(TT12, 3));
        assertThat(diff.newlyRequired()).isEmpty();
        assertThat(diff.noLongerRequired()).containsExactly("TT12.Z.DEVICE_MGMT", "TT12.D.PAM");
        assertThat(diff.isUnchanged()).isFalse();
    }

    @Test
    void loweringLevelThreeToTwoDropsManagementDesignAndConfigurationItems() {
        PlanDiff diff = PlanDiff.between(PlanDerivation.derive(TT12, 3), PlanDerivation.derive(TT12, 2));
        assertThat(diff.noLongerRequired()).hasSize((22 - 18) + (16 - 6) + (21 - 17) + (7 - 5));
        assertThat(diff.noLongerRequired()).contains("TT12.M.OPERATIONS.6", "TT12.D.SIEM", "TT12.C.DATA.1");
        // WAF and e-mail security exist at level 2 too, under different numbering: kept, not re-created.
        assertThat(diff.kept()).contains("TT12.D.WAF", "TT12.D.EMAIL_SECURITY", "TT12.M.OPERATIONS.8");
    }

    @Test
    void regimeChangeReplacesTheLegacyPlanWithTheNewRegimeOne() {
        Set<String> legacy = PlanDerivation.derive(TT12, 3);
        Set<String> renewed = PlanDerivation.derive(ND331, 3);
        PlanDiff diff = PlanDiff.between(legacy, renewed);
        assertThat(diff.kept()).isEmpty();
        assertThat(diff.noLongerRequired()).isEqualTo(legacy);
        assertThat(diff.newlyRequired()).isEqualTo(renewed).contains("ND331.M.RISK.1", "ND331.D.NETWORK.1");
    }

    @Test
    void sameLevelGivesAnUnchangedDiff() {
        Set<String> plan = PlanDerivation.derive(TT12, 5);
        assertThat(PlanDiff.between(plan, plan).isUnchanged()).isTrue();
    }
}
