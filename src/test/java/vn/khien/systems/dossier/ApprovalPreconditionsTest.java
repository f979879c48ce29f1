package vn.khien.systems.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.khien.systems.SecurityRegulations.IssuedRegulation;

/** TT 12/2022 Đ9.7 and NĐ 331/2026 Đ30.7: the security regulation is issued before the level is approved. */
class ApprovalPreconditionsTest {

    private final ApprovalPreconditions rules = new ApprovalPreconditions();
    private final LocalDate decision = LocalDate.of(2026, 11, 20);

    private static Optional<IssuedRegulation> issued(LocalDate on) {
        return Optional.of(new IssuedRegulation(1, "Quy chế", "1/QĐ", on, "Giám đốc"));
    }

    @Test
    void everyLevelOfBothRegimesNeedsTheRegulationCitingItsOwnArticle() {
        for (int level = 1; level <= 5; level++) {
            assertThat(rules.forDossier("nd85-2016", level))
                    .singleElement()
                    .extracting(ApprovalPreconditions.Precondition::legalRef)
                    .isEqualTo("TT 12/2022/TT-BTTTT Đ9.7");
            assertThat(rules.forDossier("nd331-2026", level))
                    .singleElement()
                    .extracting(ApprovalPreconditions.Precondition::legalRef)
                    .isEqualTo("NĐ 331/2026/NĐ-CP Đ30.7");
        }
    }

    @Test
    void missingRegulationIsUnmet() {
        assertThat(rules.unmet("nd331-2026", 3, Optional.empty(), decision))
                .singleElement()
                .extracting(ApprovalPreconditions.Unmet::reason)
                .isEqualTo("MISSING");
        assertThat(rules.unmet("nd85-2016", 1, Optional.empty(), null)).hasSize(1);
    }

    @Test
    void issuedOnOrBeforeTheDecisionDayIsMetTheDayAfterIsNot() {
        assertThat(rules.unmet("nd331-2026", 3, issued(decision.minusDays(1)), decision))
                .isEmpty();
        assertThat(rules.unmet("nd331-2026", 3, issued(decision), decision)).isEmpty();
        assertThat(rules.unmet("nd331-2026", 3, issued(decision.plusDays(1)), decision))
                .singleElement()
                .extracting(ApprovalPreconditions.Unmet::reason)
                .isEqualTo("AFTER_DECISION");
        // Decision date not known yet (the page before approval): presence alone is checked.
        assertThat(rules.unmet("nd85-2016", 4, issued(decision.plusDays(1)), null))
                .isEmpty();
    }
}
