package vn.khien.systems.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khien.systems.classification.Baseline.ND331;
import static vn.khien.systems.classification.Baseline.ND85;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every criterion of both decrees, with boundary values on both sides. */
class ClassificationCriteriaTest {

    private static final RegimeCatalog CATALOG = RegimeCatalog.loadDefault();
    private static final ClassificationEngine ENGINE = new ClassificationEngine(CATALOG);

    static Stream<Arguments> nd85Cases() {
        return Stream.of(
                c(
                        ND85,
                        "internal, public only",
                        Baseline.answers(ND85, Map.of("system_type", "INTERNAL")),
                        1,
                        "nd85.l1.a"),
                c(
                        ND85,
                        "internal, private",
                        Baseline.answers(
                                ND85, Map.of("system_type", "INTERNAL", "info_types", List.of("PUBLIC", "PRIVATE"))),
                        2,
                        "nd85.l2.a"),
                c(
                        ND85,
                        "internal, personal",
                        Baseline.answers(ND85, Map.of("system_type", "INTERNAL", "info_types", List.of("PERSONAL"))),
                        2,
                        "nd85.l2.a"),
                c(
                        ND85,
                        "online public service level 1",
                        Baseline.citizen(ND85, Map.of("online_public_service_level", 1)),
                        2,
                        "nd85.l2.b1"),
                c(
                        ND85,
                        "online public service level 2 (boundary)",
                        Baseline.citizen(ND85, Map.of("online_public_service_level", 2)),
                        2,
                        "nd85.l2.b1"),
                c(
                        ND85,
                        "online service not conditional",
                        Baseline.citizen(ND85, Map.of("online_service_business_line", "NOT_CONDITIONAL")),
                        2,
                        "nd85.l2.b2"),
                c(
                        ND85,
                        "9,999 users (boundary)",
                        Baseline.citizen(ND85, Map.of("info_types", List.of("PERSONAL"), "users", 9_999)),
                        2,
                        "nd85.l2.b3"),
                c(
                        ND85,
                        "0 users of private info",
                        Baseline.citizen(ND85, Map.of("info_types", List.of("PRIVATE"), "users", 0)),
                        2,
                        "nd85.l2.b3"),
                c(
                        ND85,
                        "infrastructure of one body",
                        Baseline.answers(
                                ND85, Map.of("system_type", "INFRASTRUCTURE", "infrastructure_scope", "ONE_BODY")),
                        2,
                        "nd85.l2.c"),
                c(
                        ND85,
                        "state secret, harm",
                        Baseline.answers(
                                ND85,
                                Map.of(
                                        "system_type",
                                        "INTERNAL",
                                        "info_types",
                                        List.of("STATE_SECRET"),
                                        "defence_security_harm",
                                        "HARM")),
                        3,
                        "nd85.l3.a"),
                c(
                        ND85,
                        "defence system, harm",
                        Baseline.answers(
                                ND85, Map.of("serves_defence_security", true, "defence_security_harm", "HARM")),
                        3,
                        "nd85.l3.a"),
                c(
                        ND85,
                        "online public service level 3 (boundary)",
                        Baseline.citizen(ND85, Map.of("online_public_service_level", 3)),
                        3,
                        "nd85.l3.b1"),
                c(
                        ND85,
                        "online public service level 4",
                        Baseline.citizen(ND85, Map.of("online_public_service_level", 4)),
                        3,
                        "nd85.l3.b1"),
                c(
                        ND85,
                        "conditional business line",
                        Baseline.citizen(ND85, Map.of("online_service_business_line", "CONDITIONAL")),
                        3,
                        "nd85.l3.b2"),
                c(
                        ND85,
                        "10,000 users (boundary)",
                        Baseline.citizen(ND85, Map.of("info_types", List.of("PERSONAL"), "users", 10_000)),
                        3,
                        "nd85.l3.b3"),
                c(
                        ND85,
                        "1,000,000 users",
                        Baseline.citizen(
                                ND85, Map.of("info_types", List.of("PRIVATE", "PERSONAL"), "users", 1_000_000L)),
                        3,
                        "nd85.l3.b3"),
                c(
                        ND85,
                        "sector/province infrastructure",
                        Baseline.answers(
                                ND85,
                                Map.of("system_type", "INFRASTRUCTURE", "infrastructure_scope", "SECTOR_OR_PROVINCES")),
                        3,
                        "nd85.l3.c"),
                c(
                        ND85,
                        "ICS grade IV",
                        Baseline.answers(ND85, Map.of("system_type", "ICS", "ics_works_grade", "IV")),
                        3,
                        "nd85.l3.d"),
                c(
                        ND85,
                        "ICS grade III",
                        Baseline.answers(ND85, Map.of("system_type", "ICS", "ics_works_grade", "III")),
                        3,
                        "nd85.l3.d"),
                c(
                        ND85,
                        "ICS grade II",
                        Baseline.answers(ND85, Map.of("system_type", "ICS", "ics_works_grade", "II")),
                        3,
                        "nd85.l3.d"),
                c(
                        ND85,
                        "state secret, serious harm",
                        Baseline.answers(
                                ND85,
                                Map.of("info_types", List.of("STATE_SECRET"), "defence_security_harm", "SERIOUS_HARM")),
                        4,
                        "nd85.l4.a"),
                c(
                        ND85,
                        "national e-gov 24/7",
                        Baseline.answers(ND85, Map.of("national_egov_system", true, "requires_24x7", true)),
                        4,
                        "nd85.l4.b"),
                c(
                        ND85,
                        "nationwide infrastructure 24/7",
                        Baseline.answers(
                                ND85,
                                Map.of(
                                        "system_type",
                                        "INFRASTRUCTURE",
                                        "infrastructure_scope",
                                        "NATIONWIDE",
                                        "requires_24x7",
                                        true)),
                        4,
                        "nd85.l4.c"),
                c(
                        ND85,
                        "ICS grade I",
                        Baseline.answers(ND85, Map.of("system_type", "ICS", "ics_works_grade", "I")),
                        4,
                        "nd85.l4.d"),
                c(
                        ND85,
                        "defence, especially serious harm",
                        Baseline.answers(
                                ND85,
                                Map.of(
                                        "serves_defence_security",
                                        true,
                                        "defence_security_harm",
                                        "ESPECIALLY_SERIOUS_HARM")),
                        5,
                        "nd85.l5.a"),
                c(
                        ND85,
                        "centralised national data",
                        Baseline.answers(ND85, Map.of("centralised_national_data", true)),
                        5,
                        "nd85.l5.b"),
                c(
                        ND85,
                        "international link",
                        Baseline.answers(
                                ND85,
                                Map.of("system_type", "INFRASTRUCTURE", "infrastructure_scope", "INTERNATIONAL_LINK")),
                        5,
                        "nd85.l5.c"),
                c(
                        ND85,
                        "ICS special grade",
                        Baseline.answers(ND85, Map.of("system_type", "ICS", "ics_works_grade", "SPECIAL")),
                        5,
                        "nd85.l5.d"),
                c(
                        ND85,
                        "ICS national-security works",
                        Baseline.answers(
                                ND85, Map.of("system_type", "ICS", "ics_works_grade", "NATIONAL_SECURITY_WORK")),
                        5,
                        "nd85.l5.d"),
                c(
                        ND85,
                        "Prime Minister decision",
                        Baseline.answers(ND85, Map.of("pm_decided_level", 5)),
                        5,
                        "nd85.l5.e"));
    }

