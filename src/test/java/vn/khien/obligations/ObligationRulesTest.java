package vn.khien.obligations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.khien.obligations.catalogue.BudgetShare;
import vn.khien.obligations.catalogue.Obligation;
import vn.khien.obligations.catalogue.ObligationCatalogue;
import vn.khien.obligations.catalogue.ObligationEngine;
import vn.khien.obligations.catalogue.ObligationRule;
import vn.khien.obligations.catalogue.Subject;
import vn.khien.platform.duties.DutyEvidence;

/** The catalogue's rules at their boundaries (issue 13: R19, R21, R24, R37, R38, R39). */
class ObligationRulesTest {

    private static final ObligationCatalogue CATALOGUE = ObligationCatalogue.loadDefault();
    private final ObligationEngine engine = new ObligationEngine();

    private static Subject system(int level, String regime, LocalDate approvedOn) {
        return Subject.system(
                1, 10, "HT", level, regime, "CITIZEN_BUSINESS", "OPERATING", approvedOn, Set.of("LEVEL_APPROVED"));
    }

    private static final Subject PROVINCE = Subject.organization(10, "Tỉnh", "PROVINCE", Set.of("OWNS_SYSTEMS"));

    private Obligation eval(String rule, Subject s, LocalDate lastMet, LocalDate today) {
        ObligationRule r = CATALOGUE.rule(rule).orElseThrow();
        DutyEvidence ev = lastMet == null ? null : DutyEvidence.met(lastMet, r.evidence(), 7L, "/x/7");
        return engine.evaluate(r, s, true, ev, today);
    }

    @Test
    void theCatalogueHoldsR01ToR48EachWithItsLegalSourceAndConfidence() {
        assertThat(CATALOGUE.rules()).hasSize(49); // R01–R48 and R49 (access reviews, ADR 0039)
        assertThat(CATALOGUE.rules()).allSatisfy(r -> {
            assertThat(r.legalSource()).isNotBlank();
            assertThat(r.titleVi()).isNotBlank();
            assertThat(r.titleEn()).isNotBlank();
        });
        assertThat(CATALOGUE.rule("R38").orElseThrow().confidence()).isEqualTo("UNCONFIRMED");
        assertThat(CATALOGUE.rule("R44").orElseThrow().confidence()).isEqualTo("UNCONFIRMED");
        assertThat(CATALOGUE.rule("R21").orElseThrow().confidence()).isEqualTo("PRIMARY");
    }

    @Test
    void aBrokenCatalogueIsRefusedNamingTheRule() {
        String yaml = "version: x\nrules:\n  - {id: R01, subject: SYSTEM, regime: BOTH, title: {vi: a}, "
                + "legalSource: s, schedule: {every: P6X}, leadTime: P1D, evidence: e, where: /}\n";
        assertThatThrownBy(() -> ObligationCatalogue.load(new StringReader(yaml), "test"))
                .hasMessageContaining("R01: 'P6X' is not an ISO-8601 period")
                .hasMessageContaining("R02 is missing");
    }

    @Test
    void r21IsDueSixMonthsAfterTheLastCompletedScanAndOverdueTheDayAfter() {
        Subject s = system(2, "LEGACY", LocalDate.of(2025, 1, 1));
        LocalDate scan = LocalDate.of(2026, 3, 15);
        Obligation onDue = eval("R21", s, scan, LocalDate.of(2026, 9, 15));
        assertThat(onDue.dueOn()).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(onDue.status()).isEqualTo(ObligationStatus.DUE_SOON);
        assertThat(eval("R21", s, scan, LocalDate.of(2026, 9, 16)).status()).isEqualTo(ObligationStatus.OVERDUE);
        // lead time 30 days: DUE_SOON from 16/08, MET the day before
        assertThat(eval("R21", s, scan, LocalDate.of(2026, 8, 15)).status()).isEqualTo(ObligationStatus.MET);
        assertThat(eval("R21", s, scan, LocalDate.of(2026, 8, 16)).status()).isEqualTo(ObligationStatus.DUE_SOON);
        // never scanned: overdue; a planned system owes no scan
        assertThat(eval("R21", s, null, LocalDate.of(2026, 8, 16)).status()).isEqualTo(ObligationStatus.OVERDUE);
        Subject planned = Subject.system(2, 10, "HT", null, null, "OTHER", "PLANNED", null, Set.of());
        assertThat(eval("R21", planned, null, LocalDate.of(2026, 8, 16)).status())
                .isEqualTo(ObligationStatus.NOT_APPLICABLE);
    }

