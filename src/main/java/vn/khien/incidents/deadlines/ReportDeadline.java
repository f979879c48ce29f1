package vn.khien.incidents.deadlines;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One report an incident owes: its limit in hours from {@code from}, and the instant it falls due in the rules' zone.
 * {@code dueAt} is null when the limit has not started (the response goes on) or the law sets no time limit.
 */
public record ReportDeadline(
        ReportKind kind,
        String ruleId,
        Trigger from,
        @Nullable Integer hours,
        @Nullable OffsetDateTime dueAt,
        List<RecipientRole> recipients,
        String legalRef,
        boolean choice) {

    public ReportDeadline {
        recipients = List.copyOf(recipients);
    }

    public boolean immediate() {
        return hours != null && hours == 0;
    }
}
