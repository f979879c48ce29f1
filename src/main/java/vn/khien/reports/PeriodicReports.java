package vn.khien.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.khien.reports.periodic.ReportService;

/**
 * The periodic reports of one organisation and kind, for a feature module that shows and links them (the incident
 * network page shows the IR_NETWORK_MEMBER reports, ADR 0038). Only reports the caller may see are returned.
 */
@Component
public class PeriodicReports {

    /**
     * One version of a report.
     *
     * @param period  the period code, e.g. "2026-H1"
     * @param status  DRAFT, CHECKED, SIGNED, SUBMITTED, ACCEPTED or RETURNED
     * @param frozen  submitted or accepted (its figures are a frozen snapshot)
     * @param url     the report's page
     */
    public record Summary(
            long id,
            String period,
            int version,
            String status,
            LocalDate dueOn,
            @Nullable Instant submittedAt,
            boolean frozen,
            String url) {}

    private final ReportService reports;

    PeriodicReports(ReportService reports) {
        this.reports = reports;
    }

    /** Whether the caller may open a report of the organisation here (the offer to do so is shown only then). */
    public boolean mayOpen(long organizationId) {
        return reports.mayDraft(organizationId);
    }

    /**
     * Whether the caller may open a report of this kind for the organisation: its own officers, or the people of the
     * unit designated for it when the kind names a designated drafter (the network member report, ADR 0044).
     */
    public boolean mayOpen(long organizationId, String kind) {
        return reports.mayDraft(organizationId, kind);
    }

    /** Every version of the organisation's reports of the kind, latest period and version first. */
    public List<Summary> ofKind(long organizationId, String kind) {
        return reports.ofOrganization(organizationId).stream()
                .filter(r -> r.kind().equals(kind))
                .map(r -> new Summary(
                        r.id(),
                        r.period(),
                        r.version(),
                        r.status().name(),
                        r.dueOn(),
                        r.submittedAt(),
                        r.status().frozen(),
                        "/reports/" + r.id()))
                .toList();
    }
}
