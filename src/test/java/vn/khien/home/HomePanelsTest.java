package vn.khien.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.khien.access.ActingAs;
import vn.khien.access.CurrentPerson;
import vn.khien.platform.attention.HomePanel;
import vn.khien.platform.attention.HomePanelSource;

/**
 * A panel source that may lag (the dashboard's standing) is shown as last computed for the person, saying when in the
 * reader's language, and recomputed in the background once after the lag; until its first computation the page says
 * it is being computed. Without a lag every visit computes and no note is added (ADR 0064).
 */
class HomePanelsTest {

    static final long PERSON = 42;

    final Queue<Runnable> background = new ArrayDeque<>();
    final AtomicInteger computed = new AtomicInteger();
    Instant now = Instant.parse("2026-12-07T13:00:00Z");

    final Clock clock = LaggingLinesTest.clock(() -> now);

    /** Names the person and language it was computed for, and how many computations ran. */
    final HomePanelSource lagging = new HomePanelSource() {
        @Override
        public List<HomePanel> panelsFor(long personId) {
            return List.of(new HomePanel(
                    "home.dashboard.title",
                    CurrentPerson.idOrNobody() + "/"
                            + LocaleContextHolder.getLocale().getLanguage(),
                    "/organizations/1/dashboard",
                    "home.dashboard.open",
                    null,
                    List.of(new HomePanel.Line("n", String.valueOf(computed.incrementAndGet()), false, null))));
        }

        @Override
        public boolean mayLag() {
            return true;
        }
    };

    final HomePanelSource live = personId -> List.of(new HomePanel("t", "live", "/", "k", "own note", List.of()));

    HomePanels panels(Duration lag) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("lagging", lagging);
        beans.addBean("live", live);
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new HomePanels(
                beans.getBeanProvider(HomePanelSource.class), new LaggingLines(lag, background::add, clock), messages);
    }

    HomePanels.Shown visit(HomePanels panels, Locale locale) {
        LocaleContextHolder.setLocale(locale);
        return ActingAs.run(PERSON, "p42", () -> panels.panelsFor(PERSON));
    }

    HomePanel standing(HomePanels.Shown shown) {
        return shown.panels().stream()
                .filter(p -> p.titleKey().equals("home.dashboard.title"))
                .findFirst()
                .orElseThrow();
    }

    void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void showsTheLastPanelSayingWhenAndRecomputesItInTheBackgroundOnce() {
        HomePanels panels = panels(Duration.ofMinutes(5));
        Locale vi = Locale.forLanguageTag("vi");

        HomePanels.Shown first = visit(panels, vi);
        assertThat(first.computing()).as("nothing computed yet").isTrue();
        assertThat(first.panels()).extracting(HomePanel::heading).containsExactly("live");
        assertThat(visit(panels, vi).computing()).isTrue();
        assertThat(background).as("queued once").hasSize(1);
        runBackground();

        HomePanels.Shown second = visit(panels, vi);
        assertThat(second.computing()).isFalse();
        HomePanel p = standing(second);
        assertThat(p.heading())
                .as("computed as the visitor, in the visitor's language")
                .isEqualTo("42/vi");
        // 13:00 UTC is 20:00 in Hà Nội
        assertThat(p.note()).isEqualTo("Số liệu lúc 20:00 07/12/2026; tự cập nhật sau vài phút.");
        assertThat(second.panels())
                .filteredOn(x -> x.heading().equals("live"))
                .extracting(HomePanel::note)
                .as("a source that may not lag is computed on the request, untouched")
                .containsExactly("own note");

        now = now.plus(Duration.ofMinutes(4));
        assertThat(standing(visit(panels, vi)).lines().get(0).value()).isEqualTo("1");
        assertThat(background).as("within the lag").isEmpty();

        now = now.plus(Duration.ofMinutes(2));
        HomePanel old = standing(visit(panels, vi));
        assertThat(old.lines().get(0).value())
                .as("the old panel while recomputing")
                .isEqualTo("1");
        assertThat(old.note()).contains("20:00 07/12/2026");
        standing(visit(panels, vi));
        assertThat(background).as("one recomputation").hasSize(1);
        runBackground();
        HomePanel fresh = standing(visit(panels, vi));
        assertThat(fresh.lines().get(0).value()).isEqualTo("2");
        assertThat(fresh.note()).contains("20:06 07/12/2026");
        assertThat(computed).hasValue(2);

        HomePanels.Shown english = visit(panels, Locale.ENGLISH);
        assertThat(english.computing())
                .as("kept per language: labels are in the reader's")
                .isTrue();
        runBackground();
        assertThat(standing(visit(panels, Locale.ENGLISH)).note())
                .isEqualTo("Figures as of 20:06 07/12/2026; refreshed every few minutes.");
    }

    @Test
    void withoutALagEveryVisitComputesWithNoNote() {
        HomePanels panels = panels(Duration.ZERO);
        HomePanels.Shown first = visit(panels, Locale.forLanguageTag("vi"));
        assertThat(first.computing()).isFalse();
        assertThat(standing(first).note()).isNull();
        assertThat(standing(first).lines().get(0).value()).isEqualTo("1");
        assertThat(standing(visit(panels, Locale.forLanguageTag("vi")))
                        .lines()
                        .get(0)
                        .value())
                .isEqualTo("2");
        assertThat(background).isEmpty();
    }
}
