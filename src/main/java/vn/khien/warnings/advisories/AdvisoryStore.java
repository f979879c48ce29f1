package vn.khien.warnings.advisories;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.warnings.matching.AffectedJson;

/**
 * The advisory library: rows keyed by {@code source_key}, written in batches (one lookup, one batched insert and
 * one batched update per batch) so a yearly NVD feed imports in bounded time and memory. Advisories are public
 * reference data (like a CVE list): every signed-in person may read them.
 */
@Repository
class AdvisoryStore {

    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    AdvisoryStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    record Counts(int created, int updated) {}

    Counts upsert(List<ParsedAdvisory> batch, Instant now) {
        if (batch.isEmpty()) {
            return new Counts(0, 0);
        }
        Map<String, ParsedAdvisory> byKey = new LinkedHashMap<>();
        batch.forEach(a -> byKey.put(a.key(), a)); // the last of duplicate keys in one file wins
        Map<String, Long> existing = ids(byKey.keySet());
        List<SqlParameterSource> inserts = new ArrayList<>();
        List<SqlParameterSource> updates = new ArrayList<>();
        for (ParsedAdvisory a : byKey.values()) {
            MapSqlParameterSource p = params(a, now);
            if (existing.containsKey(a.key())) {
                updates.add(p.addValue("id", existing.get(a.key())));
            } else {
                inserts.add(p);
            }
        }
        if (!inserts.isEmpty()) {
            named.batchUpdate("""
                    INSERT INTO advisory (kind, source_key, title, description, severity, published_on, cves, affected,
                        source, kev_vendor, kev_product, kev_due_date, kev_ransomware, imported_at, updated_at)
                    VALUES (:kind, :key, :title, :description, :severity, :published, :cves, :affected, :source,
                        :kevVendor, :kevProduct, :kevDue, :kevRansomware, :now, :now)""", inserts.toArray(SqlParameterSource[]::new));
        }
        if (!updates.isEmpty()) {
            named.batchUpdate("""
                    UPDATE advisory SET title = :title, description = :description, severity = :severity,
                        published_on = :published, cves = :cves, affected = :affected, source = :source,
                        kev_vendor = :kevVendor, kev_product = :kevProduct, kev_due_date = :kevDue,
                        kev_ransomware = :kevRansomware, updated_at = :now
                    WHERE id = :id""", updates.toArray(SqlParameterSource[]::new));
        }
        Map<String, Long> ids = ids(byKey.keySet());
        named.update("DELETE FROM advisory_cve WHERE advisory_id IN (:ids)", Map.of("ids", ids.values()));
        List<SqlParameterSource> cves = new ArrayList<>();
        for (ParsedAdvisory a : byKey.values()) {
            for (String cve : new HashSet<>(a.cves())) {
                cves.add(new MapSqlParameterSource("id", ids.get(a.key())).addValue("cve", cve));
            }
        }
        if (!cves.isEmpty()) {
            named.batchUpdate(
                    "INSERT INTO advisory_cve (advisory_id, cve) VALUES (:id, :cve)",
                    cves.toArray(SqlParameterSource[]::new));
        }
        writeChecks(byKey.values(), ids);
        return new Counts(inserts.size(), updates.size());
    }

