package vn.khien.platform.figures;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A feature module's contribution to periodic reports and dashboards: named figures (systemsTotal,
 * findingsOpenCritical, warningsAcknowledged, …) computed per organisation over that organisation's own rows, so
 * that the reports module can add them up through the tree without counting a row twice (a system counts once, at
 * its owner) and can replace a child's live figures with its frozen snapshot. The reports module collects every
 * bean; dashboards and reports call the same sources, so both show the same numbers.
 *
 * <p>Implementations compute each figure for all the organisations passed in with one grouped query, never one
 * query per organisation.
 */
public interface FigureSource {

    /** The figure names this source computes; each has a message key {@code figure.<name>}. */
    Set<String> figures();

    /**
     * Figures of each organisation's own rows (not its subtree), as of the end of the period.
     *
     * @return organisation id → figure name → value; organisations with nothing may be absent
     */
    Map<Long, Map<String, Long>> compute(Collection<Long> organizationIds, FigurePeriod period);

    /** The rows behind one figure for one organisation's own data, for the drill-down; at most {@code limit}. */
    default List<FigureRow> rows(String figure, long organizationId, FigurePeriod period, int limit) {
        return List.of();
    }
}
