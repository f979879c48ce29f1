package vn.khien.incidents.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** Date-times typed on the incident forms: dd/MM/yyyy HH:mm whatever the browser, ISO from scripts. */
class LocalDateTimesTest {

    @Test
    void vietnameseLayoutIsReadAndWrittenAndIsoStillAccepted() {
        LocalDateTime t = LocalDateTime.of(2026, 12, 6, 8, 30);
        assertThat(LocalDateTimes.parse("06/12/2026 08:30")).isEqualTo(t);
        assertThat(LocalDateTimes.parse(" 6/12/2026  8:30 ")).isEqualTo(t);
        assertThat(LocalDateTimes.parse("2026-12-06T08:30")).isEqualTo(t);
        assertThat(LocalDateTimes.format(t)).isEqualTo("06/12/2026 08:30");
        assertThat(LocalDateTimes.parse(LocalDateTimes.format(t))).isEqualTo(t);
        assertThat(LocalDateTimes.parse("  ")).isNull();
        assertThat(LocalDateTimes.parse(null)).isNull();
    }

    @Test
    void impossibleDatesAndTheAmericanOrderAreRefused() {
        assertThatThrownBy(() -> LocalDateTimes.parse("31/02/2026 08:30")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> LocalDateTimes.parse("12/31/2026 08:30")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> LocalDateTimes.parse("06/12/2026 24:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> LocalDateTimes.parse("<b>x</b>")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void yearsOutsideTheApisRangeAreRefusedLikeAnyBadDate() {
        // the public report page took year 1 and +99999 (issue 10, eighth-wave probe); the API allows 1900-2199
        assertThatThrownBy(() -> LocalDateTimes.parse("01/01/0001 00:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> LocalDateTimes.parse("+99999-01-01T00:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> LocalDateTimes.parse("31/12/1899 23:59")).isInstanceOf(DateTimeParseException.class);
        assertThat(LocalDateTimes.parse("01/01/1900 00:00")).isEqualTo(LocalDateTime.of(1900, 1, 1, 0, 0));
        assertThat(LocalDateTimes.parse("31/12/2199 23:59")).isEqualTo(LocalDateTime.of(2199, 12, 31, 23, 59));
    }
}
