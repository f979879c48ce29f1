package vn.khien.home;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionSource;

/**
 * Collects the attention lines every module contributes. Each source is cut to {@link #PER_SOURCE} lines, most urgent
 * first, with a "more" link to the source's own list, so one busy module cannot push the others off the page. Sources
 * that may lag are read from {@link LaggingLines} (ADR 0059).
 */
@Component
class AttentionBoard {

    static final int PER_SOURCE = 5;
    private static final Logger LOG = LoggerFactory.getLogger(AttentionBoard.class);

    private final ObjectProvider<AttentionSource> sources;
    private final LaggingLines lagging;

    @Autowired
    public AttentionBoard(ObjectProvider<AttentionSource> sources, LaggingLines lagging) {
        this.sources = sources;
        this.lagging = lagging;
    }

    /** Every source computed on the request. */
    AttentionBoard(ObjectProvider<AttentionSource> sources) {
        this(sources, new LaggingLines(Duration.ZERO, Runnable::run, Clock.systemUTC()));
    }

    /** One source's lines as shown: the first few, and where the rest are when some were cut. */
    public record Group(List<AttentionItem> items, @Nullable String moreLink) {
        public boolean hasMore() {
            return moreLink != null;
        }
    }

    /** Groups in the order of their most urgent line; sources with nothing to say are left out. */
    public List<Group> groupsFor(long personId) {
        List<Group> groups = new ArrayList<>();
        sources.orderedStream().forEach(source -> {
            List<AttentionItem> items = (source.mayLagFor(personId)
                            ? lagging.itemsFor(source, personId, () -> safely(source, personId))
                            : safely(source, personId))
                    .stream()
                            .sorted(Comparator.comparing(AttentionItem::severity))
                            .toList();
            if (!items.isEmpty()) {
                groups.add(new Group(
                        items.stream().limit(PER_SOURCE).toList(),
                        items.size() > PER_SOURCE ? source.moreLink() : null));
            }
        });
        groups.sort(Comparator.comparing(g -> g.items().get(0).severity()));
        return groups;
    }

    /** A module failing to answer must not take the home page down with it. */
    private static List<AttentionItem> safely(AttentionSource source, long personId) {
        try {
            List<AttentionItem> items = source.itemsFor(personId);
            return items == null ? List.of() : items;
        } catch (RuntimeException e) {
            LOG.error("Attention source {} failed", source.getClass().getName(), e);
            return List.of();
        }
    }
}
