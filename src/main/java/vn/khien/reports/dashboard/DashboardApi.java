package vn.khien.reports.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khien.reports.periodic.ReportsApi;

@RestController
@Tag(name = "Dashboards", description = "An organisation subtree's standing against the targets of the directives")
class DashboardApi {

    private final DashboardService service;

    public DashboardApi(DashboardService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/organizations/{id}/dashboard")
    @Operation(
            summary = "The dashboard figures of an organisation subtree for the current quarter as of today: targets "
                    + "with deadlines, trend over four quarters, children ranked worst first (score = average of the target "
                    + "percentages; count targets score 100 when met, else 0; a target without data — met null, e.g. a share of 0 "
                    + "systems or overdue findings where no system is in scope — is left out, and a subtree with no system in "
                    + "scope has score null: no data, ranked after the children with a score). The figures equal those of a quarterly report "
                    + "compiled at the same moment with no child submitted. The figures come pre-aggregated (at most 15 minutes old "
                    + "by default; computedAt says when, null when live) unless live=true. rankings: one per target, in the "
                    + "order of standing.targets: {target: key, children: [{organizationId, name, value, denominator, "
                    + "percent, met}]}, worst first — children without data for the target (met null) last, a share by "
                    + "its rounded percent rising, a count by its value falling, ties by organizationId; value is the "
                    + "target's numerator figure, denominator a share's base (or a count's required figure, null when "
                    + "it has none); each child's dashboard is GET /api/v1/organizations/{organizationId}/dashboard. "
                    + "From the snapshot, each ranking is one SQL query; live, the same order over the live figures.",
            description = ReportsApi.FIGURES)
    public DashboardService.Dashboard dashboard(
            @PathVariable long id, @RequestParam(defaultValue = "false") boolean live) {
        return service.dashboard(id, live);
    }

    @GetMapping("/api/v1/organizations/{id}/dashboard/figures/{figure}")
    @Operation(
            summary = "Drill-down of a dashboard figure within the caller's subtree: the subtree total, each child's "
                    + "total (largest first) and the rows of the organisation's own data behind it (at most 200, each with a "
                    + "link). 404 for an organisation outside the caller's subtree or an unknown figure.",
            description = ReportsApi.FIGURES)
    public DashboardService.Drill drill(@PathVariable long id, @PathVariable String figure) {
        return service.drill(id, figure);
    }
}
