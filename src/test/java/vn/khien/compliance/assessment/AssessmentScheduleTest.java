package vn.khien.compliance.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.khien.compliance.catalogue.CatalogueValidationException;
import vn.khien.compliance.catalogue.Confidence;
import vn.khien.compliance.catalogue.Regime;
import vn.khien.compliance.risks.RiskRating;

class AssessmentScheduleTest {

    private static final AssessmentPeriodicityRules RULES = AssessmentPeriodicityRules.loadDefault();
    private static final AssessmentSchedule SCHEDULE = new AssessmentSchedule(RULES);

    @ParameterizedTest(name = "{0} level {1} risk {2}: last {3} -> due {4}")
    @CsvSource({
        // legacy: NĐ 85 Đ20.2.c — L3–4 yearly, L5 6-monthly; L1–2 follow the organisation-wide 2 years
        "LEGACY, 1, MEDIUM, 2025-03-10, 2027-03-10",
        "LEGACY, 2, HIGH,   2025-03-10, 2027-03-10",
        "LEGACY, 3, MEDIUM, 2025-03-10, 2026-03-10",
        "LEGACY, 4, LOW,    2025-03-10, 2026-03-10",
        "LEGACY, 5, MEDIUM, 2025-03-10, 2025-09-10",
        "LEGACY, 5, MEDIUM, 2025-08-31, 2026-02-28",
        "LEGACY, 3, MEDIUM, 2024-02-29, 2025-02-28",
        // new regime: configurable defaults by level and risk (UNCONFIRMED)
        "NEW,    1, LOW,    2026-09-01, 2028-09-01",
        "NEW,    2, HIGH,   2026-09-01, 2027-09-01",
        "NEW,    3, MEDIUM, 2026-09-01, 2027-09-01",
        "NEW,    4, HIGH,   2026-09-01, 2027-03-01",
        "NEW,    5, MEDIUM, 2026-09-01, 2027-03-01",
        "NEW,    5, HIGH,   2026-09-01, 2026-12-01"
    })
    void nextDue(Regime regime, int level, RiskRating risk, LocalDate last, LocalDate expectedDue) {
        assertThat(SCHEDULE.nextDue(regime, level, risk, last)).isEqualTo(expectedDue);
    }