    @Test
    void r19FollowsTheLevelAndTheRegime() {
        LocalDate assessed = LocalDate.of(2025, 6, 30);
        // legacy level 3: yearly
        assertThat(eval("R19", system(3, "LEGACY", null), assessed, LocalDate.of(2026, 6, 30))
                        .status())
                .isEqualTo(ObligationStatus.DUE_SOON);
        assertThat(eval("R19", system(3, "LEGACY", null), assessed, LocalDate.of(2026, 7, 1))
                        .status())
                .isEqualTo(ObligationStatus.OVERDUE);
        // legacy level 5: every six months
        assertThat(eval("R19", system(5, "LEGACY", null), assessed, LocalDate.of(2025, 12, 30))
                        .status())
                .isEqualTo(ObligationStatus.DUE_SOON);
        assertThat(eval("R19", system(5, "LEGACY", null), assessed, LocalDate.of(2025, 12, 31))
                        .status())
                .isEqualTo(ObligationStatus.OVERDUE);
        // legacy level 2: two years
        assertThat(eval("R19", system(2, "LEGACY", null), assessed, LocalDate.of(2027, 6, 30))
                        .dueOn())
                .isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(eval("R19", system(2, "LEGACY", null), assessed, LocalDate.of(2027, 7, 1))
                        .status())
                .isEqualTo(ObligationStatus.OVERDUE);
        // new regime, level 4: the platform default (yearly at medium risk)
        assertThat(eval("R19", system(4, "NEW", null), assessed, LocalDate.of(2026, 7, 1))
                        .status())
                .isEqualTo(ObligationStatus.OVERDUE);
        // never assessed: first due one interval after approval
        Obligation first = eval("R19", system(3, "NEW", LocalDate.of(2026, 8, 1)), null, LocalDate.of(2026, 12, 6));
        assertThat(first.dueOn()).isEqualTo(LocalDate.of(2027, 8, 1));
        // not due yet and nothing proves it done: not "met"
        assertThat(first.status()).isEqualTo(ObligationStatus.NO_DATA);
        assertThat(first.reason()).isEqualTo("obligation.reason.not-yet-due");
        // a rule limited to a regime does not apply to a system without one
        Subject noRegime = Subject.system(4, 10, "HT", null, null, "OTHER", "OPERATING", null, Set.of());
        assertThat(eval("R06", noRegime, null, LocalDate.of(2026, 7, 1)).status())
                .isEqualTo(ObligationStatus.NOT_APPLICABLE);
        // no approved level: not applicable
        Subject unlevelled = Subject.system(3, 10, "HT", null, null, "OTHER", "OPERATING", null, Set.of());
        assertThat(eval("R19", unlevelled, assessed, LocalDate.of(2026, 7, 1)).status())
                .isEqualTo(ObligationStatus.NOT_APPLICABLE);
    }

    @Test
    void r24IsYearlyForLevelThreeAndAboveAndNoDataUntilAModuleReportsDrills() {
        ObligationRule r24 = CATALOGUE.rule("R24").orElseThrow();
        LocalDate today = LocalDate.of(2026, 12, 6);
        assertThat(engine.evaluate(r24, system(3, "LEGACY", null), false, null, today)
                        .status())
                .isEqualTo(ObligationStatus.NO_DATA);
        assertThat(engine.evaluate(r24, system(2, "LEGACY", null), false, null, today)
                        .status())
                .isEqualTo(ObligationStatus.NOT_APPLICABLE);
        LocalDate drill = LocalDate.of(2025, 12, 6);
        assertThat(eval("R24", system(3, "NEW", null), drill, today).status()).isEqualTo(ObligationStatus.DUE_SOON);
        assertThat(eval("R24", system(3, "NEW", null), drill, today.plusDays(1)).status())
                .isEqualTo(ObligationStatus.OVERDUE);
        assertThat(eval("R24", system(5, "NEW", null), drill, LocalDate.of(2026, 10, 6))
                        .status())
                .isEqualTo(ObligationStatus.MET);
    }