    /** The CSAF tests each CSAF advisory failed without being refused replace those of its previous import. */
    private void writeChecks(Iterable<ParsedAdvisory> advisories, Map<String, Long> ids) {
        List<Long> csaf = new ArrayList<>();
        List<SqlParameterSource> rows = new ArrayList<>();
        List<SqlParameterSource> totals = new ArrayList<>();
        for (ParsedAdvisory a : advisories) {
            if (a.kind() != FeedKind.CSAF) {
                continue;
            }
            Long id = ids.get(a.key());
            csaf.add(id);
            totals.add(new MapSqlParameterSource("id", id).addValue("total", a.checksTotal()));
            int position = 0;
            for (CsafCheck c : a.checks()) {
                rows.add(new MapSqlParameterSource("id", id)
                        .addValue("position", position++)
                        .addValue("test", c.test())
                        .addValue("level", c.level().name())
                        .addValue("pointer", Json.truncate(c.pointer(), 1000))
                        .addValue("message", Json.truncate(c.message(), 2000)));
            }
        }
        if (csaf.isEmpty()) {
            return;
        }
        named.update("DELETE FROM advisory_csaf_check WHERE advisory_id IN (:ids)", Map.of("ids", csaf));
        named.batchUpdate(
                "UPDATE advisory SET csaf_checks_total = :total WHERE id = :id",
                totals.toArray(SqlParameterSource[]::new));
        if (!rows.isEmpty()) {
            named.batchUpdate(
                    "INSERT INTO advisory_csaf_check (advisory_id, position, test, level, pointer, message)"
                            + " VALUES (:id, :position, :test, :level, :pointer, :message)",
                    rows.toArray(SqlParameterSource[]::new));
        }
    }

    /** The CSAF tests an advisory failed without being refused, in the specification's order. */
    List<CsafCheck> checks(long advisoryId) {
        return jdbc.sql("SELECT test, level, pointer, message FROM advisory_csaf_check WHERE advisory_id = :id"
                        + " ORDER BY position")
                .param("id", advisoryId)
                .query((rs, n) -> new CsafCheck(
                        rs.getString("test"),
                        CsafCheck.Level.valueOf(rs.getString("level")),
                        rs.getString("pointer"),
                        rs.getString("message")))
                .list();
    }

