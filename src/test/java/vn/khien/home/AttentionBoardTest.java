package vn.khien.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionItem.Severity;
import vn.khien.platform.attention.AttentionSource;

/** Lines are ordered by urgency, each source is cut short with a "more" link, and a failing source is skipped. */
class AttentionBoardTest {

    @Test
    void ordersBySeverityCapsEachSourceAndSurvivesAFailingSource() {
        AttentionSource busy = new AttentionSource() {
            @Override
            public List<AttentionItem> itemsFor(long personId) {
                return IntStream.range(0, 8)
                        .mapToObj(i ->
                                AttentionItem.of(i == 7 ? Severity.CRITICAL : Severity.INFO, "busy." + i, "/busy/" + i))
                        .toList();
            }

            @Override
            public String moreLink() {
                return "/busy";
            }
        };
        AttentionSource quiet = p -> List.of(AttentionItem.of(Severity.WARNING, "quiet", null));
        AttentionSource broken = p -> {
            throw new IllegalStateException("database away");
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("quiet", quiet);
        beans.addBean("busy", busy);
        beans.addBean("broken", broken);

        List<AttentionBoard.Group> groups =
                new AttentionBoard(beans.getBeanProvider(AttentionSource.class)).groupsFor(1);

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).items()).hasSize(AttentionBoard.PER_SOURCE);
        assertThat(groups.get(0).items().get(0).messageKey()).isEqualTo("busy.7");
        assertThat(groups.get(0).moreLink()).isEqualTo("/busy");
        assertThat(groups.get(1).items()).extracting(AttentionItem::messageKey).containsExactly("quiet");
        assertThat(groups.get(1).hasMore()).isFalse();
    }
}
