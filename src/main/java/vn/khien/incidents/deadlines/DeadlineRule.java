package vn.khien.incidents.deadlines;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One reporting limit of rule data, with its legal source; {@code hours} null = required without a time limit. */
record DeadlineRule(
        String id,
        String regime,
        ReportKind kind,
        Condition appliesWhen,
        Trigger from,
        @Nullable Integer hours,
        List<RecipientRole> recipients,
        String legalRef,
        boolean choice) {

    public DeadlineRule {
        recipients = List.copyOf(recipients);
    }
}
