package vn.khien.scale;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * Writes rows of one table in bulk: {@code COPY … FROM STDIN (FORMAT csv)} on PostgreSQL, JDBC batches elsewhere (the
 * embedded H2 database). Rows are buffered and flushed in chunks, so memory stays flat whatever the data set's size.
 */
abstract class BulkWriter implements AutoCloseable {

    final String table;
    final List<String> columns;
    long rows;
    /** Time spent handing rows to the database (COPY or batches), printed when the writer closes. */
    long writeNanos;

    private final List<BulkWriter> parents = new ArrayList<>();

    private BulkWriter(String table, List<String> columns) {
        this.table = table;
        this.columns = columns;
    }

    static BulkWriter open(Connection c, String table, String... columns) throws SQLException {
        return c.isWrapperFor(PGConnection.class)
                ? new Copy(c, table, List.of(columns))
                : new Batch(c, table, List.of(columns));
    }

    final void row(@Nullable Object... values) throws SQLException {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(
                    table + ": " + values.length + " values for " + columns.size() + " columns");
        }
        rows++;
        write(values);
    }

    /** Rows of this table reference rows of these: their buffers are written first, so foreign keys hold. */
    final BulkWriter after(BulkWriter... referenced) {
        parents.addAll(List.of(referenced));
        return this;
    }

    final void flush() throws SQLException {
        for (BulkWriter p : parents) {
            p.flush();
        }
        long started = System.nanoTime();
        flushOwn();
        writeNanos += System.nanoTime() - started;
    }

    /** One line for the generator's output: rows written and the database's share of the time. */
    final void report() {
        if (rows > 0) {
            System.out.printf("generate: table %s %,d rows, %.1f s writing%n", table, rows, writeNanos / 1e9);
        }
    }

    abstract void flushOwn() throws SQLException;

    abstract void write(@Nullable Object[] values) throws SQLException;

    @Override
    public abstract void close() throws SQLException;

    /** PostgreSQL: CSV text handed to the server's COPY in chunks of a few megabytes. */
    private static final class Copy extends BulkWriter {
        private static final int CHUNK = 4 << 20;
        private final PGConnection pg;
        private final StringBuilder csv = new StringBuilder(CHUNK + 4096);
        private final String sql;

        Copy(Connection c, String table, List<String> columns) throws SQLException {
            super(table, columns);
            this.pg = c.unwrap(PGConnection.class);
            this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
        }

        @Override
        void write(@Nullable Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                Object v = values[i];
                if (v == null) {
                    continue;
                }
                if (v instanceof String s) {
                    csv.append('"').append(s.replace("\"", "\"\"")).append('"');
                } else if (v instanceof byte[] bytes) {
                    // bytea in its hex text form
                    csv.append("\\x").append(HexFormat.of().formatHex(bytes));
                } else {
                    csv.append(v);
                }
            }
            csv.append('\n');
            if (csv.length() >= CHUNK) {
                flush();
            }
        }

        @Override
        void flushOwn() throws SQLException {
            if (csv.isEmpty()) {
                return;
            }
            try {
                pg.getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY into " + table + " failed", e);
            }
            csv.setLength(0);
        }

        @Override
        public void close() throws SQLException {
            flush();
            report();
        }
    }

    /** Any other database: one prepared INSERT, executed in batches of a thousand rows. */
    private static final class Batch extends BulkWriter {
        private static final int SIZE = 1000;
        private final PreparedStatement insert;
        private int pending;

        Batch(Connection c, String table, List<String> columns) throws SQLException {
            super(table, columns);
            String marks = String.join(", ", columns.stream().map(x -> "?").toList());
            this.insert = c.prepareStatement(
                    "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks + ")");
        }

        @Override
        void write(@Nullable Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v instanceof LocalDate d) {
                    insert.setObject(i + 1, d);
                } else if (v instanceof OffsetDateTime t) {
                    insert.setObject(i + 1, t);
                } else {
                    insert.setObject(i + 1, v);
                }
            }
            insert.addBatch();
            if (++pending >= SIZE) {
                flush();
            }
        }

        @Override
        void flushOwn() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            flush();
            insert.close();
            report();
        }
    }
}
