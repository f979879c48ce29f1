package vn.khien.systems.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.khien.systems.classification.Baseline.ND331;
import static vn.khien.systems.classification.Baseline.ND85;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.khien.systems.classification.InvalidAnswerException.Reason;

class AnswerValidationTest {

    private static final ClassificationEngine ENGINE = new ClassificationEngine(RegimeCatalog.loadDefault());

    static Stream<Arguments> invalidAnswers() {
        return Stream.of(
                Arguments.of(
                        ND85,
                        with(Baseline.answers(ND85, Map.of()), "colour", "blue"),
                        "colour",
                        Reason.UNKNOWN_QUESTION),
                // A question of the other regime is unknown here: NĐ 85 counts users, not data subjects.
                Arguments.of(
                        ND85,
                        with(Baseline.answers(ND85, Map.of()), "basic_pd_subjects", 5),
                        "basic_pd_subjects",
                        Reason.UNKNOWN_QUESTION),
                Arguments.of(
                        ND331, with(Baseline.answers(ND331, Map.of()), "users", 5), "users", Reason.UNKNOWN_QUESTION),
                Arguments.of(
                        ND85,
                        Baseline.citizen(ND85, Map.of("info_types", List.of("PERSONAL"), "users", "many")),
                        "users",
                        Reason.WRONG_TYPE),
                Arguments.of(
                        ND85,
                        Baseline.answers(ND85, Map.of("serves_defence_security", "yes")),
                        "serves_defence_security",
                        Reason.WRONG_TYPE),
                Arguments.of(
                        ND85, Baseline.answers(ND85, Map.of("info_types", "PUBLIC")), "info_types", Reason.WRONG_TYPE),
                Arguments.of(ND85, Baseline.answers(ND85, Map.of("system_type", 3)), "system_type", Reason.WRONG_TYPE),
                Arguments.of(
                        ND85,
                        Baseline.answers(ND85, Map.of("system_type", "MAINFRAME")),
                        "system_type",
                        Reason.NOT_AN_OPTION),
                Arguments.of(
                        ND85,
                        Baseline.answers(ND85, Map.of("info_types", List.of("PUBLIC", "GOSSIP"))),
                        "info_types",
                        Reason.NOT_AN_OPTION),
                Arguments.of(
                        ND85,
                        Baseline.answers(ND85, Map.of("info_types", List.of())),
                        "info_types",
                        Reason.MISSING_REQUIRED),
                Arguments.of(
                        ND85,
                        Baseline.citizen(ND85, Map.of("online_public_service_level", 5)),
                        "online_public_service_level",
                        Reason.OUT_OF_RANGE),
                Arguments.of(
                        ND331,
                        Baseline.citizen(ND331, Map.of("basic_pd_subjects", -1)),
                        "basic_pd_subjects",
                        Reason.OUT_OF_RANGE),
                Arguments.of(
                        ND331,
                        Baseline.answers(ND331, Map.of("risk_framework_level", 6)),
                        "risk_framework_level",
                        Reason.OUT_OF_RANGE),
                Arguments.of(
                        ND85,
                        without(Baseline.answers(ND85, Map.of()), "system_type"),
                        "system_type",
                        Reason.MISSING_REQUIRED),
                Arguments.of(
                        ND331,
                        without(Baseline.answers(ND331, Map.of()), "handles_administrative_procedures"),
                        "handles_administrative_procedures",
                        Reason.MISSING_REQUIRED),
                // Conditionally required: users once a citizen system processes personal information.
                Arguments.of(
                        ND85,
                        Baseline.citizen(ND85, Map.of("info_types", List.of("PERSONAL"))),
                        "users",
                        Reason.MISSING_REQUIRED),
                Arguments.of(
                        ND331,
                        without(Baseline.citizen(ND331, Map.of()), "sensitive_pd_subjects"),
                        "sensitive_pd_subjects",
                        Reason.MISSING_REQUIRED),
                Arguments.of(
                        ND85,
                        Baseline.answers(ND85, Map.of("info_types", List.of("STATE_SECRET"))),
                        "defence_security_harm",
                        Reason.MISSING_REQUIRED),
                Arguments.of(
                        ND85,
                        Baseline.answers(ND85, Map.of("system_type", "INFRASTRUCTURE")),
                        "infrastructure_scope",
                        Reason.MISSING_REQUIRED),
                Arguments.of(
                        ND331,
                        Baseline.answers(ND331, Map.of("national_egov_system", true)),
                        "requires_24x7",
                        Reason.MISSING_REQUIRED),
                Arguments.of(
                        ND331,
                        Baseline.answers(ND331, Map.of("system_type", "ICS")),
                        "ics_works_grade",
                        Reason.MISSING_REQUIRED));
    }

    @ParameterizedTest(name = "{0}: {2} → {3}")
    @MethodSource("invalidAnswers")
    void rejectsInvalidAnswersNamingTheQuestion(
            String regimeId, Map<String, Object> answers, String questionId, Reason reason) {
        assertThatThrownBy(() -> ENGINE.classify(regimeId, answers))
                .isInstanceOfSatisfying(InvalidAnswerException.class, e -> {
                    assertThat(e.questionId()).isEqualTo(questionId);
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).contains("'" + questionId + "'");
                });
    }

    @Test
    void conditionallyRequiredAnswersMayBeLeftOutWhenTheConditionDoesNotHold() {
        // An internal system needs no user count, online-service level or infrastructure scope.
        ClassificationResult result = ENGINE.classify(ND85, Baseline.answers(ND85, Map.of("system_type", "INTERNAL")));

        assertThat(result.proposedLevel()).isEqualTo(1);
    }

    @Test
    void nullAnswersCountAsUnanswered() {
        Map<String, Object> answers = Baseline.answers(ND85, Map.of("system_type", "INTERNAL"));
        answers.put("pm_decided_level", null);

        assertThat(ENGINE.classify(ND85, answers).proposedLevel()).isEqualTo(1);
    }

    @Test
    void numbersOfAnyJavaTypeAreAccepted() {
        Map<String, Object> answers =
                Baseline.citizen(ND85, Map.of("info_types", List.of("PERSONAL"), "users", new BigDecimal("10000")));

        assertThat(ENGINE.classify(ND85, answers).proposedLevel()).isEqualTo(3);
    }

    @Test
    void unknownRegimeIsRejectedWithTheKnownIds() {
        assertThatThrownBy(() -> ENGINE.classify("nd99-2030", Map.of()))
                .isInstanceOf(UnknownRegimeException.class)
                .hasMessageContaining("nd99-2030")
                .hasMessageContaining("nd85-2016")
                .hasMessageContaining("nd331-2026");
    }

    private static Map<String, Object> with(Map<String, Object> answers, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(answers);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> answers, String key) {
        Map<String, Object> copy = new HashMap<>(answers);
        copy.remove(key);
        return copy;
    }
}
