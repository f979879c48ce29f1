package vn.khien.incidents.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every reporting limit of the rule data at its boundaries, in both regimes and the 2026 gap. */
class DeadlineEngineTest {

    private final DeadlineEngine engine = new DeadlineEngine(ReportingRules.loadDefault());

    private static OffsetDateTime t(String iso) {
        return OffsetDateTime.parse(iso);
    }

    private DeadlineAssessment assess(IncidentFacts f) {
        return engine.assess(f);
    }

    private static List<ReportKind> kinds(DeadlineAssessment a) {
        return a.deadlines().stream().map(ReportDeadline::kind).toList();
    }

    // ---------------------------------------------------------------- regime boundaries

    @Test
    void lastMinuteOfJune2026IsLegacy() {
        assertThat(assess(IncidentFacts.detected(t("2026-06-30T23:59:59+07:00")))
                        .regime()
                        .id())
                .isEqualTo("tt20-2017");
    }

    @Test
    void firstMinuteOfJuly2026IsTheGapEvenWhenGivenInUtc() {
        // 17:00 UTC on 30/06 is already 00:00 on 01/07 in Việt Nam: the local date decides.
        DeadlineAssessment a = assess(IncidentFacts.detected(t("2026-06-30T17:00:00Z")));
        assertThat(a.regime().id()).isEqualTo("gap-2026");
        assertThat(a.regime().choice()).isTrue();
        assertThat(a.regime().choiceVi()).contains("Lựa chọn của hệ thống");
        assertThat(assess(IncidentFacts.detected(t("2026-06-30T16:59:59Z")))
                        .regime()
                        .id())
                .isEqualTo("tt20-2017");
    }

    @Test
    void gapEndsOn18AugustAndDecree331StartsOn19August() {
        assertThat(assess(IncidentFacts.detected(t("2026-08-18T23:59:59+07:00")))
                        .regime()
                        .id())
                .isEqualTo("gap-2026");
        assertThat(assess(IncidentFacts.detected(t("2026-08-19T00:00:00+07:00")))
                        .regime()
                        .id())
                .isEqualTo("nd331-2026");
        assertThat(assess(IncidentFacts.detected(t("2026-08-18T17:00:00Z")))
                        .regime()
                        .id())
                .isEqualTo("nd331-2026");
    }

    @Test
    void longBeforeAndLongAfterAreCovered() {
        assertThat(assess(IncidentFacts.detected(t("2018-01-01T08:00:00+07:00")))
                        .regime()
                        .id())
                .isEqualTo("tt20-2017");
        assertThat(assess(IncidentFacts.detected(t("2031-01-01T08:00:00+07:00")))
                        .regime()
                        .id())
                .isEqualTo("nd331-2026");
    }

    // ---------------------------------------------------------------- legacy regime (TT 20/2017, QĐ 05/2017)

    @Test
    void legacyOrdinaryIncidentOwesANoticeWithinFiveDaysToThreeRecipients() {
        DeadlineAssessment a = assess(IncidentFacts.detected(t("2026-03-10T09:15:00+07:00")));
        assertThat(kinds(a)).containsExactly(ReportKind.NOTICE);
        ReportDeadline notice = a.deadline(ReportKind.NOTICE).orElseThrow();
        assertThat(notice.hours()).isEqualTo(120);
        assertThat(notice.dueAt()).isEqualTo(t("2026-03-15T09:15:00+07:00"));
        assertThat(notice.legalRef()).contains("TT 20/2017").contains("Đ9.2.a");
        assertThat(notice.recipients())
                .containsExactly(
                        RecipientRole.OWNER,
                        RecipientRole.INCIDENT_RESPONSE_UNIT,
                        RecipientRole.NATIONAL_INCIDENT_COORDINATOR);
        assertThat(a.serious()).isFalse();
    }

