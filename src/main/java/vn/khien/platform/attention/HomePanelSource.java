package vn.khien.platform.attention;

import java.util.List;

/**
 * A module's panels at the top of the home page (the reports module's dashboard for leaders and supervising
 * bodies), so the home page opens on them without depending on the module. Implementations answer for the signed-in
 * person, within what that person may see, cheaply (pre-aggregated figures), with at most a couple of panels.
 */
public interface HomePanelSource {

    List<HomePanel> panelsFor(long personId);

    /**
     * Whether the panels may be a few minutes old (figures added up over a whole subtree when no stored snapshot is
     * current): the home page then shows the panels last computed for the person, says when they were computed, and
     * recomputes them in the background (ADR 0059, ADR 0064).
     */
    default boolean mayLag() {
        return false;
    }
}
