package vn.khien.incidents.deadlines;

import java.util.List;
import java.util.Optional;

/** The regime an incident falls under, whether it counts as serious there, and the reports it owes. */
public record DeadlineAssessment(ReportingRegime regime, boolean serious, List<ReportDeadline> deadlines) {

    public DeadlineAssessment {
        deadlines = List.copyOf(deadlines);
    }

    public Optional<ReportDeadline> deadline(ReportKind kind) {
        return deadlines.stream().filter(d -> d.kind() == kind).findFirst();
    }
}
