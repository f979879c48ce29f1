package vn.khien.scale;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * {@code java -jar khien.jar copy-database --from <jdbc url> [--from-user sa] [--from-password …]}: moves an
 * evaluation installation (the embedded H2 database under {@code ./data}) into an empty production database (the
 * usual {@code KHIEN_DB_*}, PostgreSQL). The target is migrated to the same schema version first; then every table
 * is copied row by row with its ids (referenced tables first), in one transaction, and the identity counters are
 * moved past the copied ids. Files live in the database, so they travel too; the audit trail keeps its hashes and
 * head, so the chain verifies on the new database. Raw scan reports live in report storage: copy that directory.
 */
public final class DatabaseCopy {

    private DatabaseCopy() {}

    public static int run(String[] args, Map<String, String> env) {
        String from = null;
        String fromUser = "sa";
        String fromPassword = "";
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--from" -> from = args[++i];
                    case "--from-user" -> fromUser = args[++i];
                    case "--from-password" -> fromPassword = args[++i];
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (from == null) {
                throw new IllegalArgumentException(
                        "--from is required, e.g. --from "
                                + "'jdbc:h2:file:./data/khien;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH'");
            }
        } catch (RuntimeException e) {
            System.err.println(
                    "copy-database: " + e.getMessage()
                            + "\nusage: java -jar khien.jar copy-database --from <jdbc url> [--from-user u] [--from-password p]");
            return 2;
        }
        String to = env.get("KHIEN_DB_URL");
        if (to == null || to.isBlank()) {
            System.err.println(
                    "copy-database: set KHIEN_DB_URL, KHIEN_DB_USER and KHIEN_DB_PASSWORD to the empty target");
            return 2;
        }
        try {
            Map<String, Long> copied = copy(
                    from,
                    fromUser,
                    fromPassword,
                    to,
                    env.getOrDefault("KHIEN_DB_USER", ""),
                    env.getOrDefault("KHIEN_DB_PASSWORD", ""));
            System.out.println("copy-database: done, " + copied);
            return 0;
        } catch (Exception e) {
            System.err.println("copy-database: failed, nothing was written: " + e);
            return 1;
        }
    }

    /** Copies every application table; returns rows per table. Throws (and rolls back) on any error. */
    static Map<String, Long> copy(
            String fromUrl, String fromUser, String fromPassword, String toUrl, String toUser, String toPassword)
            throws SQLException {
        // The source must be at the same schema version as this release: migrate it first (a no-op when current).
        Flyway.configure()
                .dataSource(fromUrl, fromUser, fromPassword)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        Flyway.configure()
                .dataSource(toUrl, toUser, toPassword)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        Map<String, Long> copied = new LinkedHashMap<>();
        try (Connection source = DriverManager.getConnection(fromUrl, fromUser, fromPassword);
                Connection target = DriverManager.getConnection(toUrl, toUser, toPassword)) {
            source.setReadOnly(true);
            List<String> tables = tablesInDependencyOrder(target);
            for (String table : tables) {
                if (count(target, table) > 0 && !table.equals("audit_head")) {
                    throw new IllegalStateException("the target database is not empty: " + table + " has rows");
                }
            }
            target.setAutoCommit(false);
            try {
                for (String table : tables) {
                    copied.put(table, copyTable(source, target, table));
                }
                moveCounters(target, tables);
                target.commit();
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            }
        }
        return copied;
    }

    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        if (table.equals("audit_head")) {
            // One row created by the migration: overwrite it with the source's head.
            try (Statement st = target.createStatement()) {
                st.executeUpdate("DELETE FROM audit_head");
            }
        }
        String order = table.equals("organization") ? " ORDER BY LENGTH(path), id" : "";
        try (Statement st = source.createStatement()) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + order)) {
                ResultSetMetaData meta = rs.getMetaData();
                int n = meta.getColumnCount();
                String[] columns = new String[n];
                boolean[] binary = new boolean[n];
                for (int i = 0; i < n; i++) {
                    columns[i] = meta.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
                    int type = meta.getColumnType(i + 1);
                    binary[i] = type == Types.BINARY
                            || type == Types.VARBINARY
                            || type == Types.LONGVARBINARY
                            || type == Types.BLOB;
                }
                boolean postgres = target.isWrapperFor(PGConnection.class);
                try (BulkWriter w = BulkWriter.open(target, table, columns)) {
                    while (rs.next()) {
                        Object[] row = new Object[n];
                        for (int i = 0; i < n; i++) {
                            Object v = rs.getObject(i + 1);
                            if (binary[i] && v != null && postgres) {
                                // COPY's csv format reads bytea from its hex text form.
                                v = "\\x" + HexFormat.of().formatHex(rs.getBytes(i + 1));
                            } else if (v instanceof Clob clob) {
                                v = clob.getSubString(1, (int) clob.length());
                            }
                            row[i] = v;
                        }
                        w.row(row);
                    }
                    return w.rows;
                }
            }
        }
    }

    /** Application tables of the target's schema, each after the tables it references. */
    private static List<String> tablesInDependencyOrder(Connection target) throws SQLException {
        DatabaseMetaData meta = target.getMetaData();
        String schema = target.getSchema();
        Set<String> tables = new LinkedHashSet<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String t = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!t.equals("flyway_schema_history") && !t.startsWith("spring_session")) {
                    tables.add(t);
                }
            }
        }
        Map<String, Set<String>> references = new LinkedHashMap<>();
        for (String t : tables) {
            Set<String> refs = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, t)) {
                while (rs.next()) {
                    String r = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!r.equals(t) && tables.contains(r)) {
                        refs.add(r);
                    }
                }
            }
            references.put(t, refs);
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < tables.size()) {
            boolean progress = false;
            for (String t : tables) {
                if (!ordered.contains(t) && ordered.containsAll(references.get(t))) {
                    ordered.add(t);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("cyclic references between tables: " + references);
            }
        }
        return ordered;
    }

    private static void moveCounters(Connection target, List<String> tables) throws SQLException {
        boolean postgres = target.isWrapperFor(PGConnection.class);
        for (String table : tables) {
            if (!hasIdentity(target, table, postgres)) {
                continue;
            }
            long max;
            try (Statement st = target.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
                rs.next();
                max = rs.getLong(1);
            }
            try (Statement st = target.createStatement()) {
                st.execute(
                        postgres
                                ? "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + (max + 1)
                                        + ", false)"
                                : "ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (max + 1));
            }
        }
        long findings;
        try (Statement st = target.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM finding")) {
            rs.next();
            findings = rs.getLong(1);
        }
        long next = (findings / 1000 + 2) * 1000 + 1;
        try (Statement st = target.createStatement()) {
            st.execute(
                    postgres
                            ? "SELECT setval('finding_id_block', " + next + ", false)"
                            : "ALTER SEQUENCE finding_id_block RESTART WITH " + next);
        }
    }

    private static boolean hasIdentity(Connection c, String table, boolean postgres) throws SQLException {
        String sql = postgres
                ? "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND table_name = ? AND column_name = 'id' AND (is_identity = 'YES' OR column_default LIKE 'nextval%')"
                : "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = SCHEMA()"
                        + " AND LOWER(table_name) = ? AND LOWER(column_name) = 'id' AND is_identity = 'YES'";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
