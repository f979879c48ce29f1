package vn.khien.reports.periodic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import vn.khien.platform.FieldProblemException;

/**
 * One version of a periodic report of an organisation for a kind and period. Each sign-off step is a method that
 * checks the current status and returns the new state; the repository stores it with one method per step.
 */
public record PeriodicReport(
        long id,
        long organizationId,
        String organizationName,
        @Nullable Long parentOrganizationId,
        String kind,
        String period,
        LocalDate periodFrom,
        LocalDate periodTo,
        int version,
        ReportStatus status,
        LocalDate dueOn,
        String rulesVersion,
        @Nullable String documentNumber,
        @Nullable LocalDate documentDate,
        @Nullable String signerName,
        @Nullable String signedFileName,
        @Nullable String returnComment,
        Instant createdAt,
        @Nullable Instant submittedAt,
        @Nullable Instant decidedAt,
        @Nullable Long checkedBy,
        @Nullable String checkedByName) {

    /** Checked by the head of the security unit, who is recorded: the signer must be somebody else. */
    public PeriodicReport markChecked(@Nullable Long checker, @Nullable String checkerName) {
        require(ReportAction.CHECK);
        return new PeriodicReport(
                id,
                organizationId,
                organizationName,
                parentOrganizationId,
                kind,
                period,
                periodFrom,
                periodTo,
                version,
                ReportStatus.CHECKED,
                dueOn,
                rulesVersion,
                documentNumber,
                documentDate,
                signerName,
                signedFileName,
                returnComment,
                createdAt,
                submittedAt,
                decidedAt,
                checker,
                checkerName);
    }

    /**
     * Signed by the leader ({@code signedBy}: the person taking the step), never by the person who checked it: the
     * check is a second pair of eyes (four-eyes principle of the sign-off in issue 14).
     */
    public PeriodicReport markSigned(
            String number, LocalDate date, String signer, @Nullable String fileName, @Nullable Long signedBy) {
        require(ReportAction.SIGN);
        if (checkedBy != null && checkedBy.equals(signedBy)) {
            throw new FieldProblemException("action", "reports.error.sameChecker");
        }
        if (number == null || number.isBlank()) {
            throw new FieldProblemException("documentNumber", "reports.error.documentNumber");
        }
        // the columns' widths (V90): a longer value is the signer's typing error, said as such, not a database error
        if (number.trim().length() > 100) {
            throw new FieldProblemException("documentNumber", "reports.error.tooLong", 100);
        }
        if (signer.length() > 200) {
            throw new FieldProblemException("signerName", "reports.error.tooLong", 200);
        }
        if (date == null) {
            throw new FieldProblemException("documentDate", "reports.error.documentDate");
        }
        return new PeriodicReport(
                id,
                organizationId,
                organizationName,
                parentOrganizationId,
                kind,
                period,
                periodFrom,
                periodTo,
                version,
                ReportStatus.SIGNED,
                dueOn,
                rulesVersion,
                number.trim(),
                date,
                signer,
                fileName,
                returnComment,
                createdAt,
                submittedAt,
                decidedAt,
                checkedBy,
                checkedByName);
    }

    /**
     * Submitted upward with its figures. {@code missingFigures}: the figures the kind's rule data requires
     * ({@code requires_figures}) that no module provides; a report cannot go up without them.
     */
    public PeriodicReport markSubmitted(Instant now, Collection<String> missingFigures) {
        require(ReportAction.SUBMIT);
        if (parentOrganizationId == null) {
            throw new FieldProblemException("action", "reports.error.noParent");
        }
        if (!missingFigures.isEmpty()) {
            throw new FieldProblemException(
                    "figures", "reports.error.requiresFigures", String.join(", ", new TreeSet<>(missingFigures)));
        }
        return new PeriodicReport(
                id,
                organizationId,
                organizationName,
                parentOrganizationId,
                kind,
                period,
                periodFrom,
                periodTo,
                version,
                ReportStatus.SUBMITTED,
                dueOn,
                rulesVersion,
                documentNumber,
                documentDate,
                signerName,
                signedFileName,
                returnComment,
                createdAt,
                now,
                decidedAt,
                checkedBy,
                checkedByName);
    }

    public PeriodicReport markAccepted(Instant now) {
        require(ReportAction.ACCEPT);
        return decided(ReportStatus.ACCEPTED, null, now);
    }

    public PeriodicReport markReturned(String comment, Instant now) {
        require(ReportAction.RETURN);
        if (comment == null || comment.isBlank()) {
            throw new FieldProblemException("comment", "reports.error.comment");
        }
        return decided(ReportStatus.RETURNED, comment.trim(), now);
    }

    /** A returned report is revised as a new version in DRAFT; the returned one is kept. */
    public void requireRevisable() {
        require(ReportAction.REVISE);
    }

    /** Late: not submitted by the due day, as of {@code today}. */
    public boolean lateOn(LocalDate today) {
        Instant sent = submittedAt;
        if (sent != null) {
            return sent.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate().isAfter(dueOn);
        }
        return today.isAfter(dueOn);
    }

    private PeriodicReport decided(ReportStatus to, @Nullable String comment, Instant now) {
        return new PeriodicReport(
                id,
                organizationId,
                organizationName,
                parentOrganizationId,
                kind,
                period,
                periodFrom,
                periodTo,
                version,
                to,
                dueOn,
                rulesVersion,
                documentNumber,
                documentDate,
                signerName,
                signedFileName,
                comment,
                createdAt,
                submittedAt,
                now,
                checkedBy,
                checkedByName);
    }

    /** The step starts from a status {@link ReportAction} allows it from (the one statement of the rule). */
    private void require(ReportAction step) {
        if (!step.allowedFrom(status)) {
            throw new FieldProblemException("action", "reports.error.status", status.label());
        }
    }
}
