package vn.khien.reports.figures;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.platform.figures.FigurePeriod;
import vn.khien.platform.figures.FigureRow;
import vn.khien.platform.figures.FigureSource;

/**
 * The one code path that computes figures for reports and dashboards: asks every {@link FigureSource} bean for the
 * figures of each organisation's own rows (one grouped query per figure for all organisations at once) and adds them
 * up through the tree. A figure no bean provides is {@code null} ("không có dữ liệu"), never 0.
 *
 * <p>Callers check that the person may see the organisation whose subtree is computed; the sources count rows of
 * the organisations they are given.
 */
@Component
public class FigureBook {

    /** An organisation of a subtree. */
    public record OrgNode(long id, Long parentId, String path, String name, String code) {
        public int depth() {
            return (int) path.chars().filter(c -> c == '/').count();
        }
    }

    private final List<FigureSource> sources;
    private final JdbcClient jdbc;
    private final Clock clock;

    public FigureBook(List<FigureSource> sources, JdbcClient jdbc, Clock clock) {
        this.sources = List.copyOf(sources);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The period as figures are computed: "as of the end of the period, or today while the period runs", so a report
     * compiled now and the dashboard now give the same numbers.
     */
    public FigurePeriod asOfToday(FigurePeriod period) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        if (!period.to().isAfter(today) || today.isBefore(period.from())) {
            return period;
        }
        return new FigurePeriod(period.from(), today);
    }

    /** Every figure name some source provides. */
    public Set<String> provided() {
        Set<String> names = new LinkedHashSet<>();
        sources.forEach(s -> names.addAll(s.figures()));
        return names;
    }

    /** The organisation and everything below it, parents before children. */
    public List<OrgNode> subtree(long organizationId) {
        return jdbc.sql("""
                SELECT o.id, o.parent_id, o.path, o.name_vi, o.code FROM organization o
                WHERE o.path LIKE (SELECT t.path FROM organization t WHERE t.id = :id) || '%' ORDER BY o.path""")
                .param("id", organizationId)
                .query((rs, n) -> new OrgNode(
                        rs.getLong(1),
                        (Long) rs.getObject(2, Long.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    /** The organisation followed by the organisations directly below it (by name), in one query. */
    public List<OrgNode> withChildren(long organizationId) {
        List<OrgNode> nodes =
                new ArrayList<>(jdbc.sql("SELECT o.id, o.parent_id, o.path, o.name_vi, o.code FROM organization o"
                                + " WHERE o.id = :id OR o.parent_id = :id ORDER BY o.name_vi")
                        .param("id", organizationId)
                        .query((rs, n) -> new OrgNode(
                                rs.getLong(1),
                                (Long) rs.getObject(2, Long.class),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5)))
                        .list());
        nodes.sort(Comparator.comparing((OrgNode n) -> n.id() != organizationId));
        return nodes;
    }

    /** The organisations at the top of the tree (no parent), by id. */
    public List<Long> roots() {
        return jdbc.sql("SELECT id FROM organization WHERE parent_id IS NULL ORDER BY id")
                .query(Long.class)
                .list();
    }

    /** The organisations directly below this one. */
    public List<OrgNode> children(long organizationId) {
        return jdbc.sql(
                        "SELECT o.id, o.parent_id, o.path, o.name_vi, o.code FROM organization o WHERE o.parent_id = :id"
                                + " ORDER BY o.name_vi")
                .param("id", organizationId)
                .query((rs, n) -> new OrgNode(
                        rs.getLong(1),
                        (Long) rs.getObject(2, Long.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    /** Figures of each organisation's own rows, every provided figure present (0 when nothing counted). */
    public Map<Long, Map<String, Long>> own(Collection<Long> organizationIds, FigurePeriod period) {
        Map<Long, Map<String, Long>> result = new HashMap<>();
        for (long id : organizationIds) {
            result.put(id, new HashMap<>());
        }
        if (organizationIds.isEmpty()) {
            return result;
        }
        FigurePeriod asOf = asOfToday(period);
        for (FigureSource source : sources) {
            source.compute(organizationIds, asOf).forEach((org, figures) -> {
                Map<String, Long> into = result.get(org);
                if (into != null) {
                    figures.forEach((name, value) -> into.merge(name, value, Long::sum));
                }
            });
        }
        return result;
    }

    /**
     * Subtree totals for every node of a subtree (each node: its own figures plus its descendants'), adding each
     * organisation's own figures once, into its ancestors only.
     */
    public Map<Long, Map<String, Long>> subtreeTotals(List<OrgNode> nodes, Map<Long, Map<String, Long>> own) {
        Map<Long, Map<String, Long>> totals = new HashMap<>();
        Map<Long, OrgNode> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        List<OrgNode> deepestFirst = new ArrayList<>(nodes);
        deepestFirst.sort(Comparator.comparingInt(OrgNode::depth).reversed());
        for (OrgNode n : deepestFirst) {
            Map<String, Long> mine = totals.computeIfAbsent(n.id(), k -> new HashMap<>());
            own.getOrDefault(n.id(), Map.of()).forEach((k, v) -> mine.merge(k, v, Long::sum));
            if (n.parentId() != null && byId.containsKey(n.parentId())) {
                Map<String, Long> parent = totals.computeIfAbsent(n.parentId(), k -> new HashMap<>());
                mine.forEach((k, v) -> parent.merge(k, v, Long::sum));
            }
        }
        return totals;
    }

    /**
     * The named figures out of a computed map, in order: provided figures default to 0, figures no source provides
     * are null.
     */
    public Map<String, Long> select(Collection<String> names, Map<String, Long> computed) {
        Set<String> provided = provided();
        Map<String, Long> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, provided.contains(name) ? computed.getOrDefault(name, 0L) : null);
        }
        return out;
    }

    /** The rows behind a figure for one organisation's own data (drill-down). */
    public List<FigureRow> rows(String figure, long organizationId, FigurePeriod period, int limit) {
        for (FigureSource source : sources) {
            if (source.figures().contains(figure)) {
                return source.rows(figure, organizationId, asOfToday(period), limit);
            }
        }
        return List.of();
    }

    /** Adds b into a figure by figure; null (no data) stays null only when both are null. */
    public static Map<String, Long> plus(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new LinkedHashMap<>(a);
        b.forEach((k, v) -> {
            Long cur = out.get(k);
            Long sum;
            if (cur == null) {
                sum = v;
            } else if (v == null) {
                sum = cur;
            } else {
                sum = cur + v;
            }
            out.put(k, sum);
        });
        return out;
    }
}
