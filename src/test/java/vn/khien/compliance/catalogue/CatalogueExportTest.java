package vn.khien.compliance.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogueExportTest {

    @Test
    void tt12RoundTripsThroughExportAndImport() {
        Catalogue original = CatalogueLoader.loadTt12();
        String exported = CatalogueExporter.toYaml(original);
        assertThat(exported).contains("TT12.M.POLICY.1").contains("Chính sách an toàn thông tin");
        assertThat(CatalogueLoader.fromYaml(exported, "export")).isEqualTo(original);
    }

    @Test
    void nd331RoundTripsThroughExportAndImport() {
        Catalogue original = CatalogueLoader.loadNd331();
        assertThat(CatalogueLoader.fromYaml(CatalogueExporter.toYaml(original), "export"))
                .isEqualTo(original);
    }

    @Test
    void organisationLayerRoundTrips() {
        Catalogue layer = OrganisationLayers.internalPolicies("SO-KHCN-HN", null);
        assertThat(CatalogueLoader.fromYaml(CatalogueExporter.toYaml(layer), "export"))
                .isEqualTo(layer);
    }
}
