package vn.khien.systems.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.khien.systems.classification.Baseline.ND331;
import static vn.khien.systems.classification.Baseline.ND85;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NĐ 85/2016 Đ5 and NĐ 331/2026 Đ8.2: a composite system takes the highest level of its parts. */
class CompositeClassificationTest {

    private static final ClassificationEngine ENGINE = new ClassificationEngine(RegimeCatalog.loadDefault());

    private final ClassificationResult portal =
            ENGINE.classify(ND85, Baseline.citizen(ND85, Map.of("online_public_service_level", 2)));
    private final ClassificationResult oneStop =
            ENGINE.classify(ND85, Baseline.citizen(ND85, Map.of("online_public_service_level", 4)));
    private final ClassificationResult mail = ENGINE.classify(
            ND85, Baseline.answers(ND85, Map.of("system_type", "INTERNAL", "info_types", List.of("PRIVATE"))));

    @Test
    void takesTheHighestLevelOfItsParts() {
        ClassificationResult composite = ENGINE.proposeComposite(List.of(portal, oneStop, mail));

        assertThat(composite.regimeId()).isEqualTo(ND85);
        assertThat(composite.proposedLevel()).isEqualTo(3);
        assertThat(composite.decidingCriteria()).extracting(Criterion::id).containsExactly("nd85.l3.b1");
        assertThat(composite.matchedCriteria())
                .extracting(Criterion::id)
                .containsExactly("nd85.l3.b1", "nd85.l2.b1", "nd85.l2.a");
    }

    @Test
    void deduplicatesCriteriaSharedByPartsAtTheTopLevel() {
        ClassificationResult composite = ENGINE.proposeComposite(List.of(portal, portal, mail));

        assertThat(composite.proposedLevel()).isEqualTo(2);
        assertThat(composite.decidingCriteria()).extracting(Criterion::id).containsExactly("nd85.l2.b1", "nd85.l2.a");
    }

    @Test
    void aSinglePartIsItsOwnComposite() {
        assertThat(ENGINE.proposeComposite(List.of(oneStop)).proposedLevel()).isEqualTo(3);
    }

    @Test
    void refusesPartsClassifiedUnderDifferentRegimes() {
        ClassificationResult newRegimePart =
                ENGINE.classify(ND331, Baseline.answers(ND331, Map.of("system_type", "INTERNAL")));

        assertThatThrownBy(() -> ENGINE.proposeComposite(List.of(portal, newRegimePart)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different regimes");
    }

    @Test
    void refusesAnEmptyComposite() {
        assertThatThrownBy(() -> ENGINE.proposeComposite(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
