package vn.khien.incidents.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import vn.khien.incidents.deadlines.IncidentFacts;
import vn.khien.platform.FieldProblemException;

/**
 * An incident case. Its workflow lives here: one method per step, each checking the current status and returning the
 * new state; the repository stores the result with one method per step.
 */
public record Incident(
        long id,
        long organizationId,
        Long systemId,
        String title,
        String description,
        String category,
        Severity severity,
        IncidentStatus status,
        IncidentSource source,
        Instant detectedAt,
        String detectedOffset,
        String regime,
        boolean beyondCapacity,
        Boolean serious,
        boolean nationalSecuritySigns,
        Instant responseEndedAt,
        String externalRef,
        String reporterName,
        String reporterContact,
        Instant createdAt,
        String organizationName,
        String organizationPath) {

    /** The detection time with the offset it was given with. */
    public OffsetDateTime detectedAtWithOffset() {
        return detectedAt.atOffset(ZoneOffset.of(detectedOffset));
    }

    public IncidentFacts facts() {
        return new IncidentFacts(
                detectedAtWithOffset(),
                beyondCapacity,
                serious,
                nationalSecuritySigns,
                responseEndedAt == null ? null : responseEndedAt.atOffset(ZoneOffset.of(detectedOffset)));
    }

    public Incident verify() {
        require(IncidentStatus.NEW);
        return with(IncidentStatus.VERIFIED, responseEndedAt);
    }

    /** Rejected as false or not an incident: only before it is worked on. */
    public Incident reject() {
        require(IncidentStatus.NEW, IncidentStatus.VERIFIED);
        return with(IncidentStatus.REJECTED, responseEndedAt);
    }

    public Incident contain() {
        require(IncidentStatus.VERIFIED);
        return with(IncidentStatus.CONTAINED, responseEndedAt);
    }

    public Incident eradicate() {
        require(IncidentStatus.CONTAINED);
        return with(IncidentStatus.ERADICATED, responseEndedAt);
    }

    /** Service restored: the response ends here, which starts the end-of-response report's clock. */
    public Incident recover(Instant now) {
        require(IncidentStatus.CONTAINED, IncidentStatus.ERADICATED);
        return with(IncidentStatus.RECOVERED, now);
    }

    /**
     * Closing needs the end-of-response report the rules ask for (TT 20 Đ9.2.b: the coordinator records an incident as
     * resolved only after Form 04; NĐ 331 Đ31.2.d closing report) to have been submitted.
     */
    public Incident close(boolean endReportOwedAndMissing) {
        require(IncidentStatus.RECOVERED);
        if (endReportOwedAndMissing) {
            throw new FieldProblemException("status", "incidents.error.endReportMissing");
        }
        return with(IncidentStatus.CLOSED, responseEndedAt);
    }

    /**
     * Amending the case record — the affected systems and components, the links to findings and warnings — is case
     * work: only while the case is open. A closed case, or one rejected as false, keeps the record it was closed with.
     * {@code field} is the request field the refusal names.
     */
    public Incident amendRecord(String field) {
        if (!status.open()) {
            throw new FieldProblemException(field, "incidents.error.recordClosed." + status.name());
        }
        return this;
    }

    private void require(IncidentStatus... allowed) {
        for (IncidentStatus s : allowed) {
            if (s == status) {
                return;
            }
        }
        throw new FieldProblemException("status", "incidents.error.transition", status.name());
    }

    private Incident with(IncidentStatus next, Instant ended) {
        return new Incident(
                id,
                organizationId,
                systemId,
                title,
                description,
                category,
                severity,
                next,
                source,
                detectedAt,
                detectedOffset,
                regime,
                beyondCapacity,
                serious,
                nationalSecuritySigns,
                ended,
                externalRef,
                reporterName,
                reporterContact,
                createdAt,
                organizationName,
                organizationPath);
    }
}
