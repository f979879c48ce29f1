package vn.khien.systems.attention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khien.platform.DateDisplay;
import vn.khien.platform.PlatformConfiguration;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionItem.Severity;
import vn.khien.platform.attention.AttentionSource;

/**
 * The register's work on the home page: dossiers waiting for this person's appraisal or approval, dossiers late at a
 * step, systems operating without an approved level and systems whose level must be determined again.
 */
@Component
@Order(10)
class SystemsAttention implements AttentionSource {

    private final SystemsAttentionQueries queries;
    private final Clock clock;

    public SystemsAttention(SystemsAttentionQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public List<AttentionItem> itemsFor(long personId) {
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        List<AttentionItem> items = new ArrayList<>();
        Set<Long> late = new HashSet<>();
        queries.late(today).forEach(d -> {
            late.add(d.id());
            items.add(AttentionItem.of(
                    Severity.CRITICAL,
                    "systems.attention.dossierLate",
                    dossierLink(d),
                    d.code(),
                    d.name(),
                    date(d.dueOn())));
        });
        // A late dossier already has its line, with the same link: one line per dossier, the more urgent one.
        queries.toAppraise().stream()
                .filter(d -> !late.contains(d.id()))
                .forEach(d -> items.add(AttentionItem.of(
                        Severity.WARNING,
                        "systems.attention.toAppraise",
                        dossierLink(d),
                        d.code(),
                        d.name(),
                        date(d.dueOn()))));
        queries.toApprove().stream()
                .filter(d -> !late.contains(d.id()))
                .forEach(d -> items.add(AttentionItem.of(
                        Severity.WARNING,
                        "systems.attention.toApprove",
                        dossierLink(d),
                        d.code(),
                        d.name(),
                        date(d.dueOn()))));
        queries.returned()
                .forEach(d -> items.add(AttentionItem.of(
                        Severity.WARNING, "systems.attention.returned", dossierLink(d), d.code(), d.name())));
        long withoutLevel = queries.operatingWithoutLevel();
        if (withoutLevel > 0) {
            items.add(AttentionItem.of(
                    Severity.WARNING,
                    "systems.attention.withoutLevel",
                    "/systems?level=0&status=OPERATING",
                    withoutLevel));
        }
        queries.redetermination()
                .forEach(s -> items.add(AttentionItem.of(
                        Severity.WARNING, "systems.attention.redetermine", "/systems/" + s.id(), s.code(), s.name())));
        return items;
    }

    @Override
    public String moreLink() {
        return "/level-progress";
    }

    private static String dossierLink(SystemsAttentionQueries.DossierRow d) {
        return "/dossiers/" + d.id();
    }

    /** Dates go in as text: MessageFormat would print a LocalDate the ISO way, the platform shows dd/MM/yyyy. */
    private static String date(LocalDate d) {
        return d == null ? "—" : DateDisplay.DATE.format(d);
    }
}
