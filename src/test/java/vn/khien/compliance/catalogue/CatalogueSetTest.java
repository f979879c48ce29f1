package vn.khien.compliance.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueSetTest {

    private static final Catalogue TT12 = CatalogueLoader.loadTt12();

    @Test
    void organisationRequirementsJoinThePlanAfterTheLegalOnes() {
        CatalogueSet set = CatalogueSet.of(TT12, List.of(OrganisationLayers.internalPolicies("HN", null)));
        List<String> levelThree = List.copyOf(PlanDerivation.derive(set, 3));
        assertThat(levelThree).hasSize(TT12.requirementsFor(3).size() + 2);
        assertThat(levelThree.subList(levelThree.size() - 2, levelThree.size()))
                .containsExactly("ORG.HN.USB", "ORG.HN.MFA");
        assertThat(PlanDerivation.derive(set, 1)).contains("ORG.HN.MFA").doesNotContain("ORG.HN.USB");
        assertThat(set.catalogueOf("ORG.HN.USB")).map(Catalogue::id).contains("ORG-HN");
        assertThat(set.catalogueOf("TT12.D.WAF")).map(Catalogue::id).contains("TT12-2022");
        assertThat(set.find("ORG.HN.MFA")).isPresent();
    }

    @Test
    void rejectsALayerReusingAnId() {
        Catalogue layer = OrganisationLayers.internalPolicies("HN", null);
        assertThatThrownBy(() -> CatalogueSet.of(TT12, List.of(layer, layer)))
                .isInstanceOf(CatalogueValidationException.class)
                .hasMessageContaining("requirement 'ORG.HN.USB'")
                .hasMessageContaining("reuses an id");
    }

    @Test
    void rejectsALayerWrittenForAnotherRegime() {
        Catalogue layer = OrganisationLayers.internalPolicies("HN", Regime.NEW);
        assertThatThrownBy(() -> CatalogueSet.of(TT12, List.of(layer))).hasMessageContaining("regime NEW");
    }

    @Test
    void rejectsAnOrganisationLayerAsBase() {
        Catalogue layer = OrganisationLayers.internalPolicies("HN", null);
        assertThatThrownBy(() -> CatalogueSet.of(layer)).hasMessageContaining("not a BASE catalogue");
    }
}