    @Test
    void legacyBeyondCapacityAddsForm03ImmediatelyAndForm04FiveDaysAfterTheResponse() {
        IncidentFacts f = IncidentFacts.detected(t("2026-05-20T14:00:00+07:00")).beyondCapacity(true);
        DeadlineAssessment open = assess(f);
        assertThat(kinds(open)).containsExactly(ReportKind.FORM03_INITIAL, ReportKind.NOTICE, ReportKind.FORM04_END);
        ReportDeadline form03 = open.deadline(ReportKind.FORM03_INITIAL).orElseThrow();
        assertThat(form03.immediate()).isTrue();
        assertThat(form03.dueAt()).isEqualTo(t("2026-05-20T14:00:00+07:00"));
        // Form 04's clock starts when the response ends.
        assertThat(open.deadline(ReportKind.FORM04_END).orElseThrow().dueAt()).isNull();
        DeadlineAssessment ended = assess(f.responseEnded(t("2026-05-28T10:00:00+07:00")));
        ReportDeadline form04 = ended.deadline(ReportKind.FORM04_END).orElseThrow();
        assertThat(form04.dueAt()).isEqualTo(t("2026-06-02T10:00:00+07:00"));
        assertThat(form04.recipients())
                .containsExactly(RecipientRole.OWNER, RecipientRole.NATIONAL_INCIDENT_COORDINATOR);
    }

    @Test
    void legacySeriousNeedsBothConditionsOfDecision05Article9() {
        IncidentFacts impact =
                IncidentFacts.detected(t("2026-04-01T08:00:00+07:00")).serious(true);
        DeadlineAssessment onlyImpact = assess(impact);
        assertThat(onlyImpact.serious()).isFalse();
        assertThat(kinds(onlyImpact)).doesNotContain(ReportKind.ESCALATION);
        DeadlineAssessment both = assess(impact.beyondCapacity(true));
        assertThat(both.serious()).isTrue();
        assertThat(both.deadline(ReportKind.ESCALATION).orElseThrow().immediate())
                .isTrue();
        assertThat(both.deadline(ReportKind.ESCALATION).orElseThrow().legalRef())
                .contains("QĐ 05/2017");
    }

    @Test
    void legacyIgnoresTheNewTwentyFourHourRule() {
        DeadlineAssessment a = assess(IncidentFacts.detected(t("2026-06-30T23:00:00+07:00"))
                .serious(true)
                .beyondCapacity(true)
                .nationalSecuritySigns(true));
        assertThat(kinds(a)).doesNotContain(ReportKind.INITIAL_24H, ReportKind.REPORT_72H, ReportKind.IMMEDIATE_NS);
    }

    @Test
    void legacyNoticeAcrossAMonthEndJustBeforeMidnight() {
        DeadlineAssessment a = assess(IncidentFacts.detected(t("2026-01-31T23:59:00+07:00")));
        assertThat(a.deadline(ReportKind.NOTICE).orElseThrow().dueAt()).isEqualTo(t("2026-02-05T23:59:00+07:00"));
        // February of a common year: 5 days from 27/02 23:59 end on 04/03.
        DeadlineAssessment feb = assess(IncidentFacts.detected(t("2026-02-27T23:59:00+07:00")));
        assertThat(feb.deadline(ReportKind.NOTICE).orElseThrow().dueAt()).isEqualTo(t("2026-03-04T23:59:00+07:00"));
    }

    // ---------------------------------------------------------------- NĐ 331/2026

    @Test
    void decree331OrdinaryIncidentOwesNoTimedReport() {
        DeadlineAssessment a = assess(IncidentFacts.detected(t("2026-09-01T08:30:00+07:00")));
        assertThat(a.deadlines()).isEmpty();
        assertThat(a.serious()).isFalse();
    }