    /**
     * How many CSAF tests the advisory failed without being refused, those not kept included (an advisory imported
     * before the count was kept: the rows kept).
     */
    int checksTotal(long advisoryId) {
        return jdbc.sql("SELECT COALESCE(a.csaf_checks_total, (SELECT COUNT(*) FROM advisory_csaf_check c"
                        + " WHERE c.advisory_id = a.id)) FROM advisory a WHERE a.id = :id")
                .param("id", advisoryId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** The id of the advisory with this key, if any. */
    Optional<Long> idOf(String key) {
        return jdbc.sql("SELECT id FROM advisory WHERE source_key = :key")
                .param("key", key)
                .query(Long.class)
                .optional();
    }

    private Map<String, Long> ids(Set<String> keys) {
        Map<String, Long> out = new HashMap<>();
        named.query("SELECT id, source_key FROM advisory WHERE source_key IN (:keys)", Map.of("keys", keys), rs -> {
            out.put(rs.getString("source_key"), rs.getLong("id"));
        });
        return out;
    }

    private static MapSqlParameterSource params(ParsedAdvisory a, Instant now) {
        var kev = a.kev();
        return new MapSqlParameterSource()
                .addValue("kind", a.kind().name())
                .addValue("key", a.key())
                .addValue("title", a.title())
                .addValue("description", a.description())
                .addValue("severity", a.severity() == null ? null : Json.truncate(a.severity(), 20))
                .addValue("published", a.published() == null ? null : Date.valueOf(a.published()))
                .addValue("cves", a.cves().isEmpty() ? null : "," + String.join(",", a.cves()) + ",")
                .addValue(
                        "affected",
                        a.affected().isEmpty() && a.affected().notAffected().isEmpty()
                                ? null
                                : AffectedJson.write(a.affected()))
                .addValue("source", Json.truncate(a.source(), 500))
                .addValue("kevVendor", kev == null ? null : Json.truncate(kev.vendorProject(), 300))
                .addValue("kevProduct", kev == null ? null : Json.truncate(kev.product(), 300))
                .addValue("kevDue", kev == null || kev.dueDate() == null ? null : Date.valueOf(kev.dueDate()))
                .addValue("kevRansomware", kev == null ? null : Json.truncate(kev.ransomware(), 20))
                .addValue("now", Timestamp.from(now));
    }

    /** The newest KEV catalogue version imported so far, if any. */
    String kevCatalogVersion() {
        return jdbc.sql("SELECT catalog_version FROM kev_catalog WHERE id = 1")
                .query(String.class)
                .optional()
                .orElse(null);
    }

    void setKevCatalogVersion(String version, Instant now) {
        int n = jdbc.sql("UPDATE kev_catalog SET catalog_version = :v, imported_at = :now WHERE id = 1")
                .param("v", version)
                .param("now", Timestamp.from(now))
                .update();
        if (n == 0) {
            jdbc.sql("INSERT INTO kev_catalog (id, catalog_version, imported_at) VALUES (1, :v, :now)")
                    .param("v", version)
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    /** Removes the KEV entries not in the newest catalogue; returns their CVE ids. */
    List<String> withdrawKevExcept(Set<String> keys) {
        List<Map.Entry<Long, String>> all = jdbc.sql("SELECT id, source_key FROM advisory WHERE kind = 'KEV'")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list();
        List<Long> gone = new ArrayList<>();
        List<String> cves = new ArrayList<>();
        for (var e : all) {
            if (!keys.contains(e.getValue())) {
                gone.add(e.getKey());
                cves.add(e.getValue().substring("KEV:".length()));
            }
        }
        for (int i = 0; i < gone.size(); i += BATCH) {
            List<Long> part = gone.subList(i, Math.min(gone.size(), i + BATCH));
            named.update("UPDATE warning SET advisory_id = NULL WHERE advisory_id IN (:ids)", Map.of("ids", part));
            named.update("DELETE FROM advisory WHERE id IN (:ids)", Map.of("ids", part));
        }
        return cves;
    }

    /** CVE ids currently listed in KEV. */
    Set<String> kevCves() {
        return new HashSet<>(jdbc.sql("SELECT c.cve FROM advisory_cve c JOIN advisory a ON a.id = c.advisory_id "
                        + "WHERE a.kind = 'KEV'")
                .query(String.class)
                .list());
    }

    record Row(
            long id,
            String kind,
            String key,
            String title,
            String severity,
            String cves,
            String affected,
            String source,
            LocalDate published) {}

    List<Row> byCve(String cve) {
        return jdbc.sql("""
                SELECT a.id, a.kind, a.source_key, a.title, a.severity, a.cves, a.affected, a.source, a.published_on
                FROM advisory a JOIN advisory_cve c ON c.advisory_id = a.id WHERE c.cve = :cve ORDER BY a.id""").param("cve", cve).query(AdvisoryStore::row).list();
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("""
                SELECT a.id, a.kind, a.source_key, a.title, a.severity, a.cves, a.affected, a.source, a.published_on
                FROM advisory a WHERE a.id = :id""").param("id", id).query(AdvisoryStore::row).optional();
    }

    /**
     * The library list's filters. {@code cves}: when not null, only advisories holding one of these CVE ids (the CVEs
     * the caller's visible systems report in active findings); {@code kev}: only advisories of a CVE listed in KEV.
     */
    record Filter(
            @Nullable String kind,
            @Nullable String cve,
            @Nullable String severity,
            boolean kev,
            @Nullable Set<String> cves,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {}

    /** One row of the list: the advisory and whether one of its CVEs is listed in KEV. */
    record Listed(Row row, boolean kev) {}

    private static final String KEV_LISTED = """
            (a.kind = 'KEV' OR EXISTS (SELECT 1 FROM advisory_cve kc JOIN advisory_cve kk ON kk.cve = kc.cve
               JOIN advisory ka ON ka.id = kk.advisory_id WHERE kc.advisory_id = a.id AND ka.kind = 'KEV'))""";

    /** The severities each filter value stands for (CSAF and OSV write MODERATE and IMPORTANT). */
    private static final Map<String, List<String>> SEVERITY_WORDS = Map.of(
            "CRITICAL", List.of("CRITICAL"),
            "HIGH", List.of("HIGH", "IMPORTANT"),
            "MEDIUM", List.of("MEDIUM", "MODERATE"),
            "LOW", List.of("LOW"));

    private static String where(Filter f, Map<String, Object> params) {
        List<String> and = new ArrayList<>();
        and.add("1 = 1");
        if (f.kind() != null) {
            and.add("a.kind = :kind");
            params.put("kind", f.kind());
        }
        if (f.cve() != null) {
            and.add("(EXISTS (SELECT 1 FROM advisory_cve fc WHERE fc.advisory_id = a.id AND fc.cve LIKE :cve)"
                    + " OR UPPER(a.title) LIKE :cve OR UPPER(a.source_key) LIKE :cve)");
            params.put("cve", "%" + f.cve().toUpperCase(Locale.ROOT) + "%");
        }
        if (f.severity() != null) {
            and.add("UPPER(a.severity) IN (:severity)");
            params.put("severity", SEVERITY_WORDS.getOrDefault(f.severity(), List.of(f.severity())));
        }
        if (f.kev()) {
            and.add(KEV_LISTED);
        }
        if (f.cves() != null) {
            if (f.cves().isEmpty()) {
                and.add("1 = 0");
            } else {
                and.add("EXISTS (SELECT 1 FROM advisory_cve mc WHERE mc.advisory_id = a.id AND mc.cve IN (:mine))");
                params.put("mine", List.copyOf(f.cves()));
            }
        }
        if (f.from() != null) {
            and.add("a.published_on >= :from");
            params.put("from", Date.valueOf(f.from()));
        }
        if (f.to() != null) {
            and.add("a.published_on <= :to");
            params.put("to", Date.valueOf(f.to()));
        }
        return String.join(" AND ", and);
    }

    /** How many advisories the filter holds. */
    long count(Filter f) {
        Map<String, Object> params = new HashMap<>();
        String where = where(f, params);
        return jdbc.sql("SELECT COUNT(*) FROM advisory a WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** One page of the filter's advisories, newest publication first. */
    List<Listed> page(Filter f, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(f, params);
        return jdbc.sql("SELECT a.id, a.kind, a.source_key, a.title, a.severity, a.cves, a.affected, a.source,"
                        + " a.published_on, CASE WHEN " + KEV_LISTED + " THEN 1 ELSE 0 END AS kev"
                        + " FROM advisory a WHERE " + where
                        + " ORDER BY a.published_on DESC NULLS LAST, a.id DESC OFFSET " + offset + " ROWS FETCH NEXT "
                        + limit + " ROWS ONLY")
                .params(params)
                .query((rs, n) -> new Listed(row(rs, n), rs.getInt("kev") == 1))
                .list();
    }

    /**
     * CVE id → the systems (within {@code visible}, over {@code s.owner_organization_id}'s path {@code so.path})
     * whose active findings report it.
     */
    Map<String, Set<Long>> activeFindingCves(String visibleSql, Map<String, Object> visibleParams) {
        Map<String, Set<Long>> out = new HashMap<>();
        jdbc.sql("SELECT f.system_id, f.cves FROM finding f JOIN information_system s ON s.id = f.system_id"
                        + " JOIN organization so ON so.id = s.owner_organization_id"
                        + " WHERE f.status IN ('OPEN', 'REOPENED') AND f.cves IS NOT NULL AND " + visibleSql)
                .params(visibleParams)
                .query(rs -> {
                    long system = rs.getLong(1);
                    for (String c : rs.getString(2).split(",")) {
                        if (!c.isBlank()) {
                            out.computeIfAbsent(c.strip(), k -> new HashSet<>()).add(system);
                        }
                    }
                });
        return out;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Date published = rs.getDate("published_on");
        return new Row(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("source_key"),
                rs.getString("title"),
                rs.getString("severity"),
                rs.getString("cves"),
                rs.getString("affected"),
                rs.getString("source"),
                published == null ? null : published.toLocalDate());
    }
}
