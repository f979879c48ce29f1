package vn.khien.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import vn.khien.access.ActingAs;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionItem.Severity;
import vn.khien.platform.attention.AttentionSource;

/**
 * A source may lag for some people only ({@code AttentionSource.mayLagFor}, ADR 0071): their lines come from the
 * background computation, everyone else's are computed on the request.
 */
class AttentionBoardLagTest {

    static final long LAGGING = 1;
    static final long LIVE = 2;

    final Queue<Runnable> background = new ArrayDeque<>();
    final AtomicInteger computed = new AtomicInteger();

    final AttentionSource source = new AttentionSource() {
        @Override
        public List<AttentionItem> itemsFor(long personId) {
            return List.of(AttentionItem.of(
                    Severity.WARNING, "k", null, String.valueOf(personId), String.valueOf(computed.incrementAndGet())));
        }

        @Override
        public boolean mayLagFor(long personId) {
            return personId == LAGGING;
        }
    };

    final AttentionBoard board = new AttentionBoard(
            new StaticListableBeanFactory(Map.of("source", source)).getBeanProvider(AttentionSource.class),
            new LaggingLines(Duration.ofMinutes(5), background::add, Clock.systemUTC()));

    List<List<Object>> visit(long person) {
        return ActingAs.run(person, "p" + person, () -> board.groupsFor(person)).stream()
                .flatMap(g -> g.items().stream())
                .map(i -> List.<Object>of(i.args()))
                .toList();
    }

    @Test
    void theLaggingPersonGetsTheBackgroundLinesTheOtherTheLiveOnes() {
        assertThat(visit(LAGGING))
                .as("nothing computed yet for the lagging person")
                .isEmpty();
        assertThat(background).hasSize(1);
        assertThat(visit(LIVE)).as("computed on the request").containsExactly(List.of("2", "1"));
        assertThat(visit(LIVE)).containsExactly(List.of("2", "2"));
        assertThat(background).as("nothing queued for the live person").hasSize(1);
        background.poll().run();
        assertThat(visit(LAGGING)).containsExactly(List.of("1", "3"));
        assertThat(visit(LAGGING)).as("within the lag: the same lines").containsExactly(List.of("1", "3"));
        assertThat(computed).hasValue(3);
    }
}