    @Test
    void r37YearlyReportIsDueBeforeTwentiethDecember() {
        LocalDate lastYear = LocalDate.of(2025, 12, 18);
        Obligation onLastDay = eval("R37", PROVINCE, lastYear, LocalDate.of(2026, 12, 19));
        assertThat(onLastDay.dueOn()).isEqualTo(LocalDate.of(2026, 12, 19));
        assertThat(onLastDay.status()).isEqualTo(ObligationStatus.DUE_SOON);
        assertThat(eval("R37", PROVINCE, lastYear, LocalDate.of(2026, 12, 20)).status())
                .isEqualTo(ObligationStatus.OVERDUE);
        assertThat(eval("R37", PROVINCE, lastYear, LocalDate.of(2026, 11, 18)).status())
                .isEqualTo(ObligationStatus.MET);
        assertThat(eval("R37", PROVINCE, lastYear, LocalDate.of(2026, 11, 19)).status())
                .isEqualTo(ObligationStatus.DUE_SOON);
        // submitted this cycle: met until the next one
        Obligation submitted = eval("R37", PROVINCE, LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 20));
        assertThat(submitted.status()).isEqualTo(ObligationStatus.MET);
        assertThat(submitted.dueOn()).isEqualTo(LocalDate.of(2027, 12, 19));
        // an organisation that owns no system owes no level-compliance report
        Subject none = Subject.organization(11, "Xã", "UNIT", Set.of());
        assertThat(eval("R37", none, null, LocalDate.of(2026, 12, 20)).status())
                .isEqualTo(ObligationStatus.NOT_APPLICABLE);
    }

    @Test
    void r38QuarterlyReportIsDueBeforeTheTwentiethOfMarchJuneSeptemberDecember() {
        LocalDate q2 = LocalDate.of(2026, 6, 10);
        assertThat(eval("R38", PROVINCE, q2, LocalDate.of(2026, 9, 19)).dueOn()).isEqualTo(LocalDate.of(2026, 9, 19));
        assertThat(eval("R38", PROVINCE, q2, LocalDate.of(2026, 9, 19)).status())
                .isEqualTo(ObligationStatus.DUE_SOON);
        Obligation late = eval("R38", PROVINCE, q2, LocalDate.of(2026, 9, 20));
        assertThat(late.status()).isEqualTo(ObligationStatus.OVERDUE);
        assertThat(late.dueOn()).isEqualTo(LocalDate.of(2026, 9, 19));
        assertThat(eval("R38", PROVINCE, q2, LocalDate.of(2026, 9, 3)).status()).isEqualTo(ObligationStatus.MET);
        assertThat(eval("R38", PROVINCE, q2, LocalDate.of(2026, 9, 4)).status()).isEqualTo(ObligationStatus.DUE_SOON);
        // across the year end: the December report, then March
        assertThat(eval("R38", PROVINCE, LocalDate.of(2026, 12, 15), LocalDate.of(2027, 1, 5))
                        .dueOn())
                .isEqualTo(LocalDate.of(2027, 3, 19));
        // only ministries and provinces
        assertThat(eval("R38", Subject.organization(12, "Sở", "DEPARTMENT", Set.of()), q2, LocalDate.of(2026, 9, 20))
                        .status())
                .isEqualTo(ObligationStatus.NOT_APPLICABLE);
    }

    @Test
    void r39TenPercentIsMetExactlyAtTenPercent() {
        BigDecimal minimum = new BigDecimal(CATALOGUE.rule("R39").orElseThrow().parameter("minimumShare"));
        assertThat(new BudgetShare(new BigDecimal("1000000000"), new BigDecimal("100000000")).meets(minimum))
                .isTrue();
        assertThat(new BudgetShare(new BigDecimal("1000000000"), new BigDecimal("99999999")).meets(minimum))
                .isFalse();
        assertThat(new BudgetShare(new BigDecimal("1000000000"), new BigDecimal("99999999")).percent())
                .isEqualByComparingTo("9.99");
        assertThat(new BudgetShare(new BigDecimal("3"), new BigDecimal("0.3")).percent())
                .isEqualByComparingTo("10.00");
    }

    @Test
    void aModuleThatReportsItsOwnDeadlineWins() {
        ObligationRule r22 = CATALOGUE.rule("R22").orElseThrow();
        DutyEvidence open = new DutyEvidence(null, LocalDate.of(2026, 12, 10), "warning", 5L, "/warnings/5");
        assertThat(engine.evaluate(r22, system(2, "NEW", null), true, open, LocalDate.of(2026, 12, 11))
                        .status())
                .isEqualTo(ObligationStatus.OVERDUE);
        // no warning to answer: nothing was done, so it is not "met"
        assertThat(engine.evaluate(r22, system(2, "NEW", null), true, null, LocalDate.of(2026, 12, 11))
                        .status())
                .isEqualTo(ObligationStatus.NOT_APPLICABLE);
    }

    // Event-triggered duties (R31: a serious incident's 24 h / 72 h reports): decided in ObligationEngine only.

    private Obligation r31(DutyEvidence evidence, LocalDate today) {
        return engine.evaluate(CATALOGUE.rule("R31").orElseThrow(), system(3, "NEW", null), true, evidence, today);
    }

    @Test
    void anEventDutyWithNoEventIsNotApplicableSayingNoEventAroseNeverMet() {
        Obligation none = r31(null, LocalDate.of(2026, 12, 7));
        assertThat(none.status()).isEqualTo(ObligationStatus.NOT_APPLICABLE);
        assertThat(none.reason()).isEqualTo("obligation.reason.no-event");
        assertThat(none.lastMetOn()).isNull();
        assertThat(none.dueOn()).isNull();
        assertThat(none.evidence()).isNull();
        // every EVENT rule of the catalogue that applies to a level-4 system of the new regime reads the same
        List<String> noEvent = CATALOGUE.rules().stream()
                .filter(ObligationRule::owedOnEvent)
                .map(r -> engine.evaluate(r, system(4, "NEW", null), true, null, LocalDate.of(2026, 12, 7)))
                .peek(o -> assertThat(o.status()).as(o.rule().id()).isEqualTo(ObligationStatus.NOT_APPLICABLE))
                .filter(o -> o.reason().equals("obligation.reason.no-event"))
                .map(o -> o.rule().id())
                .toList();
        assertThat(noEvent).contains("R22", "R31", "R46", "R47");
    }

    @Test
    void anEventDutyPendingWithinItsTimeIsDueSoonWhateverTheLeadTime() {
        // an incident recorded on 07/12, its report due 10/12; R31's lead time is P0D
        DutyEvidence open = new DutyEvidence(null, LocalDate.of(2026, 12, 10), "incident-report", 9L, "/incidents/9");
        Obligation pending = r31(open, LocalDate.of(2026, 12, 7));
        assertThat(pending.status()).isEqualTo(ObligationStatus.DUE_SOON);
        assertThat(pending.reason()).isEqualTo("obligation.reason.event-open");
        assertThat(pending.dueOn()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(pending.evidence().url()).isEqualTo("/incidents/9");
        // the last day allowed is still within time
        assertThat(r31(open, LocalDate.of(2026, 12, 10)).status()).isEqualTo(ObligationStatus.DUE_SOON);
        // an earlier event's report does not make the open one "met"
        DutyEvidence earlierDone = new DutyEvidence(
                LocalDate.of(2026, 5, 2), LocalDate.of(2026, 12, 10), "incident-report", 9L, "/incidents/9");
        assertThat(r31(earlierDone, LocalDate.of(2026, 12, 7)).status()).isEqualTo(ObligationStatus.DUE_SOON);
    }

    @Test
    void anEventDutyPastItsTimeIsOverdueFromTheNextDay() {
        DutyEvidence open = new DutyEvidence(
                LocalDate.of(2026, 5, 2), LocalDate.of(2026, 12, 10), "incident-report", 9L, "/incidents/9");
        Obligation late = r31(open, LocalDate.of(2026, 12, 11));
        assertThat(late.status()).isEqualTo(ObligationStatus.OVERDUE);
        assertThat(late.reason()).isEqualTo("obligation.reason.event-overdue");
        assertThat(late.dueOn()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(late.lastMetOn()).isEqualTo(LocalDate.of(2026, 5, 2));
    }

    @Test
    void anEventDutyIsMetOnlyWhenAnEventOccurredAndItWasDone() {
        DutyEvidence done = DutyEvidence.met(LocalDate.of(2026, 12, 8), "incident-report", 9L, "/incidents/9");
        Obligation met = r31(done, LocalDate.of(2026, 12, 20));
        assertThat(met.status()).isEqualTo(ObligationStatus.MET);
        assertThat(met.reason()).isEqualTo("obligation.reason.event-met");
        assertThat(met.lastMetOn()).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(met.evidence().url()).isEqualTo("/incidents/9");
    }

    @Test
    void aHistoricalDutyNothingProvesDoneIsNoDataNotMet() {
        Subject before2022 = Subject.system(
                5,
                10,
                "HT",
                3,
                "LEGACY",
                "CITIZEN_BUSINESS",
                "OPERATING",
                LocalDate.of(2021, 3, 1),
                Set.of("APPROVED_BEFORE_2022_10"));
        Obligation r48 = eval("R48", before2022, null, LocalDate.of(2026, 12, 7));
        assertThat(r48.status()).isEqualTo(ObligationStatus.NO_DATA);
        assertThat(eval("R48", before2022, LocalDate.of(2022, 9, 1), LocalDate.of(2026, 12, 7))
                        .status())
                .isEqualTo(ObligationStatus.MET);
    }

    @Test
    void aPeriodicDutyWithNothingToProveIsNotApplicableWithItsReasonNeverMet() {
        // R49 with no administrative grant at all: nothing to review is not a review held (issue 13)
        Subject unit = Subject.organization(7, "Đơn vị", "UNIT", Set.of());
        ObligationRule r49 = CATALOGUE.rule("R49").orElseThrow();
        Obligation none = engine.evaluate(
                r49,
                unit,
                true,
                DutyEvidence.nothingToProve("no-administrative-grants", "/organizations/7/access-reviews"),
                LocalDate.of(2026, 12, 7));
        assertThat(none.status()).isEqualTo(ObligationStatus.NOT_APPLICABLE);
        assertThat(none.reason()).isEqualTo("obligation.reason.nothing-to-prove.no-administrative-grants");
        assertThat(none.lastMetOn()).isNull();
        assertThat(none.dueOn()).isNull();
        // every periodic rule of the catalogue reads the same, whatever its schedule; none reads MET
        List<String> periodic = CATALOGUE.rules().stream()
                .filter(r -> !r.owedOnEvent())
                .map(r -> {
                    Subject s = r.appliesTo(PROVINCE) ? PROVINCE : system(4, "NEW", LocalDate.of(2025, 1, 1));
                    return engine.evaluate(
                            r, s, true, DutyEvidence.nothingToProve("x", null), LocalDate.of(2026, 12, 7));
                })
                .filter(o -> o.reason().startsWith("obligation.reason.nothing-to-prove"))
                .peek(o -> assertThat(o.status()).as(o.rule().id()).isEqualTo(ObligationStatus.NOT_APPLICABLE))
                .map(o -> o.rule().id())
                .toList();
        assertThat(periodic).contains("R21", "R37", "R38", "R39", "R49");
    }
}
