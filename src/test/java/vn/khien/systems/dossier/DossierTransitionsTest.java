package vn.khien.systems.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.khien.platform.FieldProblemException;
import vn.khien.systems.deadlines.DayCount;
import vn.khien.systems.deadlines.Deadline;
import vn.khien.systems.deadlines.ProcedureStep;
import vn.khien.systems.deadlines.TimeLimit;
import vn.khien.systems.dossier.DossierTransition.Actor;
import vn.khien.systems.rules.Confidence;

/** The dossier's workflow steps on the domain object: each checks the status it starts from and returns the new state. */
class DossierTransitionsTest {

    // 10:00 in Hà Nội on Monday 16 November 2026.
    private static final Instant AT = Instant.parse("2026-11-16T03:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 16);
    private static final Actor OFFICER = new Actor(7, "demo.so.canbo");

    private static Dossier dossier(DossierStatus status) {
        return dossier(status, null, null, null);
    }

    private static Dossier dossier(DossierStatus status, LocalDate stepDue, LocalDate validityDue, LocalDate received) {
        return new Dossier(
                1,
                2,
                "HT-01",
                "Hệ thống",
                3,
                4L,
                "nd331-2026",
                3,
                status,
                3,
                5,
                "Sở",
                6,
                "UBND",
                null,
                "Đ",
                11L,
                AT.minusSeconds(86_400 * 3),
                TODAY.minusDays(3),
                stepDue,
                "Đ23",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.parse("2026-11-01T03:00:00Z"),
                validityDue,
                "Đ23",
                received,
                false,
                false,
                3);
    }

    private static Optional<Deadline> due(LocalDate day, String ref, boolean estimated) {
        TimeLimit limit = new TimeLimit(
                "t",
                "nd331-2026",
                ProcedureStep.APPRAISAL,
                Set.of(3),
                5,
                DayCount.WORKING_DAYS,
                "",
                ref,
                null,
                null,
                Confidence.PRIMARY);
        return Optional.of(new Deadline(TODAY, day, limit, estimated));
    }

    @Test
    void submittingADraftStartsTheAppraisalAndTheValidityCheck() {
        DossierTransition.Submission s = dossier(DossierStatus.DRAFT)
                .submit(
                        OFFICER,
                        AT,
                        "  ",
                        5,
                        due(TODAY.plusDays(20), "Đ24", true),
                        due(TODAY.plusDays(7), "Đ23", false));

        assertThat(s.step().from()).isEqualTo(DossierStatus.DRAFT);
        assertThat(s.step().to()).isEqualTo(DossierStatus.SUBMITTED);
        assertThat(s.step().recordedAs()).isEqualTo("SUBMIT");
        assertThat(s.step().startedOn()).isEqualTo(TODAY);
        assertThat(s.step().dueOn()).isEqualTo(TODAY.plusDays(20));
        assertThat(s.step().dueEstimated()).isTrue();
        assertThat(s.step().comment()).isNull();
        assertThat(s.procedureLevel()).isEqualTo(5);
        assertThat(s.stepLimitRef()).isEqualTo("Đ24");
        assertThat(s.validityDueOn()).isEqualTo(TODAY.plusDays(7));
        assertThat(s.validityLimitRef()).isEqualTo("Đ23");
    }

    @Test
    void submittingAReturnedDossierIsAResubmissionAndNoLimitMeansNoDueDay() {
        DossierTransition.Submission s = dossier(DossierStatus.RETURNED)
                .submit(OFFICER, AT, "Đã bổ sung", 3, Optional.empty(), Optional.empty());

        assertThat(s.step().recordedAs()).isEqualTo("RESUBMIT");
        assertThat(s.step().comment()).isEqualTo("Đã bổ sung");
        assertThat(s.step().dueOn()).isNull();
        assertThat(s.validityDueOn()).isNull();
    }

    @Test
    void everyStepIsRefusedFromAStatusItDoesNotStartFromNamingTheStatus() {
        for (DossierStatus status : DossierStatus.values()) {
            Dossier d = dossier(status);
            check(
                    DossierAction.SUBMIT,
                    status,
                    () -> d.submit(OFFICER, AT, null, 3, Optional.empty(), Optional.empty()));
            check(DossierAction.RETURN, status, () -> d.returnForRevision(OFFICER, AT, "Thiếu phương án"));
            check(DossierAction.APPRAISE, status, () -> d.appraise(OFFICER, AT, "Đồng ý", Optional.empty()));
            check(
                    DossierAction.APPROVE,
                    status,
                    () -> d.approve(OFFICER, AT, null, "12/QĐ", TODAY, "Chủ tịch", null, null));
            check(DossierAction.WITHDRAW, status, () -> d.withdraw(OFFICER, AT, null));
        }
    }

    private static void check(DossierAction action, DossierStatus status, Runnable step) {
        if (action.allowedFrom(status)) {
            step.run();
        } else {
            assertThatThrownBy(step::run)
                    .isInstanceOf(FieldProblemException.class)
                    .satisfies(e -> assertThat(((FieldProblemException) e)
                                    .problems()
                                    .get(0)
                                    .field())
                            .isEqualTo("status"));
        }
    }

    @Test
    void theStatusesEachStepStartsFromAreTheWorkflowOfDossierStatus() {
        assertThat(DossierAction.SUBMIT.from()).isEqualTo(EnumSet.of(DossierStatus.DRAFT, DossierStatus.RETURNED));
        assertThat(DossierAction.RETURN.from()).isEqualTo(EnumSet.of(DossierStatus.SUBMITTED));
        assertThat(DossierAction.APPRAISE.from()).isEqualTo(EnumSet.of(DossierStatus.SUBMITTED));
        assertThat(DossierAction.APPROVE.from()).isEqualTo(EnumSet.of(DossierStatus.APPRAISED));
        for (DossierStatus s : DossierStatus.values()) {
            assertThat(DossierAction.WITHDRAW.allowedFrom(s)).isEqualTo(s.open());
            assertThat(DossierAction.SUBMIT.allowedFrom(s)).isEqualTo(s.editable());
        }
    }

    @Test
    void returningNeedsTheReasonAndIsTheStepTheValidityCheckLimits() {
        Dossier d = dossier(DossierStatus.SUBMITTED, TODAY.plusDays(10), TODAY.minusDays(1), null);
        assertThatThrownBy(() -> d.returnForRevision(OFFICER, AT, " "))
                .isInstanceOf(FieldProblemException.class)
                .satisfies(e -> assertThat(
                                ((FieldProblemException) e).problems().get(0).field())
                        .isEqualTo("comment"));

        DossierTransition t = d.returnForRevision(OFFICER, AT, " Thiếu phương án ");
        assertThat(t.to()).isEqualTo(DossierStatus.RETURNED);
        assertThat(t.comment()).isEqualTo("Thiếu phương án");
        assertThat(t.limitOfThisStep()).isEqualTo(TODAY.minusDays(1));
        assertThat(t.dueOn()).isNull();
    }

    @Test
    void appraisalNeedsTheWrittenOpinionAndStartsTheApprovalClock() {
        Dossier d = dossier(DossierStatus.SUBMITTED, TODAY.plusDays(2), null, null);
        assertThatThrownBy(() -> d.appraise(OFFICER, AT, null, Optional.empty()))
                .isInstanceOf(FieldProblemException.class)
                .satisfies(e -> assertThat(
                                ((FieldProblemException) e).problems().get(0).messageKey())
                        .isEqualTo("systems.dossier.opinionRequired"));

        DossierTransition.Appraisal a =
                d.appraise(OFFICER, AT, "Đề nghị phê duyệt", due(TODAY.plusDays(15), "Đ24", false));
        assertThat(a.step().to()).isEqualTo(DossierStatus.APPRAISED);
        assertThat(a.step().comment()).isEqualTo("Đề nghị phê duyệt");
        assertThat(a.step().limitOfThisStep()).isEqualTo(TODAY.plusDays(2));
        assertThat(a.step().dueOn()).isEqualTo(TODAY.plusDays(15));
        assertThat(a.stepLimitRef()).isEqualTo("Đ24");
    }

    @Test
    void approvalKeepsTheDecisionAndNamesTheSignedFile() {
        Dossier d = dossier(DossierStatus.APPRAISED, TODAY.minusDays(1), null, null);
        DossierTransition.Approval a =
                d.approve(OFFICER, AT, null, " 12/QĐ-UBND ", TODAY, " Chủ tịch ", new byte[] {1}, " ");
        assertThat(a.step().to()).isEqualTo(DossierStatus.APPROVED);
        assertThat(a.step().dueOn()).isNull();
        assertThat(a.step().limitOfThisStep()).isEqualTo(TODAY.minusDays(1));
        assertThat(a.decisionNumber()).isEqualTo("12/QĐ-UBND");
        assertThat(a.decisionSigner()).isEqualTo("Chủ tịch");
        assertThat(a.signedFileName()).isEqualTo("quyet-dinh.pdf");
        assertThat(d.approve(OFFICER, AT, null, "1", TODAY, "X", null, "a.pdf").signedFileName())
                .isNull();
    }

    @Test
    void withdrawingEndsTheDossier() {
        DossierTransition t = dossier(DossierStatus.APPRAISED).withdraw(OFFICER, AT, null);
        assertThat(t.to()).isEqualTo(DossierStatus.WITHDRAWN);
        assertThat(t.to().open()).isFalse();
        assertThat(t.actor()).isEqualTo(OFFICER);
    }

    @Test
    void aReceiptRestartsTheCurrentStepAndTheValidityCheckWhileItRuns() {
        Dossier submitted = dossier(DossierStatus.SUBMITTED, TODAY.plusDays(20), TODAY.plusDays(3), null);
        DossierTransition.Receipt r = submitted.receive(
                OFFICER,
                AT,
                TODAY.minusDays(1),
                " giấy ",
                due(TODAY.plusDays(25), "Đ24", true),
                due(TODAY.plusDays(5), "Đ23", false));
        assertThat(r.stepDueOn()).isEqualTo(TODAY.plusDays(25));
        assertThat(r.stepDueEstimated()).isTrue();
        assertThat(r.validityRestarted()).isTrue();
        assertThat(r.validityDueOn()).isEqualTo(TODAY.plusDays(5));
        assertThat(r.note()).isEqualTo("giấy");

        Dossier appraised = dossier(DossierStatus.APPRAISED, TODAY.plusDays(20), null, null);
        DossierTransition.Receipt approval =
                appraised.receive(OFFICER, AT, TODAY, null, due(TODAY.plusDays(9), "Đ24", false), Optional.empty());
        assertThat(approval.validityRestarted()).isFalse();
        assertThat(approval.stepDueOn()).isEqualTo(TODAY.plusDays(9));
    }

    @Test
    void aReceiptIsRefusedInTheFutureBeforeTheDossierOrOutsideAStepWithALimit() {
        Dossier d = dossier(DossierStatus.SUBMITTED);
        assertThatThrownBy(() -> d.receive(OFFICER, AT, null, null, Optional.empty(), Optional.empty()))
                .isInstanceOf(FieldProblemException.class);
        assertThatThrownBy(() -> d.receive(OFFICER, AT, TODAY.plusDays(1), null, Optional.empty(), Optional.empty()))
                .satisfies(e -> assertThat(
                                ((FieldProblemException) e).problems().get(0).messageKey())
                        .isEqualTo("legal.receipt.future"));
        assertThatThrownBy(() ->
                        d.receive(OFFICER, AT, LocalDate.of(2026, 10, 31), null, Optional.empty(), Optional.empty()))
                .satisfies(e -> assertThat(
                                ((FieldProblemException) e).problems().get(0).messageKey())
                        .isEqualTo("legal.receipt.beforeDossier"));
        assertThatThrownBy(() -> dossier(DossierStatus.DRAFT)
                        .receive(OFFICER, AT, TODAY, null, Optional.empty(), Optional.empty()))
                .isInstanceOf(FieldProblemException.class);
    }
}
