package vn.khien.systems.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CampaignCatalogTest {

    private static final CampaignCatalog CATALOG = CampaignCatalog.loadDefault();

    @Test
    void directive2634HasTheThreeDated2024Targets() {
        Campaign campaign = CATALOG.find("ct2634-2024").orElseThrow();

        assertThat(campaign.targets())
                .extracting(CampaignTarget::metric, CampaignTarget::due)
                .containsExactly(
                        tuple(CampaignMetric.DOSSIER_PREPARED, LocalDate.of(2024, 6, 30)),
                        tuple(CampaignMetric.LEVEL_APPROVED, LocalDate.of(2024, 9, 30)),
                        tuple(CampaignMetric.PLAN_DEPLOYED, LocalDate.of(2024, 12, 31)));
    }

    @Test
    void dispatch33AsksForTheReviewBy30April2024() {
        assertThat(CATALOG.find("cd33-2024").orElseThrow().targets()).anySatisfy(t -> {
            assertThat(t.metric()).isEqualTo(CampaignMetric.REVIEW_REPORTED);
            assertThat(t.due()).isEqualTo(LocalDate.of(2024, 4, 30));
        });
    }

    @Test
    void theNewRegimeTransitionWindowsAreSixAndTwelveMonthsFromJuly2026() {
        Campaign transition = CATALOG.find("nd331-transition").orElseThrow();

        assertThat(transition.targets())
                .extracting(CampaignTarget::id, CampaignTarget::due)
                .containsExactly(
                        tuple("investment-approved", LocalDate.of(2026, 12, 31)),
                        tuple("investment-new-measures", LocalDate.of(2027, 6, 30)),
                        tuple("levelled-new-measures", LocalDate.of(2027, 6, 30)));
        assertThat(transition.targets().get(0).legalRef()).contains("NĐ 331/2026 Đ39.1");
        assertThat(transition.targets().get(2).legalRef()).contains("Luật 116/2025 Đ45.1");
    }

    @Test
    void everyCampaignAndTargetHasALegalSource() {
        assertThat(CATALOG.all()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.legalSource()).isNotBlank();
            assertThat(c.targets())
                    .isNotEmpty()
                    .allSatisfy(t -> assertThat(t.legalRef()).isNotBlank());
        });
        assertThat(CATALOG.all()).extracting(Campaign::id).doesNotHaveDuplicates();
    }
}
