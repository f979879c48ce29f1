package vn.khien.home;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.khien.platform.PlatformConfiguration;
import vn.khien.platform.attention.HomePanel;
import vn.khien.platform.attention.HomePanelSource;

/**
 * The panels the home page puts first. A source that {@linkplain HomePanelSource#mayLag may lag} is read from
 * {@link LaggingLines}: its panels as last computed for the person, each saying when ("Số liệu lúc …"), recomputed in
 * the background once they are older than {@code khien.home.attention-lag}; until the first computation ends the
 * page says the panel is being computed. A lag of zero computes on the request, with no such note (ADR 0064).
 */
@Component
class HomePanels {

    static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(PlatformConfiguration.ZONE);

    private final ObjectProvider<HomePanelSource> sources;
    private final LaggingLines lagging;
    private final MessageSource messages;

    HomePanels(ObjectProvider<HomePanelSource> sources, LaggingLines lagging, MessageSource messages) {
        this.sources = sources;
        this.lagging = lagging;
        this.messages = messages;
    }

    /** The panels to show, and whether a source that may lag has not computed its panels for the person yet. */
    record Shown(List<HomePanel> panels, boolean computing) {}

    Shown panelsFor(long personId) {
        List<HomePanel> panels = new ArrayList<>();
        boolean computing = false;
        Locale locale = LocaleContextHolder.getLocale();
        for (HomePanelSource source : sources.orderedStream().toList()) {
            if (!source.mayLag()) {
                panels.addAll(source.panelsFor(personId));
                continue;
            }
            LaggingLines.Shown<HomePanel> last = lagging.latest(
                    source.getClass().getName() + "@" + locale.toLanguageTag(),
                    personId,
                    () -> source.panelsFor(personId));
            Instant at = last.computedAt();
            if (at == null) {
                computing = true;
            } else if (lagging.lags()) {
                String asOf = messages.getMessage("home.panel.asOf", new Object[] {AT.format(at)}, locale);
                last.items().forEach(p -> panels.add(withNote(p, asOf)));
            } else {
                panels.addAll(last.items());
            }
        }
        return new Shown(List.copyOf(panels), computing);
    }

    private static HomePanel withNote(HomePanel p, String asOf) {
        @Nullable String note = p.note() == null ? asOf : p.note() + " · " + asOf;
        return new HomePanel(p.titleKey(), p.heading(), p.link(), p.linkKey(), note, p.lines());
    }
}