    @Test
    void legacyIgnoresRiskAndNewDefaultsToMediumRisk() {
        LocalDate last = LocalDate.of(2026, 1, 1);
        assertThat(SCHEDULE.nextDue(Regime.LEGACY, 3, last)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(SCHEDULE.nextDue(Regime.NEW, 3, last))
                .isEqualTo(SCHEDULE.nextDue(Regime.NEW, 3, RiskRating.MEDIUM, last));
        assertThat(SCHEDULE.intervalFor(Regime.NEW, 5, null)).isEqualTo(Period.ofMonths(6));
    }

    @ParameterizedTest(name = "{0} level {1}: last {2}, today {3} -> overdue {4}")
    @CsvSource({
        "LEGACY, 3, 2025-03-10, 2026-03-10, false", // due today: not yet overdue
        "LEGACY, 3, 2025-03-10, 2026-03-11, true", // day after due: overdue, no grace
        "LEGACY, 5, 2025-03-10, 2025-09-11, true",
        "LEGACY, 1, 2025-03-10, 2026-12-31, false",
        "NEW,    3, 2026-09-01, 2027-09-01, false",
        "NEW,    3, 2026-09-01, 2027-09-02, true"
    })
    void overdue(Regime regime, int level, LocalDate last, LocalDate today, boolean expected) {
        assertThat(SCHEDULE.isOverdue(regime, level, last, today)).isEqualTo(expected);
    }

    @Test
    void aSystemNeverAssessedIsFirstDueOneIntervalAfterItsApproval() {
        LocalDate approved = LocalDate.of(2026, 1, 15);
        assertThat(SCHEDULE.dueDate(Regime.LEGACY, 3, null, null, approved)).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(SCHEDULE.isOverdue(Regime.LEGACY, 3, null, null, approved, approved))
                .isFalse();
        assertThat(SCHEDULE.isOverdue(Regime.LEGACY, 3, null, null, approved, LocalDate.of(2027, 1, 15)))
                .isFalse();
        assertThat(SCHEDULE.isOverdue(Regime.LEGACY, 3, null, null, approved, LocalDate.of(2027, 1, 16)))
                .isTrue();
        assertThat(SCHEDULE.dueDate(Regime.NEW, 5, RiskRating.HIGH, null, approved))
                .isEqualTo(LocalDate.of(2026, 4, 15));
        // Once assessed, the interval runs from the assessment, not the approval.
        assertThat(SCHEDULE.dueDate(Regime.LEGACY, 3, null, LocalDate.of(2026, 6, 1), approved))
                .isEqualTo(LocalDate.of(2027, 6, 1));
        // Nothing to count from: overdue, as nothing shows the system was ever assessed.
        assertThat(SCHEDULE.isOverdue(Regime.LEGACY, 3, null, null, null, approved))
                .isTrue();
        assertThatThrownBy(() -> SCHEDULE.nextDue(Regime.LEGACY, 3, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} level {1}, live since {2}, assessed before go-live {3}: {4}")
    @CsvSource({
        // Legacy: no assessment of its own before go-live (TT 12 Đ9.6 asks the plan be implemented).
        "LEGACY, 5, ,           false, NOT_REQUIRED",
        "LEGACY, 5, 2026-10-01, false, NOT_REQUIRED",
        // New regime: NĐ 331 Đ28.3 — mandatory for level 5 (national-security-critical), optional for 1–4.
        "NEW,    4, 2026-10-01, false, NOT_REQUIRED",
        "NEW,    5, ,           false, DUE_BEFORE_GO_LIVE",
        "NEW,    5, 2026-10-01, false, MISSING",
        "NEW,    5, 2026-10-01, true,  DONE",
        "NEW,    5, 2020-01-01, false, NOT_REQUIRED"
    })
    void preGoLiveDuty(Regime regime, int level, LocalDate liveSince, boolean assessed, PreGoLiveStatus expected) {
        assertThat(SCHEDULE.preGoLive(regime, level, LocalDate.of(2026, 9, 1), liveSince, assessed))
                .isEqualTo(expected);
    }

    @Test
    void thePreGoLiveDutyCitesItsSource() {
        assertThat(SCHEDULE.preGoLiveRule(Regime.LEGACY)).isEmpty();
        assertThat(SCHEDULE.preGoLiveRule(Regime.NEW)).hasValueSatisfying(rule -> {
            assertThat(rule.levels()).containsExactly(5);
            assertThat(rule.legalSource()).contains("Điều 28 khoản 3");
        });
    }

    @Test
    void organisationWideAssessmentExistsOnlyUnderTheLegacyRegime() {
        LocalDate last = LocalDate.of(2024, 6, 30);
        assertThat(SCHEDULE.organisationNextDue(Regime.LEGACY, last)).contains(LocalDate.of(2026, 6, 30));
        assertThat(SCHEDULE.organisationNextDue(Regime.NEW, last)).isEmpty();
    }

    @Test
    void assessorRequirements() {
        assertThat(SCHEDULE.requiredAssessor(Regime.LEGACY, 2, Set.of()))
                .isEqualTo(AssessorRequirement.INTERNAL_ALLOWED);
        assertThat(SCHEDULE.requiredAssessor(Regime.LEGACY, 3, Set.of()))
                .isEqualTo(AssessorRequirement.LICENSED_OR_DESIGNATED);
        assertThat(AssessorRequirement.LICENSED_OR_DESIGNATED.accepts(AssessorKind.INTERNAL))
                .isFalse();
        assertThat(AssessorRequirement.LICENSED_OR_DESIGNATED.accepts(AssessorKind.LICENSED_ORGANISATION))
                .isTrue();
        assertThat(SCHEDULE.requiredAssessor(Regime.NEW, 3, Set.of()))
                .isEqualTo(AssessorRequirement.SELF_ASSESSMENT_BY_INDEPENDENT_UNIT);
        assertThat(SCHEDULE.requiredAssessor(Regime.NEW, 3, Set.of(AssessmentTrigger.AFTER_SERIOUS_INCIDENT)))
                .isEqualTo(AssessorRequirement.EXTERNAL_SPECIALISED_ORGANISATION);
        assertThat(SCHEDULE.requiredAssessor(Regime.NEW, 5, Set.of()))
                .isEqualTo(AssessorRequirement.EXTERNAL_SPECIALISED_ORGANISATION);
        assertThat(AssessorRequirement.SELF_ASSESSMENT_BY_INDEPENDENT_UNIT.accepts(AssessorKind.INTERNAL))
                .isFalse();
    }

    @Test
    void rulesCarryLegalSourcesAndFlagUnconfirmedNewRegimeIntervals() {
        assertThat(RULES.of(Regime.LEGACY).legalSource()).contains("85/2016").contains("Điều 20");
        assertThat(RULES.of(Regime.LEGACY).systemRules())
                .filteredOn(rule -> rule.levels().contains(3))
                .singleElement()
                .satisfies(rule -> {
                    assertThat(rule.configurable()).isFalse();
                    assertThat(rule.confidence()).isEqualTo(Confidence.PRIMARY);
                });
        assertThat(RULES.of(Regime.NEW).systemRules())
                .allMatch(IntervalRule::configurable)
                .allMatch(rule -> rule.confidence() == Confidence.UNCONFIRMED)
                .allMatch(rule -> rule.legalSource().contains("331/2026"));
    }

    @Test
    void rejectsRulesThatLeaveALevelWithoutAnInterval() {
        String yaml = """
                id: broken
                version: "0"
                regimes:
                  - regime: LEGACY
                    legalSource: x
                    systemRules:
                      - {levels: [1, 2, 3, 4], interval: P1Y, legalSource: x}
                    assessorRules:
                      - {levels: [1, 2, 3, 4, 5], assessor: INTERNAL_ALLOWED}
                """;
        assertThatThrownBy(() -> AssessmentPeriodicityRules.load(new StringReader(yaml), "broken"))
                .isInstanceOf(CatalogueValidationException.class)
                .hasMessageContaining("level 5 risk LOW matches 0 interval rules")
                .hasMessageContaining("regime NEW has no rules");
    }
}
