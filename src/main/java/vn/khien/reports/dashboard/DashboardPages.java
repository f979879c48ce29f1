package vn.khien.reports.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.khien.reports.figures.DrillLine;
import vn.khien.reports.kinds.PeriodWords;
import vn.khien.reports.kinds.ReportKinds;
import vn.khien.reports.periodic.PeriodicReport;
import vn.khien.reports.periodic.ReportService;

/** The dashboard page: targets with deadlines, the trend chart by quarter, children worst first, a figures table. */
@Controller
class DashboardPages {
    private final DashboardService service;
    private final MessageSource messages;
    private final ReportService reports;
    private final ReportKinds kinds;
    private final PeriodWords periodWords;

    public DashboardPages(
            DashboardService service,
            MessageSource messages,
            ReportService reports,
            ReportKinds kinds,
            PeriodWords periodWords) {
        this.periodWords = periodWords;
        this.service = service;
        this.messages = messages;
        this.reports = reports;
        this.kinds = kinds;
    }

    /** A report whose roll-up lacks some units' data, as the dashboard names it. */
    record IncompleteReport(long id, String text) {}

    @GetMapping("/organizations/{id}/dashboard")
    String dashboard(@PathVariable long id, Model model) {
        DashboardService.Dashboard d = service.dashboard(id);
        model.addAttribute("d", d);
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        List<String> labels = new ArrayList<>();
        for (String f : d.standing().figures().keySet()) {
            labels.add(messages.getMessage("figure." + f, null, f, LocaleContextHolder.getLocale()));
        }
        model.addAttribute("figureLabels", labels);
        model.addAttribute("english", en);
        // The dashboard's figures are live and whole; the organisation's latest reports may not be: say so.
        List<IncompleteReport> incomplete = new ArrayList<>();
        for (PeriodicReport r : reports.incompleteLatest(id)) {
            String title = kinds.find(r.kind()).map(k -> k.title(en)).orElse(r.kind());
            incomplete.add(new IncompleteReport(
                    r.id(),
                    messages.getMessage(
                            "dashboard.incomplete",
                            new Object[] {title, periodWords.name(r.period())},
                            LocaleContextHolder.getLocale())));
        }
        model.addAttribute("incompleteReports", incomplete);
        // Every target's trend, as the trend table reads it: a share's percentage, a count's figure.
        StringBuilder shares = new StringBuilder();
        StringBuilder counts = new StringBuilder();
        for (DashboardService.TargetValue t : d.standing().targets()) {
            DashboardTargets.Target target = t.target();
            StringBuilder values = new StringBuilder();
            for (DashboardService.TrendPoint p : d.trend()) {
                Object v = target.share()
                        ? (Object) p.percents().get(target.key())
                        : (Object) p.figures().get(target.numerator());
                values.append(values.length() == 0 ? "" : ",").append(v == null ? "" : v);
            }
            StringBuilder series = target.share() ? shares : counts;
            series.append(series.length() == 0 ? "" : ";")
                    .append((en ? target.titleEn() : target.titleVi())
                            .replace(";", ",")
                            .replace("=", "-"))
                    .append("=")
                    .append(values);
        }
        model.addAttribute(
                "trendLabels",
                String.join(
                        "|",
                        d.trend().stream()
                                .map(p -> periodWords.name(p.period()).replace("|", "/"))
                                .toList()));
        model.addAttribute("trendSeries", shares.toString());
        model.addAttribute("trendCounts", counts.toString());
        return "reports/dashboard";
    }

    @GetMapping("/organizations/{id}/dashboard/figures/{figure}")
    String drill(@PathVariable long id, @PathVariable String figure, Model model) {
        DashboardService.Drill d = service.drill(id, figure);
        model.addAttribute("heading", d.name());
        model.addAttribute("period", d.period());
        model.addAttribute("asOf", d.asOf());
        model.addAttribute("total", d.total());
        model.addAttribute("own", d.own());
        model.addAttribute("rows", d.rows());
        model.addAttribute("back", "/organizations/" + id + "/dashboard");
        model.addAttribute(
                "lines",
                d.children().stream()
                        .map(c -> new DrillLine(
                                c.name(),
                                c.value(),
                                "/organizations/" + c.organizationId() + "/dashboard/figures/" + figure,
                                null))
                        .toList());
        model.addAttribute(
                "figureLabel", messages.getMessage("figure." + figure, null, figure, LocaleContextHolder.getLocale()));
        return "reports/drill";
    }
}