    static Stream<Arguments> nd331Cases() {
        return Stream.of(
                c(
                        ND331,
                        "internal, public only",
                        Baseline.answers(ND331, Map.of("system_type", "INTERNAL")),
                        1,
                        "nd331.l1.a"),
                c(
                        ND331,
                        "risk framework level 1",
                        Baseline.answers(ND331, Map.of("risk_framework_level", 1)),
                        1,
                        "nd331.l1.b"),
                c(
                        ND331,
                        "PM decision level 1",
                        Baseline.answers(ND331, Map.of("pm_decided_level", 1)),
                        1,
                        "nd331.l1.b"),
                c(
                        ND331,
                        "internal, personal",
                        Baseline.answers(ND331, Map.of("system_type", "INTERNAL", "info_types", List.of("PERSONAL"))),
                        2,
                        "nd331.l2.a"),
                c(
                        ND331,
                        "online service not conditional",
                        Baseline.citizen(ND331, Map.of("online_service_business_line", "NOT_CONDITIONAL")),
                        2,
                        "nd331.l2.b"),
                c(
                        ND331,
                        "99,999 basic subjects (boundary)",
                        Baseline.citizen(ND331, Map.of("basic_pd_subjects", 99_999, "sensitive_pd_subjects", 0)),
                        2,
                        "nd331.l2.c"),
                c(
                        ND331,
                        "9,999 sensitive subjects (boundary)",
                        Baseline.citizen(ND331, Map.of("basic_pd_subjects", 0, "sensitive_pd_subjects", 9_999)),
                        2,
                        "nd331.l2.c"),
                c(
                        ND331,
                        "infrastructure of one body",
                        Baseline.answers(
                                ND331, Map.of("system_type", "INFRASTRUCTURE", "infrastructure_scope", "ONE_BODY")),
                        2,
                        "nd331.l2.d"),
                c(
                        ND331,
                        "risk framework level 2",
                        Baseline.answers(ND331, Map.of("risk_framework_level", 2)),
                        2,
                        "nd331.l2.e"),
                c(
                        ND331,
                        "PM decision level 2",
                        Baseline.answers(ND331, Map.of("pm_decided_level", 2)),
                        2,
                        "nd331.l2.e"),
                c(
                        ND331,
                        "state secret, harm",
                        Baseline.answers(
                                ND331, Map.of("info_types", List.of("STATE_SECRET"), "defence_security_harm", "HARM")),
                        3,
                        "nd331.l3.a"),
                c(
                        ND331,
                        "conditional business line",
                        Baseline.citizen(
                                ND331,
                                Map.of(
                                        "online_service_business_line",
                                        "CONDITIONAL",
                                        "basic_pd_subjects",
                                        0,
                                        "sensitive_pd_subjects",
                                        0)),
                        3,
                        "nd331.l3.b"),
                c(
                        ND331,
                        "administrative procedures",
                        Baseline.answers(ND331, Map.of("handles_administrative_procedures", true)),
                        3,
                        "nd331.l3.c"),
                c(
                        ND331,
                        "100,000 basic subjects (boundary)",
                        Baseline.citizen(ND331, Map.of("basic_pd_subjects", 100_000, "sensitive_pd_subjects", 0)),
                        3,
                        "nd331.l3.d1"),
                c(
                        ND331,
                        "10,000 sensitive subjects (boundary)",
                        Baseline.citizen(ND331, Map.of("basic_pd_subjects", 0, "sensitive_pd_subjects", 10_000)),
                        3,
                        "nd331.l3.d2"),
                c(
                        ND331,
                        "sector/province infrastructure",
                        Baseline.answers(
                                ND331,
                                Map.of("system_type", "INFRASTRUCTURE", "infrastructure_scope", "SECTOR_OR_PROVINCES")),
                        3,
                        "nd331.l3.e"),
                c(
                        ND331,
                        "ICS grade IV",
                        Baseline.answers(ND331, Map.of("system_type", "ICS", "ics_works_grade", "IV")),
                        3,
                        "nd331.l3.f"),
                c(
                        ND331,
                        "ICS grade II",
                        Baseline.answers(ND331, Map.of("system_type", "ICS", "ics_works_grade", "II")),
                        3,
                        "nd331.l3.f"),
                c(
                        ND331,
                        "risk framework level 3",
                        Baseline.answers(ND331, Map.of("risk_framework_level", 3)),
                        3,
                        "nd331.l3.g"),
                c(
                        ND331,
                        "state secret, serious harm",
                        Baseline.answers(
                                ND331,
                                Map.of("info_types", List.of("STATE_SECRET"), "defence_security_harm", "SERIOUS_HARM")),
                        4,
                        "nd331.l4.a"),
                c(
                        ND331,
                        "national e-gov 24/7",
                        Baseline.answers(ND331, Map.of("national_egov_system", true, "requires_24x7", true)),
                        4,
                        "nd331.l4.b"),
                c(
                        ND331,
                        "nationwide infrastructure 24/7",
                        Baseline.answers(
                                ND331,
                                Map.of(
                                        "system_type",
                                        "INFRASTRUCTURE",
                                        "infrastructure_scope",
                                        "NATIONWIDE",
                                        "requires_24x7",
                                        true)),
                        4,
                        "nd331.l4.b"),
                c(
                        ND331,
                        "ICS grade I",
                        Baseline.answers(ND331, Map.of("system_type", "ICS", "ics_works_grade", "I")),
                        4,
                        "nd331.l4.c"),
                c(
                        ND331,
                        "PM decision level 4",
                        Baseline.answers(ND331, Map.of("pm_decided_level", 4)),
                        4,
                        "nd331.l4.d"),
                c(
                        ND331,
                        "strategic defence, especially serious harm",
                        Baseline.answers(
                                ND331,
                                Map.of(
                                        "serves_defence_security",
                                        true,
                                        "defence_security_harm",
                                        "ESPECIALLY_SERIOUS_HARM")),
                        5,
                        "nd331.l5.a"),
                c(
                        ND331,
                        "centralised national data",
                        Baseline.answers(ND331, Map.of("centralised_national_data", true)),
                        5,
                        "nd331.l5.b"),
                c(
                        ND331,
                        "international link",
                        Baseline.answers(
                                ND331,
                                Map.of("system_type", "INFRASTRUCTURE", "infrastructure_scope", "INTERNATIONAL_LINK")),
                        5,
                        "nd331.l5.c"),
                c(
                        ND331,
                        "ICS special grade",
                        Baseline.answers(ND331, Map.of("system_type", "ICS", "ics_works_grade", "SPECIAL")),
                        5,
                        "nd331.l5.d"),
                c(
                        ND331,
                        "risk framework level 5",
                        Baseline.answers(ND331, Map.of("risk_framework_level", 5)),
                        5,
                        "nd331.l5.e"));
    }

