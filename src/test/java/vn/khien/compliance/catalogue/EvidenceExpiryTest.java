package vn.khien.compliance.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvidenceExpiryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 15);

    @ParameterizedTest(name = "valid until {0}, warn {1} days -> {2}")
    @CsvSource({
        "2026-09-14, 30, EXPIRED", // last valid day was yesterday
        "2026-09-15, 30, EXPIRING", // last valid day is today
        "2026-09-15,  0, EXPIRING",
        "2026-09-16,  0, VALID",
        "2026-10-15, 30, EXPIRING", // exactly N days ahead is inside the window
        "2026-10-16, 30, VALID", // N + 1 days ahead is outside
        "2027-09-15, 30, VALID"
    })
    void boundaries(LocalDate validUntil, int warningDays, EvidenceValidity expected) {
        assertThat(EvidenceExpiry.check(validUntil, TODAY, warningDays)).isEqualTo(expected);
    }

    @Test
    void evidenceWithoutValidityDateNeverExpires() {
        assertThat(EvidenceExpiry.check(null, TODAY, 30)).isEqualTo(EvidenceValidity.NO_EXPIRY);
        assertThat(EvidenceExpiry.isExpired(null, TODAY)).isFalse();
    }

    @Test
    void convenienceChecks() {
        assertThat(EvidenceExpiry.isExpired(TODAY.minusDays(1), TODAY)).isTrue();
        assertThat(EvidenceExpiry.isExpired(TODAY, TODAY)).isFalse();
        assertThat(EvidenceExpiry.isExpiringWithin(TODAY.plusDays(7), TODAY, 7)).isTrue();
        assertThat(EvidenceExpiry.isExpiringWithin(TODAY.plusDays(8), TODAY, 7)).isFalse();
    }

    @Test
    void negativeWindowIsRejected() {
        assertThatThrownBy(() -> EvidenceExpiry.check(TODAY, TODAY, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