    @Test
    void decree331SeriousIncidentOwes24hAnd72hAndAClosingReport() {
        DeadlineAssessment a =
                assess(IncidentFacts.detected(t("2026-09-01T08:30:00+07:00")).serious(true));
        assertThat(a.serious()).isTrue();
        assertThat(kinds(a)).containsExactly(ReportKind.INITIAL_24H, ReportKind.REPORT_72H, ReportKind.CLOSING);
        assertThat(a.deadline(ReportKind.INITIAL_24H).orElseThrow().dueAt()).isEqualTo(t("2026-09-02T08:30:00+07:00"));
        assertThat(a.deadline(ReportKind.REPORT_72H).orElseThrow().dueAt()).isEqualTo(t("2026-09-04T08:30:00+07:00"));
        assertThat(a.deadline(ReportKind.INITIAL_24H).orElseThrow().legalRef())
                .contains("NĐ 331/2026")
                .contains("Đ31.2.d");
        assertThat(a.deadline(ReportKind.CLOSING).orElseThrow().hours()).isNull();
        assertThat(a.deadline(ReportKind.CLOSING).orElseThrow().dueAt()).isNull();
        assertThat(a.deadline(ReportKind.INITIAL_24H).orElseThrow().choice()).isFalse();
    }

    @Test
    void decree331SeriousDoesNotNeedBeyondCapacity() {
        assertThat(assess(IncidentFacts.detected(t("2026-10-01T08:00:00+07:00"))
                                .serious(true)
                                .beyondCapacity(false))
                        .serious())
                .isTrue();
    }

    @Test
    void decree331NationalSecuritySignsMeanImmediately() {
        DeadlineAssessment a =
                assess(IncidentFacts.detected(t("2026-11-11T11:11:00+07:00")).nationalSecuritySigns(true));
        ReportDeadline ns = a.deadline(ReportKind.IMMEDIATE_NS).orElseThrow();
        assertThat(ns.immediate()).isTrue();
        assertThat(ns.dueAt()).isEqualTo(t("2026-11-11T11:11:00+07:00"));
        assertThat(ns.recipients()).containsExactly(RecipientRole.NATIONAL_INCIDENT_COORDINATOR);
    }

    @Test
    void decree331BeyondCapacityGets24hAsAMarkedChoice() {
        DeadlineAssessment a =
                assess(IncidentFacts.detected(t("2026-12-01T10:00:00+07:00")).beyondCapacity(true));
        ReportDeadline d = a.deadline(ReportKind.INITIAL_24H).orElseThrow();
        assertThat(d.dueAt()).isEqualTo(t("2026-12-02T10:00:00+07:00"));
        assertThat(d.choice()).isTrue();
        assertThat(kinds(a)).doesNotContain(ReportKind.REPORT_72H).contains(ReportKind.CLOSING);
    }

    @Test
    void decree331SeriousAndBeyondCapacityKeepOne24hLineFromTheLawNotTheChoice() {
        DeadlineAssessment a = assess(IncidentFacts.detected(t("2026-12-01T10:00:00+07:00"))
                .beyondCapacity(true)
                .serious(true));
        assertThat(kinds(a).stream().filter(k -> k == ReportKind.INITIAL_24H)).hasSize(1);
        assertThat(a.deadline(ReportKind.INITIAL_24H).orElseThrow().ruleId()).isEqualTo("nd331.initial-24h");
    }

    @Test
    void decree331JustBeforeMidnightOnTheLastDayOfTheMonth() {
        DeadlineAssessment a =
                assess(IncidentFacts.detected(t("2026-09-30T23:59:00+07:00")).serious(true));
        assertThat(a.deadline(ReportKind.INITIAL_24H).orElseThrow().dueAt()).isEqualTo(t("2026-10-01T23:59:00+07:00"));
        assertThat(a.deadline(ReportKind.REPORT_72H).orElseThrow().dueAt()).isEqualTo(t("2026-10-03T23:59:00+07:00"));
    }