    static Stream<Arguments> allCases() {
        return Stream.concat(nd85Cases(), nd331Cases());
    }

    @ParameterizedTest(name = "{0} {1} → level {3} by {4}")
    @MethodSource("allCases")
    void proposesTheLevelOfTheDecidingCriterion(
            String regimeId,
            String description,
            Map<String, Object> answers,
            int expectedLevel,
            String expectedCriterion) {
        ClassificationResult result = ENGINE.classify(regimeId, answers);

        assertThat(result.proposedLevel()).as(description).isEqualTo(expectedLevel);
        assertThat(result.decidingCriteria()).extracting(Criterion::id).contains(expectedCriterion);
        assertThat(result.decidingCriteria())
                .allSatisfy(c -> assertThat(c.legalRef()).isNotBlank());
        assertThat(result.byDefault()).isFalse();
    }

    @Test
    void theTablesExerciseEveryCriterionOfBothDecrees() {
        Set<String> exercised = allCases().map(a -> (String) a.get()[4]).collect(Collectors.toSet());
        Set<String> all = new HashSet<>();
        CATALOG.all().forEach(regime -> regime.criteria().forEach(c -> all.add(c.id())));

        assertThat(exercised).containsExactlyInAnyOrderElementsOf(all);
    }

    static Stream<Arguments> belowEveryThreshold() {
        return Stream.of(
                Arguments.of(ND85, Baseline.citizen(ND85, Map.of("online_public_service_level", 0))),
                Arguments.of(
                        ND85, Baseline.answers(ND85, Map.of("system_type", "ICS", "ics_works_grade", "NOT_GRADED"))),
                Arguments.of(
                        ND85, Baseline.answers(ND85, Map.of("national_egov_system", true, "requires_24x7", false))),
                Arguments.of(
                        ND331, Baseline.answers(ND331, Map.of("system_type", "ICS", "ics_works_grade", "NOT_GRADED"))),
                Arguments.of(
                        ND331, Baseline.answers(ND331, Map.of("national_egov_system", true, "requires_24x7", false))),
                // Nationwide infrastructure that need not run 24/7: neither level 3 (one sector/province) nor 4.
                Arguments.of(
                        ND85,
                        Baseline.answers(
                                ND85,
                                Map.of(
                                        "system_type",
                                        "INFRASTRUCTURE",
                                        "infrastructure_scope",
                                        "NATIONWIDE",
                                        "requires_24x7",
                                        false))),
                Arguments.of(
                        ND331,
                        Baseline.answers(
                                ND331,
                                Map.of(
                                        "system_type",
                                        "INFRASTRUCTURE",
                                        "infrastructure_scope",
                                        "NATIONWIDE",
                                        "requires_24x7",
                                        false))));
    }

