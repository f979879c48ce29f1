package vn.khien.reports.periodic;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionSource;
import vn.khien.reports.kinds.PeriodWords;
import vn.khien.reports.kinds.ReportKinds;

/**
 * "A report waits for you": a checked report for its organisation's leader to sign, a submitted one for the parent's
 * leader or officer to accept or return. The walk found a ministry's submitted report on nobody's home page: the
 * person who decides had to open the ministry's list to find it. Who is asked is {@link ReportAction}'s rule.
 */
@Component
@Order(57)
class ReportsAttention implements AttentionSource {

    /** At most this many lines of each step on the home page; the whole list is {@code /reports?view=waiting}. */
    static final int HOME_LINES = 20;

    private final ReportRepository reports;
    private final ReportKinds kinds;
    private final PeriodWords periodWords;

    ReportsAttention(ReportRepository reports, ReportKinds kinds, PeriodWords periodWords) {
        this.reports = reports;
        this.kinds = kinds;
        this.periodWords = periodWords;
    }

    @Override
    public List<AttentionItem> itemsFor(long personId) {
        List<AttentionItem> items = new ArrayList<>();
        reports.awaiting(personId, ReportAction.SIGN, HOME_LINES)
                .forEach(r -> items.add(line("reports.attention.sign", r)));
        reports.awaiting(personId, ReportAction.ACCEPT, HOME_LINES)
                .forEach(r -> items.add(line("reports.attention.decide", r)));
        return items;
    }

    @Override
    public String moreLink() {
        return "/reports?view=waiting";
    }

    private AttentionItem line(String key, ReportRepository.Awaiting r) {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        String kind = kinds.find(r.kind()).map(k -> k.title(english)).orElse(r.kind());
        return AttentionItem.of(
                AttentionItem.Severity.WARNING,
                key,
                "/reports/" + r.id(),
                kind,
                periodWords.name(r.period()),
                r.organizationName());
    }
}
