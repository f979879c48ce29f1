package vn.khien.systems.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.loadDefault();

    @ParameterizedTest(name = "{0} working day: {1}")
    @CsvSource({
        "2024-01-01, false", // Tết Dương lịch
        "2024-02-07, true",
        "2024-02-08, false", // Tết Giáp Thìn
        "2024-02-14, false",
        "2024-02-15, true",
        "2024-04-18, false", // Giỗ Tổ Hùng Vương 10/3 âm lịch
        "2024-04-29, false", // swapped weekday
        "2024-05-04, true", // Saturday worked in exchange
        "2024-09-03, false", // Quốc khánh extra day
        "2025-01-27, false",
        "2025-01-31, false",
        "2025-02-03, true",
        "2025-09-01, false",
        "2025-09-02, false",
        "2025-09-03, true",
        "2026-02-16, false",
        "2026-02-23, true",
        "2026-04-27, false", // Hùng Kings on Sunday, compensated on Monday
        "2026-04-30, false",
        "2026-05-01, false",
        "2027-02-04, true",
        "2027-02-05, false", // estimated Tết Đinh Mùi
        "2027-02-11, false",
        "2027-02-12, true",
        "2027-02-13, false", // Saturday
        "2028-01-03, false", // New Year on Saturday, compensated
    })
    void knowsWeekendsAndHolidays(LocalDate day, boolean working) {
        assertThat(CALENDAR.isWorkingDay(day)).isEqualTo(working);
    }

    @Test
    void explainsWhyADayIsNotWorked() {
        assertThat(CALENDAR.nonWorkingReason(LocalDate.of(2026, 9, 2))).contains("Quốc khánh");
        assertThat(CALENDAR.nonWorkingReason(LocalDate.of(2026, 2, 18)))
                .hasValueSatisfying(r -> assertThat(r).contains("Tết"));
        assertThat(CALENDAR.nonWorkingReason(LocalDate.of(2026, 11, 22))).contains("Chủ nhật");
        assertThat(CALENDAR.nonWorkingReason(LocalDate.of(2026, 11, 23))).isEmpty();
    }

    @Test
    void recordsTheLunarDatesOfEveryCoveredYear() {
        for (int year = 2024; year <= 2028; year++) {
            HolidayYear schedule = CALENDAR.year(year).orElseThrow();
            assertThat(schedule.lunarNewYear().getYear()).isEqualTo(year);
            assertThat(CALENDAR.isWorkingDay(schedule.lunarNewYear())).isFalse();
            assertThat(CALENDAR.isWorkingDay(schedule.hungKings())).isFalse();
        }
        assertThat(CALENDAR.year(2027).orElseThrow().lunarNewYear()).isEqualTo(LocalDate.of(2027, 2, 6));
    }

    @Test
    void marksEstimatedYears() {
        assertThat(CALENDAR.year(2027).orElseThrow().status()).isEqualTo(ScheduleStatus.ESTIMATED);
        assertThat(CALENDAR.year(2024).orElseThrow().status()).isEqualTo(ScheduleStatus.ANNOUNCED);
        assertThat(CALENDAR.reliesOnEstimates(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 8)))
                .isTrue();
        assertThat(CALENDAR.reliesOnEstimates(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 8)))
                .isFalse();
    }

    @Test
    void refusesToCountThroughAYearWithoutHolidayData() {
        assertThatThrownBy(() -> CALENDAR.isWorkingDay(LocalDate.of(2030, 3, 1)))
                .isInstanceOf(HolidayDataMissingException.class)
                .hasMessageContaining("2030");
    }
}
