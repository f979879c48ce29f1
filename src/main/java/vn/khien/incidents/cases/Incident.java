package vn.khien.incidents.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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

    /**
     * The workflow steps and the statuses each may start from (TT 20/2017 Đ11), in the order the case page offers
     * them: every step method checks against this, and {@link #nextSteps()} offers only what it allows.
     */
    private static final Map<String, Set<IncidentStatus>> STEPS = steps();

    private static Map<String, Set<IncidentStatus>> steps() {
        Map<String, Set<IncidentStatus>> m = new LinkedHashMap<>();
        m.put("verify", EnumSet.of(IncidentStatus.NEW));
        m.put("reject", EnumSet.of(IncidentStatus.NEW, IncidentStatus.VERIFIED));
        m.put("contain", EnumSet.of(IncidentStatus.VERIFIED));
        m.put("eradicate", EnumSet.of(IncidentStatus.CONTAINED));
        m.put("recover", EnumSet.of(IncidentStatus.CONTAINED, IncidentStatus.ERADICATED));
        m.put("close", EnumSet.of(IncidentStatus.RECOVERED));
        return Collections.unmodifiableMap(m);
    }

    /** The steps possible from the current status (none once closed or rejected), by their path names. */
    public List<String> nextSteps() {
        return STEPS.entrySet().stream()
                .filter(e -> e.getValue().contains(status))
                .map(Map.Entry::getKey)
                .toList();
    }

    public Incident verify() {
        require("verify");
        return with(IncidentStatus.VERIFIED, responseEndedAt);
    }

    /** Rejected as false or not an incident: only before it is worked on. */
    public Incident reject() {
        require("reject");
        return with(IncidentStatus.REJECTED, responseEndedAt);
    }

    public Incident contain() {
        require("contain");
        return with(IncidentStatus.CONTAINED, responseEndedAt);
    }

    public Incident eradicate() {
        require("eradicate");
        return with(IncidentStatus.ERADICATED, responseEndedAt);
    }

    /** Service restored: the response ends here, which starts the end-of-response report's clock. */
    public Incident recover(Instant now) {
        require("recover");
        return with(IncidentStatus.RECOVERED, now);
    }

    /**
     * Closing needs the end-of-response report the rules ask for (TT 20 Đ9.2.b: the coordinator records an incident as
     * resolved only after Form 04; NĐ 331 Đ31.2.d closing report) to have been submitted.
     */
    public Incident close(boolean endReportOwedAndMissing) {
        require("close");
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

    /** Refuses {@code step} from the current status, naming the status in words (not its code). */
    private void require(String step) {
        if (!STEPS.get(step).contains(status)) {
            throw new FieldProblemException(
                    "status",
                    "incidents.error.transition",
                    new DefaultMessageSourceResolvable(
                            new String[] {"incidents.status." + status.name()}, status.name()));
        }
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