    @ParameterizedTest
    @MethodSource("belowEveryThreshold")
    void meetingNoCriterionIsReportedNotGuessed(String regimeId, Map<String, Object> answers) {
        Assertions.assertThatThrownBy(() -> ENGINE.classify(regimeId, answers))
                .isInstanceOf(NoCriterionMetException.class)
                .hasMessageContaining(regimeId);
    }

    @Test
    void highestLevelWinsAndAllMatchesAreListedHighestFirst() {
        Map<String, Object> answers = Baseline.citizen(
                ND85,
                Map.of(
                        "online_public_service_level",
                        2,
                        "info_types",
                        List.of("PERSONAL"),
                        "users",
                        50_000,
                        "centralised_national_data",
                        true));

        ClassificationResult result = ENGINE.classify(ND85, answers);

        assertThat(result.proposedLevel()).isEqualTo(5);
        assertThat(result.decidingCriteria()).extracting(Criterion::id).containsExactly("nd85.l5.b");
        assertThat(result.matchedCriteria())
                .extracting(Criterion::id)
                .containsExactly("nd85.l5.b", "nd85.l3.b3", "nd85.l2.b1");
    }

    @Test
    void stateSecretsExcludeTheInternalLevel2Criterion() {
        Map<String, Object> answers = Baseline.answers(
                ND85,
                Map.of(
                        "system_type",
                        "INTERNAL",
                        "info_types",
                        List.of("PRIVATE", "STATE_SECRET"),
                        "defence_security_harm",
                        "HARM"));

        ClassificationResult result = ENGINE.classify(ND85, answers);

        assertThat(result.matchedCriteria()).extracting(Criterion::id).containsExactly("nd85.l3.a");
    }

