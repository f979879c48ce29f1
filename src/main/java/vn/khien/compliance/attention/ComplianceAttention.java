package vn.khien.compliance.attention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khien.compliance.assessment.AssessmentSchedule;
import vn.khien.compliance.catalogue.Regime;
import vn.khien.compliance.plan.RegimeIds;
import vn.khien.compliance.risks.RiskRating;
import vn.khien.platform.DateDisplay;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionItem.Severity;
import vn.khien.platform.attention.AttentionSource;

/**
 * Compliance work on the home page: periodic assessments overdue or due soon (computed with the periodicity rules
 * from one query's rows), evidence expired or running out, approved systems without a security regulation and
 * overdue remediation tasks.
 */
@Component
@Order(20)
class ComplianceAttention implements AttentionSource {

    /** An assessment must be contracted weeks ahead: warn three months before it is due. */
    static final int ASSESSMENT_WARNING_DAYS = 90;

    private final ComplianceAttentionQueries queries;
    private final AssessmentSchedule schedule = AssessmentSchedule.withDefaultRules();
    private final Clock clock;

    public ComplianceAttention(ComplianceAttentionQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public List<AttentionItem> itemsFor(long personId) {
        LocalDate today = LocalDate.now(clock);
        List<AttentionItem> items = new ArrayList<>();
        assessments(today, items);
        queries.evidenceRunningOut(today).forEach(e -> {
            String link = planLink(e.systemId());
            if (e.expired() > 0) {
                items.add(AttentionItem.of(
                        Severity.CRITICAL,
                        "compliance.attention.evidenceExpired",
                        link,
                        e.expired(),
                        e.code(),
                        e.name()));
            }
            if (e.expiring() > 0) {
                items.add(AttentionItem.of(
                        Severity.WARNING,
                        "compliance.attention.evidenceExpiring",
                        link,
                        e.expiring(),
                        e.code(),
                        e.name()));
            }
        });
        queries.withoutRegulation()
                .forEach(s -> items.add(AttentionItem.of(
                        Severity.WARNING,
                        "compliance.attention.noRegulation",
                        planLink(s.systemId()),
                        s.code(),
                        s.name())));
        queries.overdueTasks(today)
                .forEach(t -> items.add(AttentionItem.of(
                        Severity.CRITICAL,
                        "compliance.attention.tasksOverdue",
                        planLink(t.systemId()),
                        t.count(),
                        t.code(),
                        t.name())));
        return items;
    }

    private void assessments(LocalDate today, List<AttentionItem> items) {
        for (ComplianceAttentionQueries.ScheduleRow row : queries.scheduled()) {
            Regime regime;
            try {
                regime = RegimeIds.of(row.regime());
            } catch (IllegalArgumentException unknown) {
                continue;
            }
            RiskRating risk = row.risk() == null ? null : RiskRating.valueOf(row.risk());
            LocalDate due = schedule.dueDate(regime, row.level(), risk, row.lastCompleted(), row.approvedOn());
            if (schedule.isOverdue(regime, row.level(), risk, row.lastCompleted(), row.approvedOn(), today)) {
                items.add(AttentionItem.of(
                        Severity.CRITICAL,
                        "compliance.attention.assessmentOverdue",
                        planLink(row.systemId()),
                        row.code(),
                        row.name(),
                        date(due)));
            } else if (due != null && !due.isAfter(today.plusDays(ASSESSMENT_WARNING_DAYS))) {
                items.add(AttentionItem.of(
                        Severity.WARNING,
                        "compliance.attention.assessmentDueSoon",
                        planLink(row.systemId()),
                        row.code(),
                        row.name(),
                        date(due)));
            }
        }
    }

    @Override
    public String moreLink() {
        return "/compliance";
    }

    private static String planLink(long systemId) {
        return "/compliance/systems/" + systemId;
    }

    private static String date(@Nullable LocalDate d) {
        return d == null ? "—" : DateDisplay.DATE.format(d);
    }
}
