package vn.khien.platform.attention;

import java.util.List;

/**
 * A module's panels at the top of the home page (the reports module's dashboard for leaders and supervising
 * bodies), so the home page opens on them without depending on the module. Implementations answer for the signed-in
 * person, within what that person may see, cheaply (pre-aggregated figures), with at most a couple of panels.
 */
public interface HomePanelSource {

    List<HomePanel> panelsFor(long personId);
}
