package vn.khien.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.khien.access.ActingAs;
import vn.khien.access.CurrentPerson;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionItem.Severity;
import vn.khien.platform.attention.AttentionSource;

/**
 * A source that may lag shows the lines last computed for the person; a visit after the lag recomputes them in the
 * background as that person, once at a time; without a lag every visit computes (ADR 0059).
 */
class LaggingLinesTest {

    static final long PERSON = 42;

    final Queue<Runnable> background = new ArrayDeque<>();
    final AtomicInteger computed = new AtomicInteger();
    Instant now = Instant.parse("2026-12-07T13:00:00Z");

    final AttentionSource source = new AttentionSource() {
        @Override
        public List<AttentionItem> itemsFor(long personId) {
            return List.of();
        }

        @Override
        public boolean mayLag() {
            return true;
        }
    };

    /** A line naming the person the computation ran as, and how many computations ran. */
    List<AttentionItem> compute() {
        return List.of(AttentionItem.of(
                Severity.WARNING,
                "k",
                null,
                String.valueOf(CurrentPerson.idOrNobody()),
                String.valueOf(computed.incrementAndGet())));
    }

    List<AttentionItem> visit(LaggingLines lines) {
        return ActingAs.run(PERSON, "p42", () -> lines.itemsFor(source, PERSON, this::compute));
    }

    void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    /** A clock that reads the instant a test moves by hand. */
    static Clock clock(Supplier<Instant> now) {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    @Test
    void showsTheLastLinesAndRecomputesThemInTheBackgroundOnceTheLagHasPassed() {
        Clock clock = clock(() -> now);
        LaggingLines lines = new LaggingLines(Duration.ofMinutes(5), background::add, clock);

        assertThat(visit(lines)).as("nothing computed yet").isEmpty();
        assertThat(visit(lines)).as("still computing: not queued twice").isEmpty();
        assertThat(background).hasSize(1);
        runBackground();
        assertThat(visit(lines))
                .extracting(i -> List.of(i.args()))
                .as("computed as the visiting person")
                .containsExactly(List.of("42", "1"));

        now = now.plus(Duration.ofMinutes(4));
        assertThat(visit(lines)).extracting(i -> i.args()[1]).containsExactly("1");
        assertThat(background).as("within the lag").isEmpty();

        now = now.plus(Duration.ofMinutes(2));
        assertThat(visit(lines))
                .as("the old lines while recomputing")
                .extracting(i -> i.args()[1])
                .containsExactly("1");
        runBackground();
        assertThat(visit(lines)).extracting(i -> i.args()[1]).containsExactly("2");
        assertThat(computed).hasValue(2);
    }

    @Test
    void withoutALagEveryVisitComputes() {
        LaggingLines lines = new LaggingLines(Duration.ZERO, background::add, Clock.systemUTC());
        assertThat(visit(lines)).extracting(i -> i.args()[1]).containsExactly("1");
        assertThat(visit(lines)).extracting(i -> i.args()[1]).containsExactly("2");
        assertThat(background).isEmpty();
    }
}
