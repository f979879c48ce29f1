package vn.khien.compliance.catalogue.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.compliance.catalogue.Catalogue;
import vn.khien.compliance.catalogue.CatalogueExporter;
import vn.khien.compliance.catalogue.CatalogueLoader;
import vn.khien.compliance.catalogue.CatalogueSet;
import vn.khien.compliance.catalogue.Regime;
import vn.khien.compliance.catalogue.Requirement;
import vn.khien.compliance.catalogue.RequirementIndex;

/**
 * Catalogue versions in the database. The shipped YAML files are stored at start when their version is new, so every
 * version a plan was ever derived from stays readable; the catalogue in force for a regime is the latest active BASE
 * version loaded. Parsed catalogues are cached by row id because a stored version never changes.
 */
@Component
public class CatalogueStore implements ApplicationRunner {

    static final List<String> SHIPPED = List.of(CatalogueLoader.TT12_2022, CatalogueLoader.ND331_2026);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Long, Catalogue> parsed = new ConcurrentHashMap<>();
    /** Every column but the YAML, which is read only for a version not parsed yet (it is large and never changes). */
    private static final String COLUMNS = "SELECT id, catalogue_key, version, layer, regime, organization_id, origin,"
            + " active, loaded_at FROM compliance_catalogue";

    private volatile boolean shippedLoaded;

    public CatalogueStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        loadShipped();
    }

    /** Stores each shipped catalogue whose version is not in the database yet; idempotent. */
    @Transactional
    public synchronized void loadShipped() {
        if (shippedLoaded) {
            return;
        }
        for (String location : SHIPPED) {
            Catalogue catalogue = CatalogueLoader.loadResource(location);
            if (find(catalogue.header().id(), catalogue.header().version()).isEmpty()) {
                insert(catalogue, CatalogueExporter.toYaml(catalogue), null, "SHIPPED");
            }
        }
        shippedLoaded = true;
    }

    public long insert(Catalogue catalogue, String yaml, @Nullable Long organizationId, String origin) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO compliance_catalogue (catalogue_key, version, layer, regime, organization_id, origin, content,
                    active, loaded_at)
                VALUES (:key, :version, :layer, :regime, :org, :origin, :content, TRUE, :now)""")
                .param("key", catalogue.header().id())
                .param("version", catalogue.header().version())
                .param("layer", catalogue.header().layer().name())
                .param(
                        "regime",
                        catalogue.header().regime() == null
                                ? null
                                : catalogue.header().regime().name())
                .param("org", organizationId)
                .param("origin", origin)
                .param("content", yaml)
                .param("now", Timestamp.from(clock.instant()))
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey(), "generated id").longValue();
        parsed.put(id, catalogue);
        return id;
    }

    public Optional<StoredCatalogue> find(String key, String version) {
        return jdbc.sql(COLUMNS + " WHERE catalogue_key = :k AND version = :v")
                .param("k", key)
                .param("v", version)
                .query(this::map)
                .optional();
    }

    public Optional<StoredCatalogue> byId(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Every stored version, newest first; callers filter organisation layers by scope. */
    public List<StoredCatalogue> all() {
        return jdbc.sql(COLUMNS + " ORDER BY id DESC").query(this::map).list();
    }

    public Catalogue base(Regime regime) {
        loadShipped();
        return jdbc.sql(COLUMNS + " WHERE layer = 'BASE' AND regime = :r AND active = TRUE ORDER BY id DESC LIMIT 1")
                .param("r", regime.name())
                .query(this::map)
                .optional()
                .orElseThrow(() -> new IllegalStateException("No catalogue in force for " + regime))
                .catalogue();
    }

    /**
     * The base catalogue of the regime plus the active internal-policy layers of the owner organisation and its
     * ancestors (an internal policy of a province applies to every unit below it); latest version per layer key.
     */
    public CatalogueSet setFor(Regime regime, String ownerPath) {
        Catalogue base = base(regime);
        List<StoredCatalogue> layers = jdbc.sql("""
                SELECT c.id, c.catalogue_key, c.version, c.layer, c.regime, c.organization_id, c.origin, c.active,
                    c.loaded_at
                FROM compliance_catalogue c JOIN organization o ON o.id = c.organization_id
                WHERE c.layer = 'ORGANISATION' AND c.active = TRUE AND (c.regime IS NULL OR c.regime = :r)
                  AND :path LIKE o.path || '%'
                  AND c.id = (SELECT MAX(c2.id) FROM compliance_catalogue c2 WHERE c2.catalogue_key = c.catalogue_key
                              AND c2.active = TRUE)
                ORDER BY o.path, c.id""")
                .param("r", regime.name())
                .param("path", ownerPath)
                .query(this::map)
                .list();
        return CatalogueSet.of(
                base, layers.stream().map(StoredCatalogue::catalogue).toList());
    }

    /** Looks a requirement up in every stored version, newest first: plans may predate the catalogue in force. */
    public RequirementIndex everything() {
        List<Catalogue> catalogues = new ArrayList<>();
        all().forEach(c -> catalogues.add(c.catalogue()));
        return id -> {
            for (Catalogue c : catalogues) {
                Optional<Requirement> found = c.find(id);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        };
    }

    public String content(long id) {
        return jdbc.sql("SELECT content FROM compliance_catalogue WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private StoredCatalogue map(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        Catalogue catalogue =
                parsed.computeIfAbsent(id, k -> CatalogueLoader.fromYaml(content(k), "stored catalogue " + k));
        long org = rs.getLong("organization_id");
        @Nullable Long organizationId = rs.wasNull() ? null : org;
        return new StoredCatalogue(
                id,
                rs.getString("catalogue_key"),
                rs.getString("version"),
                rs.getString("layer"),
                rs.getString("regime"),
                organizationId,
                rs.getString("origin"),
                rs.getBoolean("active"),
                rs.getTimestamp("loaded_at").toInstant(),
                catalogue);
    }
}
