package vn.khien.compliance.plan;

import java.time.LocalDate;

/** A remediation task for a gap: what, who, by when, optionally for one requirement. */
public record TaskRequest(String requirementId, String title, String owner, LocalDate dueOn) {
}
