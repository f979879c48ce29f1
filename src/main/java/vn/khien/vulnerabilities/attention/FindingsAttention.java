package vn.khien.vulnerabilities.attention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khien.platform.DateDisplay;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionItem.Severity;
import vn.khien.platform.attention.AttentionSource;
import vn.khien.vulnerabilities.findings.ScanDuty;

/**
 * Vulnerability work on the home page: overdue findings per system and severity, the six-month scan duty, and
 * accepted risks about to run out (they reopen on expiry).
 */
@Component
@Order(30)
class FindingsAttention implements AttentionSource {

    /** Same window as the scan duty's warning: a month to renew or fix. */
    static final int RISK_WARNING_DAYS = ScanDuty.WARNING_DAYS;

    private final FindingsAttentionQueries queries;
    private final Clock clock;

    public FindingsAttention(FindingsAttentionQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public List<AttentionItem> itemsFor(long personId) {
        LocalDate today = LocalDate.now(clock);
        List<AttentionItem> items = new ArrayList<>();
        queries.overdueFindings(today)
                .forEach(c -> items.add(AttentionItem.of(
                        severityOf(c.severity()),
                        "vulnerabilities.attention.overdue",
                        "/systems/" + c.systemId() + "/findings?overdue=true&severity=" + c.severity(),
                        c.count(),
                        new DefaultMessageSourceResolvable("findings.severity." + c.severity()),
                        c.code(),
                        c.name())));
        FindingsAttentionQueries.DutyCounts duty = queries.scanDuties(today);
        if (duty.overdue() > 0) {
            items.add(AttentionItem.of(
                    Severity.CRITICAL,
                    "vulnerabilities.attention.scanOverdue",
                    "/findings",
                    duty.overdue(),
                    ScanDuty.MONTHS));
        }
        if (duty.dueSoon() > 0) {
            items.add(AttentionItem.of(
                    Severity.WARNING,
                    "vulnerabilities.attention.scanDueSoon",
                    "/findings",
                    duty.dueSoon(),
                    ScanDuty.WARNING_DAYS));
        }
        queries.expiringRisks(today, RISK_WARNING_DAYS)
                .forEach(r -> items.add(AttentionItem.of(
                        Severity.WARNING,
                        "vulnerabilities.attention.riskExpiring",
                        "/systems/" + r.systemId() + "/findings?status=ACCEPTED_RISK",
                        r.count(),
                        r.code(),
                        r.name(),
                        DateDisplay.DATE.format(r.firstExpiry()))));
        return items;
    }

    /**
     * For a person who sees the whole tree the roll-ups run over the whole country (the overdue findings group ~61,000
     * systems' critical tally rows, the scan duty reads 100,000 systems: ~1.4 s at scale 1.0), and a count of overdue
     * findings depends on today's date, so it cannot be kept by the writes: their lines are computed in the background
     * and may be a few minutes old (ADR 0059, ADR 0071). Everyone else's are computed on the request, as before.
     */
    @Override
    public boolean mayLagFor(long personId) {
        return queries.wholeTree();
    }

    @Override
    public String moreLink() {
        return "/findings";
    }

    private static Severity severityOf(String findingSeverity) {
        switch (findingSeverity) {
            case "CRITICAL":
            case "HIGH":
                return Severity.CRITICAL;
            case "MEDIUM":
                return Severity.WARNING;
            default:
                return Severity.INFO;
        }
    }
}
