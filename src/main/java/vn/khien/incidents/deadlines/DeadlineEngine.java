package vn.khien.incidents.deadlines;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain Java over the rule data: which regime an incident's detection time falls under, whether the incident is
 * serious there, and when each report it owes falls due (hours from the detection or from the end of the response,
 * expressed in the rules' zone). No web, no database.
 */
public final class DeadlineEngine {

    private final ReportingRules rules;

    public DeadlineEngine(ReportingRules rules) {
        this.rules = rules;
    }

    public ReportingRules rules() {
        return rules;
    }

    public DeadlineAssessment assess(IncidentFacts facts) {
        ReportingRegime regime = rules.regimeFor(facts.detectedAt());
        boolean claimedSerious = Boolean.TRUE.equals(facts.serious());
        boolean serious = claimedSerious && (!regime.seriousRequiresBeyondCapacity() || facts.beyondCapacity());
        // One line per kind of report: when two limits ask for the same report, the earlier due date wins (stricter).
        Map<ReportKind, ReportDeadline> byKind = new LinkedHashMap<>();
        for (DeadlineRule rule : rules.limitsOf(regime)) {
            if (!rule.appliesWhen().holds(serious, facts.beyondCapacity(), facts.nationalSecuritySigns())) {
                continue;
            }
            OffsetDateTime start = rule.from() == Trigger.DETECTED ? facts.detectedAt() : facts.responseEndedAt();
            OffsetDateTime due = start == null || rule.hours() == null
                    ? null
                    : start.atZoneSameInstant(rules.zone())
                            .plusHours(rule.hours())
                            .toOffsetDateTime();
            ReportDeadline d = new ReportDeadline(
                    rule.kind(),
                    rule.id(),
                    rule.from(),
                    rule.hours(),
                    due,
                    rule.recipients(),
                    rule.legalRef(),
                    rule.choice() || regime.choice());
            byKind.merge(rule.kind(), d, DeadlineEngine::stricter);
        }
        List<ReportDeadline> out = new ArrayList<>(byKind.values());
        out.sort(Comparator.comparing((ReportDeadline d) -> d.from().ordinal())
                .thenComparing(d -> d.hours() == null ? Integer.MAX_VALUE : d.hours()));
        return new DeadlineAssessment(regime, serious, out);
    }

    private static ReportDeadline stricter(ReportDeadline a, ReportDeadline b) {
        if (a.hours() == null) {
            return b;
        }
        if (b.hours() == null) {
            return a;
        }
        return b.hours() < a.hours() ? b : a;
    }
}
