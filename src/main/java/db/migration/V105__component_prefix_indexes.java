package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 11: indexes that serve the warnings' candidate pre-selection {@code cpe LIKE 'prefix%'} and
 * {@code purl LIKE 'prefix%'} over {@code system_component}. On PostgreSQL a plain b-tree index is not used for
 * {@code LIKE} under a non-C collation, so the prefix indexes use the {@code text_pattern_ops} operator class. H2 has
 * no operator classes and already serves a prefix {@code LIKE} from the plain indexes of V10 and V60, so nothing is
 * done there. A Java migration (in the {@code db/migration} location every Flyway configuration of the application
 * reads) because no single SQL is valid on both databases.
 */
public class V105__component_prefix_indexes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("CREATE INDEX ix_system_component_cpe_prefix ON system_component (cpe text_pattern_ops)");
            s.execute("CREATE INDEX ix_system_component_purl_prefix ON system_component (purl text_pattern_ops)");
        }
    }
}