    @Test
    void underNd331AnyAdministrativeProcedureSystemIsLevel3EvenWithFewDataSubjects() {
        Map<String, Object> answers = Baseline.citizen(
                ND331,
                Map.of("handles_administrative_procedures", true, "basic_pd_subjects", 10, "sensitive_pd_subjects", 0));

        ClassificationResult result = ENGINE.classify(ND331, answers);

        assertThat(result.proposedLevel()).isEqualTo(3);
        assertThat(result.decidingCriteria()).extracting(Criterion::id).containsExactly("nd331.l3.c");
        assertThat(result.matchedCriteria()).extracting(Criterion::id).contains("nd331.l2.c");
    }

    @Test
    void sameFactsCanGiveDifferentLevelsUnderTheTwoRegimes() {
        // 50,000 users' personal data: level 3 under NĐ 85 (≥10,000 users), level 2 under NĐ 331 (<100,000 basic).
        ClassificationResult legacy = ENGINE.classify(
                ND85, Baseline.citizen(ND85, Map.of("info_types", List.of("PERSONAL"), "users", 50_000)));
        ClassificationResult current = ENGINE.classify(
                ND331,
                Baseline.citizen(
                        ND331,
                        Map.of(
                                "info_types",
                                List.of("PERSONAL"),
                                "basic_pd_subjects",
                                50_000,
                                "sensitive_pd_subjects",
                                0)));

        assertThat(legacy.proposedLevel()).isEqualTo(3);
        assertThat(current.proposedLevel()).isEqualTo(2);
    }

    private static Arguments c(
            String regime, String description, Map<String, Object> answers, int level, String criterion) {
        return Arguments.of(regime, description, answers, level, criterion);
    }
}
