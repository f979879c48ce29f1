package vn.khien.systems.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.khien.systems.rules.Confidence;

/** Legal time limits of regulation.md §3.5 and §6.1 over the Vietnamese working-day calendar. */
class DeadlineCalculatorTest {

    private static final TimeLimitCatalog LIMITS = TimeLimitCatalog.loadDefault();
    private static final DeadlineCalculator CALCULATOR = DeadlineCalculator.loadDefault();

    @ParameterizedTest(name = "{0} {1} level {2}, received {3} → due {4}")
    @CsvSource({
        // NĐ 331: 15 working days for level 3, dossier received the day before the estimated Tết 2027 break.
        "nd331-2026, APPRAISAL,              3, 2027-02-04, 2027-03-04",
        // Received just before Tết 2027: 1 day, then Tết (05–11/02 incl. weekend), then 14 more.
        "nd331-2026, APPRAISAL,              3, 2027-02-03, 2027-03-03",
        "nd331-2026, APPRAISAL,              4, 2027-01-29, 2027-03-12",
        "nd331-2026, DOSSIER_VALIDITY_CHECK, 3, 2027-02-04, 2027-02-18",
        "nd331-2026, APPROVAL,               5, 2026-12-30, 2027-01-11",
        // Weekend only: Friday receipt, 7 working days.
        "nd331-2026, APPROVAL,               3, 2026-11-20, 2026-12-01",
        // Tết 2026 (16–20/02): 25 working days.
        "nd331-2026, APPRAISAL,              5, 2026-02-12, 2026-03-26",
        // NĐ 85: calendar days; an end on a non-working day moves to the next working day.
        "nd85-2016,  APPRAISAL,              3, 2024-06-03, 2024-06-18",
        "nd85-2016,  APPRAISAL,              3, 2024-01-25, 2024-02-15",
        "nd85-2016,  APPRAISAL,              4, 2024-03-01, 2024-04-01",
        "nd85-2016,  APPRAISAL,              5, 2024-04-01, 2024-05-02",
        // NĐ 85 approval: 7 working days across the 30/4 swap and the Saturday worked on 04/5/2024.
        "nd85-2016,  APPROVAL,               3, 2024-04-26, 2024-05-09",
    })
    void computesDueDates(String regime, ProcedureStep step, int level, LocalDate received, LocalDate due) {
        TimeLimit limit = LIMITS.find(regime, step, level, received).orElseThrow();

        Deadline deadline = CALCULATOR.due(received, limit);

        assertThat(deadline.due()).isEqualTo(due);
        assertThat(deadline.limit().legalRef()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} {1} level {2}: {3} {4}")
    @CsvSource({
        "nd85-2016,  APPRAISAL, 3, 15, CALENDAR_DAYS",
        "nd85-2016,  APPRAISAL, 4, 30, CALENDAR_DAYS",
        "nd85-2016,  APPRAISAL, 5, 30, CALENDAR_DAYS",
        "nd85-2016,  APPROVAL,  1,  7, WORKING_DAYS",
        "nd85-2016,  APPROVAL,  5,  7, WORKING_DAYS",
        "nd331-2026, APPRAISAL, 3, 15, WORKING_DAYS",
        "nd331-2026, APPRAISAL, 4, 25, WORKING_DAYS",
        "nd331-2026, APPRAISAL, 5, 25, WORKING_DAYS",
        "nd331-2026, DOSSIER_VALIDITY_CHECK, 4, 5, WORKING_DAYS",
        "nd331-2026, APPROVAL,  2,  7, WORKING_DAYS",
    })
    void timeLimitsMatchTheDecrees(String regime, ProcedureStep step, int level, int amount, DayCount unit) {
        TimeLimit limit =
                LIMITS.find(regime, step, level, LocalDate.of(2026, 9, 1)).orElseThrow();

        assertThat(limit.amount()).isEqualTo(amount);
        assertThat(limit.unit()).isEqualTo(unit);
    }

    @Test
    void appraisalOfLevels1And2HasNoLegalTimeLimit() {
        assertThat(LIMITS.find("nd85-2016", ProcedureStep.APPRAISAL, 2, LocalDate.of(2024, 1, 1)))
                .isEmpty();
        assertThat(LIMITS.find("nd331-2026", ProcedureStep.APPRAISAL, 1, LocalDate.of(2026, 9, 1)))
                .isEmpty();
    }

    @Test
    void theLegacyValidityCheckEndedWithCircular03() {
        assertThat(LIMITS.find("nd85-2016", ProcedureStep.DOSSIER_VALIDITY_CHECK, 3, LocalDate.of(2022, 9, 30)))
                .hasValueSatisfying(l -> assertThat(l.legalRef()).contains("TT 03/2017"));
        assertThat(LIMITS.find("nd85-2016", ProcedureStep.DOSSIER_VALIDITY_CHECK, 3, LocalDate.of(2022, 10, 1)))
                .isEmpty();
    }

    @Test
    void theVietnameseDayOfTheInstantStartsTheCount() {
        TimeLimit limit = TimeLimit.of(1, DayCount.WORKING_DAYS);
        // 18:30 UTC on Wed 03/02/2027 is 01:30 on Thu 04/02 in Hà Nội; the next working day is Fri 12/02 after Tết.
        Instant receivedAt = Instant.parse("2027-02-03T18:30:00Z");

        Deadline deadline = CALCULATOR.due(receivedAt, limit);

        assertThat(deadline.start()).isEqualTo(LocalDate.of(2027, 2, 4));
        assertThat(deadline.due()).isEqualTo(LocalDate.of(2027, 2, 12));
        assertThat(deadline.reliesOnEstimates()).isTrue();
    }

    @Test
    void overdueFromTheDayAfterTheDueDateInVietnam() {
        Deadline deadline = CALCULATOR.due(LocalDate.of(2026, 11, 20), TimeLimit.of(7, DayCount.WORKING_DAYS));

        assertThat(CALCULATOR.isOverdue(deadline, Instant.parse("2026-12-01T16:59:59Z")))
                .isFalse();
        assertThat(CALCULATOR.isOverdue(deadline, Instant.parse("2026-12-01T17:00:00Z")))
                .isTrue();
    }

    @Test
    void calendarDayLimitsCanBeKeptUnrolled() {
        DeadlineCalculator literal = new DeadlineCalculator(
                WorkingDayCalendar.loadDefault(), new CountingRules(false, "test", Confidence.UNCONFIRMED));

        Deadline deadline = literal.due(LocalDate.of(2024, 1, 25), TimeLimit.of(15, DayCount.CALENDAR_DAYS));

        assertThat(deadline.due()).isEqualTo(LocalDate.of(2024, 2, 9));
    }

    @Test
    void everyTimeLimitCitesItsSourceAndHasAUniqueId() {
        assertThat(LIMITS.all()).allSatisfy(l -> assertThat(l.legalRef()).isNotBlank());
        assertThat(LIMITS.all()).extracting(TimeLimit::id).doesNotHaveDuplicates();
    }
}
