package vn.khien.systems.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.khien.systems.rules.RuleDataException;
import vn.khien.systems.rules.RuleYaml;
import vn.khien.systems.rules.YamlMap;

/** Every criterion cites its legal source; ids are unique; broken rule files fail loudly. */
class RuleDataIntegrityTest {

    private static final RegimeCatalog CATALOG = RegimeCatalog.loadDefault();

    @Test
    void everyCriterionHasALegalSourceOfItsOwnDecree() {
        for (Regime regime : CATALOG.all()) {
            String decree = regime.id().startsWith("nd85") ? "NĐ 85/2016" : "NĐ 331/2026";
            assertThat(regime.criteria()).as(regime.id()).allSatisfy(c -> {
                assertThat(c.legalRef()).startsWith(decree);
                assertThat(c.descriptionVi()).isNotBlank();
                assertThat(c.descriptionEn()).isNotBlank();
                assertThat(c.confidence()).isNotNull();
            });
        }
    }

    @Test
    void everyQuestionHasBothLanguagesAndALegalReference() {
        CATALOG.all()
                .forEach(regime -> assertThat(regime.questions()).allSatisfy(q -> {
                    assertThat(q.textVi()).isNotBlank();
                    assertThat(q.textEn()).isNotBlank();
                    assertThat(q.legalRef()).isNotBlank();
                }));
    }

