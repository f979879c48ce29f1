package vn.khien.incidents.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
        name = "Incidents",
        description = "Incident cases: intake, legal reporting clocks by regime, reports, coordination")
class IncidentStatisticsApi {

    private final IncidentStatistics statistics;

    IncidentStatisticsApi(IncidentStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/incidents/statistics")
    @Operation(
            summary =
                    "Incidents per category, severity and month (Việt Nam time) for a subtree, or all the caller sees")
    @ApiResponse(responseCode = "200", description = "Totals per category, severity and month, and the cross rows")
    public IncidentStatistics.Summary statistics(
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return statistics.summarize(organizationId, from, to);
    }
}
