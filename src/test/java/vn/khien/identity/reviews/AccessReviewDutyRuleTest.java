package vn.khien.identity.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.khien.obligations.ObligationStatus;
import vn.khien.obligations.catalogue.Obligation;
import vn.khien.obligations.catalogue.ObligationCatalogue;
import vn.khien.obligations.catalogue.ObligationEngine;
import vn.khien.obligations.catalogue.ObligationRule;
import vn.khien.obligations.catalogue.Subject;
import vn.khien.platform.duties.DutyEvidence;

/** R49 (the quarterly access review) at its quarter boundaries: the evidence this module reports, as the engine reads it. */
class AccessReviewDutyRuleTest {

    private static final ObligationRule R49 =
            ObligationCatalogue.loadDefault().rule("R49").orElseThrow();
    private static final Subject UNIT = Subject.organization(7, "Đơn vị", "UNIT", Set.of());
    private final ObligationEngine engine = new ObligationEngine();

    private static Instant at(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(Quarter.VN).toInstant();
    }

    private static AccessReviewRepository.Closed closed(String quarter, LocalDate closedOn) {
        Quarter q = Quarter.parse(quarter);
        return new AccessReviewRepository.Closed(42, 7, quarter, q.end(), at(closedOn));
    }

    private Obligation eval(AccessReviewRepository.Closed closed, LocalDate firstGrant, LocalDate today) {
        DutyEvidence evidence = AccessReviewDuty.evidence(7, closed, firstGrant == null ? null : at(firstGrant), today);
        return engine.evaluate(R49, UNIT, true, evidence, today);
    }

    @Test
    void theRuleIsAnUnconfirmedQuarterlyOrganisationDuty() {
        assertThat(R49.confidence()).isEqualTo("UNCONFIRMED");
        assertThat(R49.legalSource()).contains("2634");
    }

    @Test
    void neverReviewedIsDueByTheEndOfTheQuarterOfTheOldestGrant() {
        LocalDate granted = LocalDate.of(2026, 10, 15);
        assertThat(eval(null, granted, LocalDate.of(2026, 11, 30)).status()).isEqualTo(ObligationStatus.NO_DATA);
        // lead time P30D: due 31/12, so from 01/12
        assertThat(eval(null, granted, LocalDate.of(2026, 12, 1)).status()).isEqualTo(ObligationStatus.DUE_SOON);
        Obligation lastDay = eval(null, granted, LocalDate.of(2026, 12, 31));
        assertThat(lastDay.status()).isEqualTo(ObligationStatus.DUE_SOON);
        assertThat(lastDay.dueOn()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(eval(null, granted, LocalDate.of(2027, 1, 1)).status()).isEqualTo(ObligationStatus.OVERDUE);
    }

    @Test
    void aClosedReviewCoversItsQuarterAndTheNextIsDueAtTheEndOfTheFollowingOne() {
        LocalDate granted = LocalDate.of(2025, 1, 10);
        AccessReviewRepository.Closed q4 = closed("2026-Q4", LocalDate.of(2026, 12, 31));
        Obligation newYear = eval(q4, granted, LocalDate.of(2027, 1, 1));
        assertThat(newYear.status()).isEqualTo(ObligationStatus.MET);
        assertThat(newYear.lastMetOn()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(newYear.dueOn()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(newYear.evidence().url()).isEqualTo("/access-reviews/42");
        assertThat(eval(q4, granted, LocalDate.of(2027, 3, 1)).status()).isEqualTo(ObligationStatus.DUE_SOON);
        assertThat(eval(q4, granted, LocalDate.of(2027, 3, 31)).status()).isEqualTo(ObligationStatus.DUE_SOON);
        assertThat(eval(q4, granted, LocalDate.of(2027, 4, 1)).status()).isEqualTo(ObligationStatus.OVERDUE);
    }

    @Test
    void aReviewClosedLateCoversOnlyItsOwnQuarter() {
        // Q3's review closed on 02/10: met "on" 30/09, the Q4 review still due by 31/12
        Obligation o = eval(
                closed("2026-Q3", LocalDate.of(2026, 10, 2)), LocalDate.of(2025, 1, 10), LocalDate.of(2026, 12, 7));
        assertThat(o.lastMetOn()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(o.dueOn()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(o.status()).isEqualTo(ObligationStatus.DUE_SOON);
    }

    @Test
    void anOrganisationWithoutAdministrativeGrantsHasNothingToReview() {
        // Nothing to review is not a review held: never MET, and no day it was "met" (issue 13).
        Obligation o = eval(null, null, LocalDate.of(2026, 12, 31));
        assertThat(o.status()).isEqualTo(ObligationStatus.NOT_APPLICABLE);
        assertThat(o.reason()).isEqualTo("obligation.reason.nothing-to-prove." + AccessReviewDuty.NOTHING_TO_REVIEW);
        assertThat(o.lastMetOn()).isNull();
        assertThat(o.dueOn()).isNull();
        assertThat(o.evidence().kind()).isEqualTo(AccessReviewDuty.NOTHING_TO_REVIEW);
    }
}
