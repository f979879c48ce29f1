package vn.khien.incidents.cases;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.platform.FieldProblemException;

/** The statistics page: incidents per category, severity and month for a subtree the person may see. */
@Controller
class IncidentStatisticsPages {

    private final IncidentStatistics statistics;
    private final IncidentRepository lookups;
    private final IncidentCatalogue catalogue;
    private final MessageSource messages;
    private final Clock clock;

    IncidentStatisticsPages(
            IncidentStatistics statistics,
            IncidentRepository lookups,
            IncidentCatalogue catalogue,
            MessageSource messages,
            Clock clock) {
        this.statistics = statistics;
        this.lookups = lookups;
        this.catalogue = catalogue;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/incidents/statistics")
    String show(
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        LocalDate today = LocalDate.now(clock.withZone(IncidentDocuments.VN));
        LocalDate f = from == null ? today.withDayOfYear(1) : from;
        LocalDate t = to == null ? today : to;
        model.addAttribute("organizations", lookups.visibleOrganizations());
        model.addAttribute("organizationId", organizationId);
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("english", english);
        model.addAttribute("catalogue", catalogue);
        try {
            model.addAttribute("summary", statistics.summarize(organizationId, f, t));
        } catch (FieldProblemException e) {
            FieldProblemException.FieldProblem p = e.problems().get(0);
            model.addAttribute(
                    "actionError", text("incidents.stats.field." + p.field()) + ": " + text(p.messageKey(), p.args()));
        }
        return "incidents/statistics";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
