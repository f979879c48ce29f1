package vn.khien.compliance.plan;

import java.time.LocalDate;

/**
 * When a system's next assessment is due. {@code nextDue} is null when the system was never assessed: it is due now
 * and counted overdue, as both regimes require periodic assessment of every levelled system.
 */
public record AssessmentSchedulePoint(LocalDate lastCompleted, LocalDate nextDue, boolean overdue) {
}
