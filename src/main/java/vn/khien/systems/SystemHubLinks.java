package vn.khien.systems;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a module has about one information system, for the system's page (the hub from which everything about a
 * system is reached). Each feature module implements it over its own tables and pages — the register itself
 * (classifications, dossiers), compliance (security plan), vulnerabilities (scans, findings), and later warnings and
 * incidents — so {@code systems} never depends on them. The page orders all links by {@link Link#order()}.
 * Called only after the system was found visible to the caller; implementations count rows of that system.
 */
public interface SystemHubLinks {

    List<Link> linksFor(long systemId);

    /**
     * One entry of the hub.
     *
     * @param order      position on the page: 10 register, 20 compliance, 30 vulnerabilities, 40 warnings,
     *                   50 incidents
     * @param labelKey   message key of the entry's title
     * @param href       the page it opens
     * @param count      how many there are (shown with thousands separators)
     * @param detailKey  message key of a short line under the count (one argument: {@code detail}), or null
     * @param detail     its argument
     * @param attention  true when something there needs action (the entry is highlighted)
     */
    record Link(
            int order,
            String labelKey,
            String href,
            long count,
            @Nullable String detailKey,
            @Nullable Object detail,
            boolean attention) {
        public static Link of(int order, String labelKey, String href, long count) {
            return new Link(order, labelKey, href, count, null, null, false);
        }
    }
}
