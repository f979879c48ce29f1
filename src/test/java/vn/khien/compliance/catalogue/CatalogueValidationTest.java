package vn.khien.compliance.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CatalogueValidationTest {

    private static final String HEADER = """
            catalogue:
              id: TEST
              version: "1"
              layer: BASE
              regime: LEGACY
              titleEn: Test
              legalSource: Test source
            requirements:
            """;

    private static String item(String id, String group, String levels, boolean withSource) {
        return """
                  - id: %s
                    kind: MANAGEMENT
                    group: %s
                    textVi: vi
                    textEn: en
                    levels: %s
                """.formatted(id, group, levels)
                + (withSource ? "    sources:\n      - {document: Doc, clause: '1'}\n" : "");
    }

    @Test
    void acceptsAMinimalValidCatalogue() {
        Catalogue catalogue = CatalogueLoader.fromYaml(HEADER + item("A.1", "POLICY", "[1, 2]", true), "test");
        assertThat(catalogue.requirementsFor(2)).extracting(Requirement::id).containsExactly("A.1");
    }

    @Test
    void reportsDuplicateIdsNamingTheItem() {
        String yaml = HEADER + item("A.1", "POLICY", "[1]", true) + item("A.1", "RISK", "[2]", true);
        assertThatThrownBy(() -> CatalogueLoader.fromYaml(yaml, "test"))
                .isInstanceOf(CatalogueValidationException.class)
                .hasMessageContaining("requirement 'A.1': duplicate id");
    }

    @Test
    void reportsLevelsOutsideOneToFive() {
        assertThatThrownBy(() -> CatalogueLoader.fromYaml(HEADER + item("A.1", "POLICY", "[0, 6]", true), "t"))
                .hasMessageContaining("requirement 'A.1': level 0 is outside 1–5")
                .hasMessageContaining("requirement 'A.1': level 6 is outside 1–5");
        assertThatThrownBy(() -> CatalogueLoader.fromYaml(HEADER + item("A.1", "POLICY", "[]", true), "t"))
                .hasMessageContaining("requirement 'A.1': applies to no level");
    }

    @Test
    void reportsMissingLegalSource() {
        assertThatThrownBy(() -> CatalogueLoader.fromYaml(HEADER + item("A.1", "POLICY", "[3]", false), "t"))
                .hasMessageContaining("requirement 'A.1': has no legal source");
    }

    @Test
    void reportsUnknownOrMismatchedGroups() {
        assertThatThrownBy(() -> CatalogueLoader.fromYaml(HEADER + item("A.1", "HR", "[3]", true), "t"))
                .hasMessageContaining("requirement 'A.1': unknown group 'HR'");
        assertThatThrownBy(() -> CatalogueLoader.fromYaml(HEADER + item("A.1", "NETWORK", "[3]", true), "t"))
                .hasMessageContaining("requirement 'A.1': group NETWORK does not fit kind MANAGEMENT");
    }

    @Test
    void collectsAllProblemsAtOnce() {
        String yaml = HEADER + item("A.1", "POLICY", "[9]", false) + item("A.2", "BOGUS", "[1]", true);
        assertThatThrownBy(() -> CatalogueLoader.fromYaml(yaml, "t"))
                .isInstanceOfSatisfying(
                        CatalogueValidationException.class,
                        failure -> assertThat(failure.problems())
                                .anyMatch(p -> p.contains("'A.1'") && p.contains("level 9"))
                                .anyMatch(p -> p.contains("'A.1'") && p.contains("no legal source"))
                                .anyMatch(p -> p.contains("'A.2'") && p.contains("BOGUS")));
    }

    @Test
    void baseCataloguesMustNameTheirRegime() {
        String yaml = HEADER.replace("  regime: LEGACY\n", "") + item("A.1", "POLICY", "[1]", true);
        assertThatThrownBy(() -> CatalogueLoader.fromYaml(yaml, "t")).hasMessageContaining("must name its regime");
    }

    @Test
    void rejectsMalformedYaml() {
        assertThatThrownBy(() -> CatalogueLoader.fromYaml("catalogue: [unclosed", "t"))
                .isInstanceOf(CatalogueValidationException.class)
                .hasMessageContaining("not valid YAML");
    }
}
