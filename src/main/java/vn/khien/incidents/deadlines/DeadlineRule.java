package vn.khien.incidents.deadlines;

import java.util.List;

/** One reporting limit of rule data, with its legal source; {@code hours} null = required without a time limit. */
record DeadlineRule(
        String id,
        String regime,
        ReportKind kind,
        Condition appliesWhen,
        Trigger from,
        Integer hours,
        List<RecipientRole> recipients,
        String legalRef,
        boolean choice) {

    public DeadlineRule {
        recipients = List.copyOf(recipients);
    }
}
