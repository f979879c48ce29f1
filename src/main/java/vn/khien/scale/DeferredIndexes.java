package vn.khien.scale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * PostgreSQL only: the secondary indexes, unique constraints and foreign keys of the tables the generator fills with
 * millions of rows are dropped before its {@code COPY}s and made again after them, in the same transaction. A
 * {@code COPY} into a table with seven indexes and four foreign keys updates every index and checks every key row by
 * row (at scale 0.1, 127 of the generator's 240 s went into the one million rows of {@code finding}); building an
 * index from the loaded table is one sort, and validating a foreign key one join. The definitions are read from the
 * catalogue ({@code pg_get_indexdef}, {@code pg_get_constraintdef}), so they are exactly what the migrations made.
 * Primary keys stay (other tables' foreign keys reference them). On other databases nothing changes.
 */
final class DeferredIndexes {

    /** A statement that drops an index or a constraint, and the one that makes it again. */
    private record Deferred(String drop, String create) {}

    private final Connection db;
    private final List<Deferred> deferred = new ArrayList<>();

    private DeferredIndexes(Connection db) {
        this.db = db;
    }

    /** Nothing deferred: every table loads with its indexes and keys in place. */
    static DeferredIndexes none(Connection db) {
        return new DeferredIndexes(db);
    }

    /** Drops what can be rebuilt of these tables (PostgreSQL), to be made again by {@link #restore}. */
    static DeferredIndexes drop(Connection db, String... tables) throws SQLException {
        DeferredIndexes d = new DeferredIndexes(db);
        if (!db.isWrapperFor(PGConnection.class)) {
            return d;
        }
        for (String table : tables) {
            d.collect(table);
        }
        try (Statement st = db.createStatement()) {
            // Foreign keys first: a unique constraint may back one of another table (none today, but keep the order).
            for (Deferred x : d.deferred) {
                st.execute(x.drop());
            }
        }
        return d;
    }

    private void collect(String table) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("""
                SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = CAST(? AS regclass) AND contype IN ('f', 'u') ORDER BY contype, conname""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = quote(rs.getString(1));
                    deferred.add(new Deferred(
                            "ALTER TABLE " + table + " DROP CONSTRAINT " + name,
                            "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + rs.getString(3)));
                }
            }
        }
        try (PreparedStatement ps = db.prepareStatement("""
                SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indrelid = CAST(? AS regclass) AND NOT i.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                ORDER BY c.relname""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    deferred.add(new Deferred("DROP INDEX " + quote(rs.getString(1)), rs.getString(2)));
                }
            }
        }
    }

    /** Makes again everything dropped: indexes and unique constraints first, then the foreign keys. */
    void restore() throws SQLException {
        if (deferred.isEmpty()) {
            return;
        }
        try (Statement st = db.createStatement()) {
            // Sorts for the index builds in memory where they fit; SET LOCAL ends with the transaction.
            st.execute("SET LOCAL maintenance_work_mem = '256MB'");
            for (Deferred x : deferred) {
                if (!x.create().contains("FOREIGN KEY")) {
                    st.execute(x.create());
                }
            }
            for (Deferred x : deferred) {
                if (x.create().contains("FOREIGN KEY")) {
                    st.execute(x.create());
                }
            }
        }
        deferred.clear();
    }

    int size() {
        return deferred.size();
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
