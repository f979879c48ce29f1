package vn.khien.systems.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.khien.systems.rules.Confidence;

/** regulation.md §1: NĐ 331/2026 from 19/08/2026; NĐ 331 Đ39.1 keeps NĐ 85 for systems under investment before 01/07/2026 for 6 months. */
class RegimeSelectorTest {

    private final RegimeSelector selector = new RegimeSelector(RegimeCatalog.loadDefault());

    @ParameterizedTest(name = "{0}, investment started {1} → {2}")
    @CsvSource({
        "2016-07-01,           , nd85-2016,",
        "2024-06-30,           , nd85-2016,",
        "2026-08-18,           , nd85-2016,",
        "2026-08-19,           , nd331-2026,",
        "2027-03-01,           , nd331-2026,",
        "2026-09-15, 2025-11-01, nd85-2016, nd331.transition.under-investment",
        "2026-12-31, 2026-06-30, nd85-2016, nd331.transition.under-investment",
        "2027-01-01, 2026-06-30, nd331-2026,",
        "2026-09-15, 2026-07-01, nd331-2026,",
    })
    void selectsTheRegimeForTheDate(
            LocalDate date, LocalDate investmentStarted, String regimeId, String transitionalRule) {
        RegimeSelection selection = selector.select(date, investmentStarted);

        assertThat(selection.regimeId()).isEqualTo(regimeId);
        assertThat(selection.transitionalRuleId()).isEqualTo(transitionalRule);
        assertThat(selection.legalRef()).isNotBlank();
    }

    @Test
    void transitionalSelectionCarriesItsUncertainDayCount() {
        RegimeSelection selection = selector.select(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 1, 1));

        assertThat(selection.legalRef()).isEqualTo("NĐ 331/2026 Đ39.1");
        assertThat(selection.confidence()).isEqualTo(Confidence.UNCONFIRMED);
    }

    @Test
    void noRegimeBeforeDecree85() {
        assertThatThrownBy(() -> selector.select(LocalDate.of(2015, 1, 1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
