package vn.khien.systems.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PlatformConfiguration;
import vn.khien.systems.campaigns.Campaign;
import vn.khien.systems.campaigns.CampaignCatalog;
import vn.khien.systems.campaigns.CampaignTarget;
import vn.khien.systems.dossier.Dossier;
import vn.khien.systems.dossier.DossierRepository;
import vn.khien.systems.register.SystemRepository;

/** Aggregates over the systems owned in a subtree (and visible to the caller), answered by the database. */
@Service
class ProgressService {

    /** How campaigns.yaml populations read in the register (see the header of that file). */
    static final Map<String, String> POPULATIONS = Map.of(
            "OPERATING_SYSTEMS", "s.lifecycle_status = 'OPERATING'",
            "SYSTEMS_IN_DESIGN_OR_BUILD", "s.lifecycle_status IN ('PLANNED', 'UNDER_INVESTMENT')",
            "UNDER_INVESTMENT_BEFORE_2026_07_01", "s.investment_started_on < DATE '2026-07-01'",
            "LEVELLED_UNDER_OLD_LAW", "s.approved_regime = 'nd85-2016'");

    /** Metrics this module can measure; plan deployment and reviews belong to other modules. */
    static final Map<String, String> METRICS = Map.of(
            "LEVEL_APPROVED",
            "s.approved_level IS NOT NULL",
            "DOSSIER_PREPARED",
            "(s.approved_level IS NOT NULL OR EXISTS (SELECT 1 FROM level_dossier ld"
                    + " WHERE ld.system_id = s.id AND ld.status NOT IN ('DRAFT', 'WITHDRAWN')))");

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final SystemRepository systems;
    private final DossierRepository dossiers;
    private final CampaignCatalog campaigns;
    private final Clock clock;

    public ProgressService(
            JdbcClient jdbc,
            OrgScope scope,
            SystemRepository systems,
            DossierRepository dossiers,
            CampaignCatalog campaigns,
            Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.systems = systems;
        this.dossiers = dossiers;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    public Progress of(long organizationId) {
        if (!scope.canSee(organizationId)) {
            throw new NotFoundException("organization " + organizationId);
        }
        Map<String, Object> org = jdbc.sql("SELECT name_vi, path FROM organization WHERE id = :id")
                .param("id", organizationId)
                .query()
                .singleRow();
        // organization.name_vi and path are NOT NULL
        String path = (String) Objects.requireNonNull(org.get("path"));
        // Levels are register data: the register records the caller reads, appraised ones included (ADR 0012).
        ScopeFilter visible = systems.recordVisible("s.id");
        // The organisation's systems: owned, operated, appraised or approved in its subtree (issue 9).
        ScopeFilter concerns = systems.concernsSubtreeAt("s.id", path);
        ScopeFilter f = new ScopeFilter(concerns.sql() + " AND " + visible.sql(), both(concerns, visible));
        String from = " FROM information_system s WHERE " + f.sql() + " AND s.lifecycle_status <> 'RETIRED'";
        Map<Integer, Long> perLevel = new LinkedHashMap<>();
        for (int level = 0; level <= 5; level++) {
            perLevel.put(level, 0L);
        }
        jdbc.sql("SELECT COALESCE(s.approved_level, 0), COUNT(*)" + from + " GROUP BY COALESCE(s.approved_level, 0)")
                .params(f.params())
                .query(rs -> {
                    perLevel.put(rs.getInt(1), rs.getLong(2));
                });
        long total = perLevel.values().stream().mapToLong(Long::longValue).sum();
        long approved = total - perLevel.getOrDefault(0, 0L);
        // Counted in the database, and only the dossiers that may be late are read whole (issue 15: a province has
        // a thousand dossiers, the country seventy thousand).
        ScopeFilter d = dossiers.visibleDossiers();
        ScopeFilter dossierConcerns = systems.concernsSubtreeAt("d.system_id", path);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.sql("SELECT d.status, COUNT(*) FROM level_dossier d WHERE " + dossierConcerns.sql() + " AND " + d.sql()
                        + " GROUP BY d.status ORDER BY MIN(d.step_due_on), MIN(d.id)")
                .params(both(dossierConcerns, d))
                .query(rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                });
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        List<Dossier> late = dossiers.mayBeLateInSubtree(path, today).stream()
                .filter(x -> x.lateOn(today))
                .toList();
        return new Progress(
                organizationId,
                (String) Objects.requireNonNull(org.get("name_vi")),
                total,
                approved,
                perLevel,
                byStatus,
                late,
                campaignRows(from, f));
    }

    private static Map<String, Object> both(ScopeFilter a, ScopeFilter b) {
        Map<String, Object> params = new LinkedHashMap<>(a.params());
        params.putAll(b.params());
        return params;
    }

    /** Every measured target's population and how many of it meet the metric, in one pass over the systems. */
    private List<Progress.CampaignRow> campaignRows(String from, ScopeFilter f) {
        List<String> sums = new ArrayList<>();
        for (Campaign c : campaigns.all()) {
            for (CampaignTarget t : c.targets()) {
                String population = POPULATIONS.get(t.population());
                String metric = METRICS.get(t.metric().name());
                if (population != null && metric != null) {
                    sums.add("SUM(CASE WHEN " + population + " THEN 1 ELSE 0 END)");
                    sums.add("SUM(CASE WHEN " + population + " AND " + metric + " THEN 1 ELSE 0 END)");
                }
            }
        }
        List<Long> counts = new ArrayList<>();
        if (!sums.isEmpty()) {
            jdbc.sql("SELECT " + String.join(", ", sums) + from)
                    .params(f.params())
                    .query(rs -> {
                        for (int i = 1; i <= sums.size(); i++) {
                            // SUM over no rows is NULL: nothing counted.
                            counts.add(rs.getLong(i));
                        }
                    });
        }
        List<Progress.CampaignRow> rows = new ArrayList<>();
        int next = 0;
        for (Campaign c : campaigns.all()) {
            for (CampaignTarget t : c.targets()) {
                Long counted = null;
                Long met = null;
                Integer percent = null;
                if (POPULATIONS.containsKey(t.population())
                        && METRICS.containsKey(t.metric().name())) {
                    counted = counts.get(next++);
                    met = counts.get(next++);
                    // 0 of 0 is "no data", never 100% met (issue 9).
                    percent = counted == 0 ? null : (int) Math.floor(met * 100.0 / counted);
                }
                rows.add(new Progress.CampaignRow(
                        c.id(),
                        c.titleVi(),
                        t.id(),
                        t.metric().name(),
                        t.population(),
                        t.sharePercent(),
                        t.due(),
                        t.legalRef(),
                        counted,
                        met,
                        percent));
            }
        }
        return rows;
    }
}
