package vn.khien.incidents.cases;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import vn.khien.access.OrgScope;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;

/**
 * Incidents per category, severity and month (Việt Nam time) for a subtree the caller may see, or for everything they
 * see: the rows come from SQL with the incidents' visibility predicate (own subtree or shared with it), incidents
 * rejected as false left out. An organisation the caller cannot see is answered like an unknown one.
 */
@Service
class IncidentStatistics {

    static final int MAX_DAYS = 3700;

    private final IncidentRepository incidents;
    private final IncidentCatalogue catalogue;
    private final OrgScope scope;
    private final AuditTrail audit;

    IncidentStatistics(IncidentRepository incidents, IncidentCatalogue catalogue, OrgScope scope, AuditTrail audit) {
        this.incidents = incidents;
        this.catalogue = catalogue;
        this.scope = scope;
        this.audit = audit;
    }

    public record Count(String key, long count) {}

    public record Summary(
            Long organizationId,
            LocalDate from,
            LocalDate to,
            long total,
            List<Count> byCategory,
            List<Count> bySeverity,
            List<Count> byMonth,
            List<IncidentService.Statistic> rows) {}

    Summary summarize(Long organizationId, LocalDate from, LocalDate to) {
        if (organizationId != null && !scope.canSee(organizationId)) {
            throw new FieldProblemException("organizationId", "incidents.error.organizationUnknown");
        }
        if (from == null) {
            throw new FieldProblemException("from", "validation.required");
        }
        if (to == null) {
            throw new FieldProblemException("to", "validation.required");
        }
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new FieldProblemException("to", "incidents.error.period");
        }
        Map<String, Long> cells = new TreeMap<>();
        Map<String, Long> categories = new TreeMap<>();
        Map<String, Long> severities = new TreeMap<>();
        Map<String, Long> months = new TreeMap<>();
        long total = 0;
        for (IncidentRepository.StatRow r : incidents.statistics(
                organizationId,
                from.atStartOfDay(IncidentDocuments.VN).toInstant(),
                to.plusDays(1).atStartOfDay(IncidentDocuments.VN).toInstant())) {
            String month =
                    YearMonth.from(r.detectedAt().atZone(IncidentDocuments.VN)).toString();
            cells.merge(month + "|" + r.category() + "|" + r.severity(), 1L, Long::sum);
            categories.merge(r.category(), 1L, Long::sum);
            severities.merge(r.severity(), 1L, Long::sum);
            months.merge(month, 1L, Long::sum);
            total++;
        }
        // Every month of the period appears, with 0 when nothing was detected, so a chart has no gaps.
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.putIfAbsent(m.toString(), 0L);
        }
        List<Count> byCategory = new ArrayList<>();
        for (IncidentCatalogue.Category c : catalogue.categories()) {
            byCategory.add(new Count(c.id(), categories.getOrDefault(c.id(), 0L)));
        }
        categories.forEach((k, v) -> {
            if (catalogue.category(k).isEmpty()) {
                byCategory.add(new Count(k, v));
            }
        });
        List<Count> bySeverity = new ArrayList<>();
        for (Severity s : Severity.values()) {
            bySeverity.add(new Count(s.name(), severities.getOrDefault(s.name(), 0L)));
        }
        List<IncidentService.Statistic> rows = cells.entrySet().stream()
                .map(e -> {
                    String[] k = e.getKey().split("\\|");
                    return new IncidentService.Statistic(k[0], k[1], k[2], e.getValue());
                })
                .toList();
        if (organizationId != null && scope.administersFromAbove(organizationId)) {
            audit.record(AuditEntry.of("incident.statistics.read", organizationId, "organization", organizationId));
        }
        return new Summary(
                organizationId,
                from,
                to,
                total,
                byCategory,
                bySeverity,
                months.entrySet().stream()
                        .map(e -> new Count(e.getKey(), e.getValue()))
                        .toList(),
                rows);
    }
}
