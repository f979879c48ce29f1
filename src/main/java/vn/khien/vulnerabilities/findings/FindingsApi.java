package vn.khien.vulnerabilities.findings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Findings", description = "Vulnerabilities found in systems, tracked across scans under an SLA")
class FindingsApi {

    /** Locations listed per finding in lists; the detail endpoint lists more. */
    static final int LIST_LOCATIONS = 50;

    private final FindingService service;

    public FindingsApi(FindingService service) {
        this.service = service;
    }

    public record LocationView(
            String host,
            @Nullable Integer port,
            String protocol,
            String path,
            String url,
            String filePath,
            @Nullable Integer line,
            boolean fixed) {
        static LocationView of(FindingLocation l) {
            return new LocationView(
                    l.host(), l.port(), l.protocol(), l.path(), l.url(), l.filePath(), l.line(), l.fixed());
        }
    }

    public record FindingView(
            long id,
            long systemId,
            String title,
            String severity,
            List<String> cves,
            List<LocationView> locations,
            int locationCount,
            FindingStatus status,
            LocalDate firstSeen,
            LocalDate lastSeen,
            @Nullable LocalDate dueDate,
            boolean overdue,
            String tool,
            @Nullable Long closedByScanId,
            String riskReason,
            String riskApprovedBy,
            @Nullable LocalDate riskExpiresOn) {
        static FindingView of(Finding f, List<FindingLocation> locations, LocalDate today) {
            return new FindingView(
                    f.id(),
                    f.systemId(),
                    f.title(),
                    f.severity(),
                    f.cves(),
                    locations.stream().map(LocationView::of).toList(),
                    f.locationCount(),
                    f.status(),
                    f.firstSeen(),
                    f.lastSeen(),
                    f.dueDate(),
                    f.overdue(today),
                    f.tool(),
                    f.closedByScanId(),
                    f.riskReason(),
                    f.riskApprovedByName(),
                    f.riskExpiresOn());
        }
    }

    /**
     * A page; {@code next}: pass it as {@code after} to read the page that follows (null on the last page);
     * {@code previous}: pass it as {@code before} to read the page before (null on the first page).
     */
    public record FindingPage(
            List<FindingView> items,
            long total,
            @Nullable String next,
            @Nullable String previous) {}

    public record FindingDetail(
            FindingView finding,
            String description,
            String solution,
            String references,
            String cwes,
            String cvssVector,
            @Nullable Double cvssScore,
            String component,
            List<FindingChange> history) {}

    @GetMapping("/api/v1/systems/{systemId}/findings")
    @Operation(
            summary = "Findings of a system, most severe first",
            description =
                    "Filters: status, severity, cve (exact identifier), host (substring), overdue. Pages: pass the"
                            + " answer's next as after, or its previous as before (keyset, as fast deep in the list as at"
                            + " its start); page (offset) is still accepted when neither is given")
    public FindingPage ofSystem(
            @PathVariable long systemId, @ParameterObject @ModelAttribute FindingFilter filter, BindingResult binding) {
        FindingFilter.refuseMismatches(binding);
        return page(filter.query(systemId, null));
    }

    @GetMapping("/api/v1/organizations/{organizationId}/findings")
    @Operation(
            summary = "Findings of the systems owned in an organisation's subtree",
            description = "Same filters and paging (after = an answer's next, before = its previous) as the system's"
                    + " findings")
    public FindingPage ofOrganization(
            @PathVariable long organizationId,
            @ParameterObject @ModelAttribute FindingFilter filter,
            BindingResult binding) {
        FindingFilter.refuseMismatches(binding);
        return page(filter.query(null, organizationId));
    }

    private FindingPage page(FindingQuery q) {
        FindingRepository.Page p = service.search(q);
        Map<Long, List<FindingLocation>> locations = service.locations(p.items(), LIST_LOCATIONS);
        LocalDate today = service.today();
        return new FindingPage(
                p.items().stream()
                        .map(f -> FindingView.of(f, locations.getOrDefault(f.id(), List.of()), today))
                        .toList(),
                p.total(),
                p.next() == null ? null : p.next().toString(),
                p.previous() == null ? null : p.previous().toString());
    }

    @GetMapping("/api/v1/findings/{id}")
    @Operation(summary = "One finding with its locations and history")
    public FindingDetail get(@PathVariable long id) {
        Finding f = service.get(id);
        List<FindingLocation> locations = service.locations(List.of(f), 1000).getOrDefault(f.id(), List.of());
        return new FindingDetail(
                FindingView.of(f, locations, service.today()),
                f.description(),
                f.solution(),
                f.references(),
                f.cwes(),
                f.cvssVector(),
                f.cvssScore(),
                f.component(),
                service.history(id));
    }

    @PostMapping("/api/v1/findings/state")
    @Operation(
            summary = "Change the state of one or more findings (all or none)",
            description = "FALSE_POSITIVE, FIXED, OPEN: EDIT_SECURITY_DATA; ACCEPTED_RISK also needs APPROVE on the"
                    + " owner, a reason and riskExpiresOn (at most a year ahead). Every change goes to the history"
                    + " and the audit trail.")
    public Map<String, Integer> changeState(@RequestBody FindingService.StateRequest request) {
        return Map.of("changed", service.changeState(request));
    }

    public record OrganizationSummary(
            List<FindingRepository.Count> counts, List<FindingService.SystemDuty> systems, SlaDays sla) {}

    @GetMapping("/api/v1/organizations/{organizationId}/findings/summary")
    @Operation(summary = "Counts by severity and state in a subtree, each system's six-month scan duty, and the SLA")
    public OrganizationSummary summary(@PathVariable long organizationId) {
        return new OrganizationSummary(
                service.counts(organizationId), service.scanDuties(organizationId), service.slaFor(organizationId));
    }

    @PutMapping("/api/v1/organizations/{organizationId}/findings/sla")
    @Operation(summary = "Set the days to fix by severity for an organisation's subtree (APPROVE there)")
    public SlaDays setSla(@PathVariable long organizationId, @RequestBody SlaDays days) {
        service.setSla(organizationId, days);
        return service.slaFor(organizationId);
    }
}
