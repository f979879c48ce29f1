package vn.khien.compliance.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.khien.compliance.web.PlanView.RoadmapEntry;

/**
 * The way to "fully deployed" month by month: open remediation tasks and PLANNED requirements by the month of their
 * due or target date. Entries without a date are listed apart: they are on no one's calendar, which is the point.
 */
record Roadmap(long systemId, LocalDate today, List<Month> months, List<RoadmapEntry> undated) {

    public static Roadmap of(PlanView plan) {
        Map<YearMonth, List<RoadmapEntry>> byMonth = new TreeMap<>();
        List<RoadmapEntry> undated = new ArrayList<>();
        for (RoadmapEntry e : plan.roadmap()) {
            if (e.date() == null) {
                undated.add(e);
            } else {
                byMonth.computeIfAbsent(YearMonth.from(e.date()), m -> new ArrayList<>())
                        .add(e);
            }
        }
        List<Month> months = new ArrayList<>();
        byMonth.forEach((month, entries) -> months.add(new Month(month, entries, plan.today())));
        return new Roadmap(plan.system().id(), plan.today(), months, undated);
    }

    public long overdue() {
        return months.stream().mapToLong(Month::overdue).sum();
    }

    /** Month labels and counts as the chart's data-* attributes carry them (CSP forbids inline scripts). */
    public String chartLabels() {
        return String.join("|", months.stream().map(m -> m.month().toString()).toList());
    }

    public String chartPlanned() {
        return join(months.stream().map(m -> m.planned() - m.overduePlanned()).toList());
    }

    public String chartTasks() {
        return join(months.stream().map(m -> m.tasks() - m.overdueTasks()).toList());
    }

    public String chartOverdue() {
        return join(months.stream().map(Month::overdue).toList());
    }

    private static String join(List<Long> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    /** One month of the roadmap; an entry is overdue once its date has passed. */
    public record Month(YearMonth month, List<RoadmapEntry> entries, LocalDate today) {

        public boolean overdue(RoadmapEntry e) {
            return e.date() != null && e.date().isBefore(today);
        }

        public long planned() {
            return entries.stream().filter(e -> e.taskId() == null).count();
        }

        public long tasks() {
            return entries.stream().filter(e -> e.taskId() != null).count();
        }

        public long overdue() {
            return entries.stream().filter(this::overdue).count();
        }

        long overduePlanned() {
            return entries.stream()
                    .filter(e -> e.taskId() == null)
                    .filter(this::overdue)
                    .count();
        }

        long overdueTasks() {
            return entries.stream()
                    .filter(e -> e.taskId() != null)
                    .filter(this::overdue)
                    .count();
        }
    }
}
