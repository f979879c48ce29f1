package vn.khien.vulnerabilities.findings;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A vulnerability in a system as tracked across scans. */
public record Finding(
        long id,
        long systemId,
        String systemCode,
        String systemName,
        long ownerOrganizationId,
        String tool,
        String format,
        String title,
        String severity,
        List<String> cves,
        String cwes,
        String cvssVector,
        @Nullable Double cvssScore,
        String description,
        String solution,
        String references,
        String component,
        String primaryHost,
        FindingStatus status,
        LocalDate firstSeen,
        LocalDate lastSeen,
        @Nullable LocalDate dueDate,
        @Nullable Long closedByScanId,
        @Nullable LocalDate closedOn,
        String riskReason,
        String riskApprovedByName,
        @Nullable LocalDate riskExpiresOn,
        int locationCount) {

    /** Past its due date and still to be fixed. */
    public boolean overdue(LocalDate today) {
        return status.active() && dueDate != null && dueDate.isBefore(today);
    }
}
