package vn.khien.platform.figures;

import java.util.Collection;
import java.util.List;

/**
 * An event after which one organisation's own figures differ (an incident moved, a warning answered): whoever keeps
 * figures pre-aggregated recomputes that organisation's. A contract in the foundation, so that the module keeping the
 * figures (reports) listens without depending on the features that publish (docs/adr/0041).
 */
public interface OwnFiguresChanged {

    /** The organisation whose own figures changed (the first of them when the event names several). */
    long organizationId();

    /**
     * Every organisation whose own figures changed: the one above, unless the event changes several at once (a warning
     * published reaches the owners of every matched system), which are then recomputed together — one grouped query
     * per figure for all of them, not one refresh per organisation (docs/adr/0046).
     */
    default Collection<Long> organizationIds() {
        return List.of(organizationId());
    }
}