    @Test
    void criterionIdsAreUniqueAcrossAllRegimes() {
        List<String> ids = new ArrayList<>();
        CATALOG.all().forEach(regime -> regime.criteria().forEach(c -> ids.add(c.id())));

        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void rawYamlIdsAreUniqueWithinEachFile() {
        for (String resource : RegimeCatalog.DEFAULT_RESOURCES) {
            YamlMap root = RuleYaml.loadClasspath(resource);
            List<String> criterionIds =
                    root.maps("criteria").stream().map(m -> m.string("id")).collect(Collectors.toList());
            List<String> questionIds =
                    root.maps("questions").stream().map(m -> m.string("id")).collect(Collectors.toList());
            assertThat(criterionIds).as(resource).doesNotHaveDuplicates();
            assertThat(questionIds).as(resource).doesNotHaveDuplicates();
        }
    }

    @Test
    void everyLevelHasCriteriaInEveryRegimeAndTheRegimesDoNotOverlapInTime() {
        for (Regime regime : CATALOG.all()) {
            Set<Integer> levels =
                    regime.criteria().stream().map(Criterion::level).collect(Collectors.toCollection(HashSet::new));
            assertThat(levels).as(regime.id()).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        }
        Regime legacy = CATALOG.get("nd85-2016");
        Regime current = CATALOG.get("nd331-2026");
        assertThat(legacy.effectiveTo()).isEqualTo(current.effectiveFrom().minusDays(1));
    }

    @Test
    void everyChoiceOptionHasAVietnameseAndAnEnglishLabel() {
        CATALOG.all()
                .forEach(regime -> regime.questions().stream()
                        .filter(q -> !q.options().isEmpty())
                        .forEach(q -> assertThat(q.options())
                                .as(regime.id() + " " + q.id())
                                .allSatisfy(option -> {
                                    Question.OptionLabel label =
                                            q.optionLabels().get(option);
                                    assertThat(label)
                                            .as(regime.id() + " " + q.id() + " " + option)
                                            .isNotNull();
                                    assertThat(label.vi()).isNotBlank().isNotEqualTo(option);
                                    assertThat(label.en()).isNotBlank().isNotEqualTo(option);
                                    assertThat(q.optionLabel(option, false)).isEqualTo(label.vi());
                                    assertThat(q.optionLabel(option, true)).isEqualTo(label.en());
                                })));
        Question systemType = CATALOG.get("nd331-2026").questions().stream()
                .filter(q -> q.id().equals("system_type"))
                .findFirst()
                .orElseThrow();
        assertThat(systemType.optionLabel("CITIZEN_BUSINESS", false)).isEqualTo("Phục vụ người dân, doanh nghiệp");
        assertThat(systemType.optionLabel("CITIZEN_BUSINESS", true)).isEqualTo("Services to citizens and businesses");
    }

    @Test
    void anOptionWithoutALabelFailsLoadingWhenTheQuestionHasLabels() {
        String yaml = regimeYaml("{question: kind, in: [A]}")
                .replace("options: [A, B],", "options: [A, B], option_labels: {A: {vi: \"Một\", en: \"One\"}},");
        assertThatThrownBy(() -> RegimeReader.read(RuleYaml.parse(new StringReader(yaml), "broken.yaml")))
                .isInstanceOf(RuleDataException.class)
                .hasMessageContaining("B")
                .hasMessageContaining("label");
    }

    @Test
    void aConditionOnAnUnknownQuestionFailsLoading() {
        String yaml = regimeYaml("{question: colour, op: \"==\", value: RED}");

        assertThatThrownBy(() -> RegimeReader.read(RuleYaml.parse(new StringReader(yaml), "broken.yaml")))
                .isInstanceOf(RuleDataException.class)
                .hasMessageContaining("colour")
                .hasMessageContaining("broken.yaml");
    }

    @Test
    void aConditionOnAnUnknownOptionFailsLoading() {
        String yaml = regimeYaml("{question: kind, in: [MAINFRAME]}");

        assertThatThrownBy(() -> RegimeReader.read(RuleYaml.parse(new StringReader(yaml), "broken.yaml")))
                .isInstanceOf(RuleDataException.class)
                .hasMessageContaining("MAINFRAME");
    }

    @Test
    void orderingOperatorsOnNonNumbersFailLoading() {
        String yaml = regimeYaml("{question: kind, op: \">=\", value: A}");

        assertThatThrownBy(() -> RegimeReader.read(RuleYaml.parse(new StringReader(yaml), "broken.yaml")))
                .isInstanceOf(RuleDataException.class)
                .hasMessageContaining(">=");
    }

    @Test
    void aMissingLegalReferenceFailsLoading() {
        String yaml = regimeYaml("{question: kind, in: [A]}").replace("    legal_ref: \"Test Đ1\"\n", "");

        assertThatThrownBy(() -> RegimeReader.read(RuleYaml.parse(new StringReader(yaml), "broken.yaml")))
                .isInstanceOf(RuleDataException.class)
                .hasMessageContaining("legal_ref");
    }

    @Test
    void aRegimeMayDeclareADefaultLevelUsedWhenNothingMatches() {
        RegimeCatalog catalog = RegimeCatalog.load(List.of("rules-test/default-level-regime.yaml"));
        ClassificationEngine engine = new ClassificationEngine(catalog);

        ClassificationResult fallback = engine.classify("test-default", Map.of("kind", "B"));
        ClassificationResult matched = engine.classify("test-default", Map.of("kind", "A"));

        assertThat(fallback.proposedLevel()).isEqualTo(1);
        assertThat(fallback.byDefault()).isTrue();
        assertThat(fallback.decidingCriteria()).isEmpty();
        assertThat(matched.proposedLevel()).isEqualTo(2);
        assertThat(matched.byDefault()).isFalse();
    }

    private static String regimeYaml(String condition) {
        return "id: test\nversion: 1\ntitle_vi: T\ntitle_en: T\nlegal_source: S\neffective_from: 2020-01-01\n"
                + "questions:\n  - {id: kind, type: choice, required: true, options: [A, B], text_vi: L, text_en: K, legal_ref: X}\n"
                + "criteria:\n  - id: t.1\n    level: 2\n    legal_ref: \"Test Đ1\"\n    confidence: PRIMARY\n"
                + "    description_vi: d\n    description_en: d\n    when: " + condition + "\n";
    }
}
