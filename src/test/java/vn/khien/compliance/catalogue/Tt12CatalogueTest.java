package vn.khien.compliance.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped Circular 12/2022 catalogue against the counts and clauses of regulation.md §4.4–4.5. */
class Tt12CatalogueTest {

    private static final Catalogue TT12 = CatalogueLoader.loadTt12();

    @ParameterizedTest(name = "level {0}: {1} management, {2} design, {3} configuration items, {4} zones")
    @CsvSource({
        // level, management (§4.4), design (§4.5.1), configuration (§4.5.2), minimum zones (§4.5.1 zone table)
        "1, 15,  3, 13, 3",
        "2, 18,  6, 17, 5",
        "3, 22, 16, 21, 7",
        "4, 22, 17, 21, 8",
        "5, 22, 19, 21, 8"
    })
    void countsPerLevelMatchTheRegulationDoc(int level, int management, int design, int configuration, int zones) {
        assertThat(TT12.requirementsFor(level, RequirementKind.MANAGEMENT)).hasSize(management);
        assertThat(TT12.requirementsFor(level, RequirementKind.DESIGN_ITEM)).hasSize(design);
        assertThat(TT12.requirementsFor(level, RequirementKind.CONFIGURATION_ITEM))
                .hasSize(configuration);
        assertThat(TT12.requirementsFor(level, RequirementKind.NETWORK_ZONE)).hasSize(zones);
    }

    @Test
    void levelThreeIsExactlyTheIssueDoneCriterion() {
        List<Requirement> levelThree = TT12.requirementsFor(3);
        assertThat(levelThree.stream().filter(r -> r.kind() == RequirementKind.MANAGEMENT))
                .hasSize(22);
        assertThat(levelThree.stream().filter(r -> r.kind() == RequirementKind.DESIGN_ITEM))
                .hasSize(16);
        assertThat(levelThree.stream().filter(r -> r.kind() == RequirementKind.CONFIGURATION_ITEM))
                .hasSize(21);
    }

    @Test
    void headerNamesLegacyRegimeAndLegalSource() {
        CatalogueHeader header = TT12.header();
        assertThat(header.id()).isEqualTo("TT12-2022");
        assertThat(header.regime()).isEqualTo(Regime.LEGACY);
        assertThat(header.layer()).isEqualTo(CatalogueLayer.BASE);
        assertThat(header.legalSource()).contains("12/2022/TT-BTTTT");
        assertThat(header.effectiveFrom()).hasToString("2022-10-01");
        assertThat(header.versionedId()).isEqualTo("TT12-2022@1.0.0");
    }

    @Test
    void idsAreUnique() {
        Set<String> ids = new HashSet<>();
        TT12.requirements()
                .forEach(requirement -> assertThat(ids.add(requirement.id()))
                        .as("duplicate id %s", requirement.id())
                        .isTrue());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void everyRequirementHasALegalSourceAtEveryLevelItAppliesTo(int level) {
        for (Requirement requirement : TT12.requirementsFor(level)) {
            assertThat(requirement.sourcesFor(level)).as(requirement.id()).isNotEmpty();
            assertThat(requirement.sourcesFor(level))
                    .as(requirement.id())
                    .anyMatch(source -> source.document().contains("12/2022/TT-BTTTT"));
        }
    }

    @Test
    void managementAndConfigurationItemsCiteTheTcvnClauseOfTheirLevel() {
        Requirement dedicatedUnit = TT12.find("TT12.M.ORGANISATION.1").orElseThrow();
        assertThat(citations(dedicatedUnit, 1)).contains("TCVN 11930:2017 §5.1.2.1");
        assertThat(citations(dedicatedUnit, 3)).contains("TCVN 11930:2017 §7.1.2.1");
        // Incident management is heading 1.5.4 at level 2 but 1.5.8 at level 3.
        Requirement incidents = TT12.find("TT12.M.OPERATIONS.8").orElseThrow();
        assertThat(citations(incidents, 2)).contains("TCVN 11930:2017 §6.1.5.4");
        assertThat(citations(incidents, 3)).contains("TCVN 11930:2017 §7.1.5.8");
        Requirement externalAccess = TT12.find("TT12.C.NETWORK.1").orElseThrow();
        assertThat(citations(externalAccess, 3)).contains("TCVN 11930:2017 §7.2.1.2");
        Requirement backup = TT12.find("TT12.C.DATA.3").orElseThrow();
        assertThat(citations(backup, 1)).contains("TCVN 11930:2017 §5.2.4.1");
        assertThat(citations(backup, 5)).contains("TCVN 11930:2017 §9.2.4.3");
    }

    @Test
    void managementAndConfigurationTextIsMarkedParaphrasedButDesignItemsQuoteTheCircular() {
        assertThat(TT12.requirements())
                .filteredOn(r -> r.kind() == RequirementKind.MANAGEMENT)
                .allMatch(Requirement::paraphrased);
        assertThat(TT12.requirements())
                .filteredOn(r -> r.kind() == RequirementKind.CONFIGURATION_ITEM)
                .allMatch(Requirement::paraphrased);
        assertThat(TT12.requirements())
                .filteredOn(r -> r.kind() == RequirementKind.DESIGN_ITEM)
                .noneMatch(Requirement::paraphrased);
    }

    @Test
    void designProductsFollowTheLevel() {
        assertThat(productCodes(5)).contains("WAF", "SIEM", "PAM", "DLP", "BACKUP_SITE_30KM", "NIPS", "VPN");
        assertThat(productCodes(4)).contains("PAM", "SIEM", "IS_MONITORING").doesNotContain("BACKUP_SITE_30KM");
        assertThat(productCodes(3)).contains("SIEM", "DLP", "WAF").doesNotContain("PAM", "IS_MONITORING");
        assertThat(productCodes(1)).containsExactlyInAnyOrder("FIREWALL_IPS", "ANTI_MALWARE");
        DesignProduct levelThreeWaf =
                TT12.find("TT12.D.WAF").orElseThrow().designProductsFor(3).get(0);
        assertThat(levelThreeWaf.isConditional()).isTrue();
        assertThat(levelThreeWaf.conditionEn()).contains("Đ9.2");
    }

    @Test
    void levelSpecificWordingFallsBackToTheGeneralText() {
        Requirement vpn = TT12.find("TT12.D.VPN").orElseThrow();
        assertThat(vpn.textFor(5).textEn()).contains("VPN product");
        assertThat(vpn.textFor(1).textEn()).isEqualTo(vpn.textEn());
    }

    private static List<String> citations(Requirement requirement, int level) {
        return requirement.sourcesFor(level).stream()
                .map(LegalReference::citation)
                .toList();
    }

    private static Set<String> productCodes(int level) {
        Set<String> codes = new HashSet<>();
        TT12.requirementsFor(level).forEach(r -> r.designProductsFor(level).forEach(p -> codes.add(p.code())));
        return codes;
    }
}
