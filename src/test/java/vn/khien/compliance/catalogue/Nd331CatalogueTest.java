package vn.khien.compliance.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Nd331CatalogueTest {

    private static final Catalogue ND331 = CatalogueLoader.loadNd331();

    @Test
    void isAProvisionalNewRegimeCatalogue() {
        assertThat(ND331.header().regime()).isEqualTo(Regime.NEW);
        assertThat(ND331.header().version()).contains("provisional");
        assertThat(ND331.header().effectiveFrom()).hasToString("2026-08-19");
        assertThat(ND331.header().confidence().needsVerification()).isTrue();
    }

    @Test
    void itemsFromTheUnverifiedStandardAreFlaggedUnconfirmed() {
        assertThat(ND331.requirements())
                .filteredOn(r -> r.sources().stream().anyMatch(s -> s.document().contains("14423")))
                .isNotEmpty()
                .allMatch(r -> r.confidence() == Confidence.UNCONFIRMED);
        assertThat(ND331.find("ND331.M.OPERATIONS.2").orElseThrow().confidence())
                .isEqualTo(Confidence.PRIMARY);
    }

    @Test
    void everyItemHasASourceAndLevelFiveGetsPhysicalHostingSeparation() {
        assertThat(ND331.requirements()).allMatch(r -> !r.sources().isEmpty());
        assertThat(PlanDerivation.derive(ND331, 5))
                .contains("ND331.D.NETWORK.2")
                .doesNotContain("ND331.D.NETWORK.1");
        assertThat(PlanDerivation.derive(ND331, 4)).contains("ND331.D.NETWORK.1");
    }
}