    @Test
    void detectionGivenInUtcIsAnsweredInVietnamTime() {
        // 16:59 UTC on 31/10 = 23:59 on 31/10 in Việt Nam; the 24 h limit falls on 01/11 at 23:59 +07:00.
        DeadlineAssessment a =
                assess(IncidentFacts.detected(t("2026-10-31T16:59:00Z")).serious(true));
        OffsetDateTime due = a.deadline(ReportKind.INITIAL_24H).orElseThrow().dueAt();
        assertThat(due).isEqualTo(t("2026-11-01T23:59:00+07:00"));
        assertThat(due.getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
    }

    @Test
    void yearEndJustBeforeMidnight() {
        DeadlineAssessment a =
                assess(IncidentFacts.detected(t("2026-12-31T23:30:00+07:00")).serious(true));
        assertThat(a.deadline(ReportKind.REPORT_72H).orElseThrow().dueAt()).isEqualTo(t("2027-01-03T23:30:00+07:00"));
    }

    // ---------------------------------------------------------------- the gap 01/07–18/08/2026

    @Test
    void gapAppliesBothRegimesAndTheStricter24hForSerious() {
        DeadlineAssessment a =
                assess(IncidentFacts.detected(t("2026-07-31T23:45:00+07:00")).serious(true));
        assertThat(a.regime().id()).isEqualTo("gap-2026");
        assertThat(a.serious()).isTrue(); // the stricter reading: no need to be beyond capacity
        assertThat(kinds(a)).contains(ReportKind.NOTICE, ReportKind.INITIAL_24H, ReportKind.REPORT_72H);
        assertThat(a.deadline(ReportKind.INITIAL_24H).orElseThrow().dueAt()).isEqualTo(t("2026-08-01T23:45:00+07:00"));
        assertThat(a.deadline(ReportKind.NOTICE).orElseThrow().dueAt()).isEqualTo(t("2026-08-05T23:45:00+07:00"));
        assertThat(a.deadlines()).allMatch(ReportDeadline::choice);
    }

    @Test
    void gapOrdinaryIncidentStillOwesTheLegacyNotice() {
        DeadlineAssessment a = assess(IncidentFacts.detected(t("2026-07-01T00:00:00+07:00")));
        assertThat(kinds(a)).containsExactly(ReportKind.NOTICE);
        assertThat(a.deadline(ReportKind.NOTICE).orElseThrow().dueAt()).isEqualTo(t("2026-07-06T00:00:00+07:00"));
    }

    @Test
    void gapBeyondCapacityKeepsForm03ImmediatelyAndForm04() {
        DeadlineAssessment a = assess(IncidentFacts.detected(t("2026-08-18T22:00:00+07:00"))
                .beyondCapacity(true)
                .responseEnded(t("2026-08-20T09:00:00+07:00")));
        assertThat(a.deadline(ReportKind.FORM03_INITIAL).orElseThrow().immediate())
                .isTrue();
        assertThat(a.deadline(ReportKind.FORM04_END).orElseThrow().dueAt()).isEqualTo(t("2026-08-25T09:00:00+07:00"));
        assertThat(a.deadline(ReportKind.INITIAL_24H).orElseThrow().dueAt()).isEqualTo(t("2026-08-19T22:00:00+07:00"));
    }

    // ---------------------------------------------------------------- the data itself

    @Test
    void everyLimitCarriesALegalSource() {
        assertThat(engine.rules().limits())
                .allSatisfy(l -> assertThat(l.legalRef()).isNotBlank());
        assertThat(engine.rules().regimes())
                .extracting(ReportingRegime::id)
                .containsExactly("tt20-2017", "gap-2026", "nd331-2026");
    }

    @Test
    void regimesWithAHoleAreRefused() {
        String yaml = """
                zone: Asia/Ho_Chi_Minh
                regimes:
                  - {id: a, name_vi: a, name_en: a, detected_to: "2026-06-30", legal_ref: x, serious_ref: x}
                  - {id: b, name_vi: b, name_en: b, detected_from: "2026-07-02", legal_ref: x, serious_ref: x}
                limits: []
                """;
        assertThatThrownBy(() -> ReportingRules.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("gap or overlap");
    }

    @Test
    void aLimitWithoutLegalSourceIsRefused() {
        String yaml = """
                zone: Asia/Ho_Chi_Minh
                regimes:
                  - {id: a, name_vi: a, name_en: a, legal_ref: x, serious_ref: x}
                limits:
                  - {id: l, regime: a, kind: NOTICE, applies_when: ALWAYS, from: DETECTED, hours: 1, recipients: [OWNER], legal_ref: ""}
                """;
        assertThatThrownBy(() -> ReportingRules.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("legal_ref");
    }
}
