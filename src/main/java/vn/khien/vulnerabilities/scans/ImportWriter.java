package vn.khien.vulnerabilities.scans;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import vn.khien.vulnerabilities.findings.FindingStatus;
import vn.khien.vulnerabilities.parsing.Location;
import vn.khien.vulnerabilities.parsing.Severity;

/**
 * The writing half of an import: writes the rows the {@link FindingMatcher} decided, in JDBC batches, every column
 * by name (one named parameter per column of a row record, typed so that a null never makes the driver ask for
 * parameter metadata), and reads the state of a system's tool for the matcher. New locations go out with
 * PostgreSQL's COPY where available ({@link LocationCopy}), batched INSERTs elsewhere (H2).
 */
final class ImportWriter implements FindingMatcher.Store {

    static final int BATCH = 1000;
    static final int ID_BLOCK = 1000;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final NamedParameterJdbcTemplate named;
    private final long systemId;
    private final boolean copyLocations;
    private long nextId;
    private long idsLeft;

    ImportWriter(JdbcTemplate jdbc, long systemId) {
        this.jdbc = jdbc;
        this.dataSource = Objects.requireNonNull(jdbc.getDataSource(), "the import's data source");
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.systemId = systemId;
        this.copyLocations = LocationCopy.available(dataSource);
    }

    @Override
    public void rowsAdded(ImportRows rows) {
        if (rows.full(BATCH, locationBatch())) {
            write(rows);
        }
    }

    /** New locations per batch: larger with COPY. */
    int locationBatch() {
        return copyLocations ? 10 * BATCH : BATCH;
    }

    /** Writes every pending row and clears it. */
    void write(ImportRows rows) {
        // Re-keyed first: a new finding of this batch may take the key a re-keyed one just left.
        batch(
                "UPDATE finding SET fingerprint = :fingerprint, key_version = 2 WHERE id = :id",
                rows.rekeyed,
                r -> new MapSqlParameterSource()
                        .addValue("fingerprint", r.fingerprint(), Types.VARCHAR)
                        .addValue("id", r.findingId(), Types.BIGINT));
        batch(
                "UPDATE finding SET key_scheme = :keyScheme WHERE id = :id",
                rows.schemeChanges,
                r -> new MapSqlParameterSource()
                        .addValue("keyScheme", r.keyScheme(), Types.VARCHAR)
                        .addValue("id", r.findingId(), Types.BIGINT));
        batch("""
                INSERT INTO finding (id, system_id, tool, format, key_scheme, fingerprint, title, severity, severity_rank,
                    cves, cwes, cvss_vector, cvss_score, description, solution, refs, component, primary_host, status,
                    first_seen, last_seen, due_date, first_scan_id, last_scan_id, status_changed_at, key_version)
                VALUES (:id, :systemId, :tool, :format, :keyScheme, :fingerprint, :title, :severity, :severityRank,
                    :cves, :cwes, :cvssVector, :cvssScore, :description, :solution, :refs, :component, :primaryHost,
                    :status, :firstSeen, :firstSeen, :dueDate, :scanId, :scanId, :at, 2)""", rows.newFindings, ImportWriter::findingColumns);
        batch("""
                UPDATE finding SET fingerprint = :fingerprint, key_scheme = :keyScheme, title = :title,
                    severity = :severity, severity_rank = :severityRank, cves = :cves, cwes = :cwes,
                    cvss_vector = :cvssVector, cvss_score = :cvssScore, description = :description, solution = :solution,
                    refs = :refs, component = :component, primary_host = :primaryHost, due_date = :dueDate
                WHERE id = :id""", rows.completed, c -> findingColumns(c.finding()));
        if (copyLocations && !rows.newLocations.isEmpty()) {
            LocationCopy.copy(dataSource, rows.newLocations);
            rows.newLocations.clear();
        }
        batch(
                """
                INSERT INTO finding_location (finding_id, location_key, host, port, protocol, path, url, file_path, line,
                    first_scan_id) VALUES (:findingId, :locationKey, :host, :port, :protocol, :path, :url, :filePath,
                    :line, :scanId)""",
                rows.newLocations,
                r -> new MapSqlParameterSource()
                        .addValue("findingId", r.findingId(), Types.BIGINT)
                        .addValue("locationKey", r.locationKey(), Types.VARCHAR)
                        .addValue("host", r.host(), Types.VARCHAR)
                        .addValue("port", r.port(), Types.INTEGER)
                        .addValue("protocol", r.protocol(), Types.VARCHAR)
                        .addValue("path", r.path(), Types.VARCHAR)
                        .addValue("url", r.url(), Types.VARCHAR)
                        .addValue("filePath", r.filePath(), Types.VARCHAR)
                        .addValue("line", r.line(), Types.INTEGER)
                        .addValue("scanId", r.scanId(), Types.BIGINT));
        batch(
                "UPDATE finding SET last_seen = :lastSeen, last_scan_id = :scanId, key_version = 2 WHERE id = :id",
                rows.seen,
                r -> new MapSqlParameterSource()
                        .addValue("lastSeen", date(r.lastSeen()), Types.DATE)
                        .addValue("scanId", r.scanId(), Types.BIGINT)
                        .addValue("id", r.findingId(), Types.BIGINT));
        batch(
                """
                UPDATE finding SET status = 'REOPENED', due_date = :dueDate, closed_by_scan_id = NULL, closed_on = NULL,
                    status_changed_at = :at WHERE id = :id""",
                rows.reopened,
                r -> new MapSqlParameterSource()
                        .addValue("dueDate", date(r.dueDate()), Types.DATE)
                        .addValue("at", timestamp(r.at()), Types.TIMESTAMP)
                        .addValue("id", r.findingId(), Types.BIGINT));
        batch(
                """
                UPDATE finding SET status = 'FIXED', closed_by_scan_id = :scanId, closed_on = :closedOn,
                    status_changed_at = :at WHERE id = :id""",
                rows.closed,
                r -> new MapSqlParameterSource()
                        .addValue("scanId", r.scanId(), Types.BIGINT)
                        .addValue("closedOn", date(r.closedOn()), Types.DATE)
                        .addValue("at", timestamp(r.at()), Types.TIMESTAMP)
                        .addValue("id", r.findingId(), Types.BIGINT));
        batch(
                "UPDATE finding_location SET fixed = :fixed, fixed_by_scan_id = :scanId WHERE id = :id",
                rows.locationChanges,
                r -> new MapSqlParameterSource()
                        .addValue("fixed", r.fixed(), Types.BOOLEAN)
                        .addValue("scanId", r.fixedByScanId(), Types.BIGINT)
                        .addValue("id", r.locationId(), Types.BIGINT));
        batch(
                """
                INSERT INTO finding_history (finding_id, from_status, to_status, scan_id, changed_at)
                VALUES (:findingId, :from, :to, :scanId, :at)""",
                rows.history,
                r -> new MapSqlParameterSource()
                        .addValue("findingId", r.findingId(), Types.BIGINT)
                        .addValue("from", r.from().name(), Types.VARCHAR)
                        .addValue("to", r.to().name(), Types.VARCHAR)
                        .addValue("scanId", r.scanId(), Types.BIGINT)
                        .addValue("at", timestamp(r.at()), Types.TIMESTAMP));
        batch(
                """
                UPDATE finding SET status = 'FIXED', closed_by_scan_id = :scanId, closed_on = :closedOn,
                    status_changed_at = :at WHERE id = :id""",
                rows.merged,
                r -> new MapSqlParameterSource()
                        .addValue("scanId", r.scanId(), Types.BIGINT)
                        .addValue("closedOn", date(r.closedOn()), Types.DATE)
                        .addValue("at", timestamp(r.at()), Types.TIMESTAMP)
                        .addValue("id", r.findingId(), Types.BIGINT),
                false);
        batch(
                """
                INSERT INTO finding_history (finding_id, from_status, to_status, scan_id, reason, changed_at)
                VALUES (:findingId, :from, 'FIXED', :scanId, :reason, :at)""",
                rows.merged,
                r -> new MapSqlParameterSource()
                        .addValue("findingId", r.findingId(), Types.BIGINT)
                        .addValue("from", r.from().name(), Types.VARCHAR)
                        .addValue("scanId", r.scanId(), Types.BIGINT)
                        .addValue("reason", mergedReason(r.into()), Types.VARCHAR)
                        .addValue("at", timestamp(r.at()), Types.TIMESTAMP));
        batch(
                "UPDATE finding SET severity = :severity, severity_rank = :severityRank, due_date = :dueDate WHERE id = :id",
                rows.severityChanges,
                r -> new MapSqlParameterSource()
                        .addValue("severity", r.to().name(), Types.VARCHAR)
                        .addValue("severityRank", rank(r.to()), Types.INTEGER)
                        .addValue("dueDate", date(r.dueDate()), Types.DATE)
                        .addValue("id", r.findingId(), Types.BIGINT));
        batch(
                """
                INSERT INTO finding_history (finding_id, from_status, to_status, from_severity, to_severity, scan_id,
                    changed_at) VALUES (:findingId, :status, :status, :from, :to, :scanId, :at)""",
                rows.severityHistory,
                r -> new MapSqlParameterSource()
                        .addValue("findingId", r.findingId(), Types.BIGINT)
                        .addValue("status", r.status().name(), Types.VARCHAR)
                        .addValue("from", r.from().name(), Types.VARCHAR)
                        .addValue("to", r.to().name(), Types.VARCHAR)
                        .addValue("scanId", r.scanId(), Types.BIGINT)
                        .addValue("at", timestamp(r.at()), Types.TIMESTAMP));
    }

    private <R> void batch(String sql, List<R> rows, Function<R, SqlParameterSource> columns) {
        batch(sql, rows, columns, true);
    }

    /** {@code clear}: false when a second statement still writes the same rows. */
    private <R> void batch(String sql, List<R> rows, Function<R, SqlParameterSource> columns, boolean clear) {
        if (rows.isEmpty()) {
            return;
        }
        SqlParameterSource[] batch = new SqlParameterSource[rows.size()];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = columns.apply(rows.get(i));
        }
        named.batchUpdate(sql, batch);
        if (clear) {
            rows.clear();
        }
    }

    /**
     * The history's reason for a finding of the old per-place keying closed because its place is now a location of
     * another finding (stored text, in Vietnamese as the pages are).
     */
    static String mergedReason(long into) {
        return "Gộp vào lỗ hổng #" + into + ": định dạng báo cáo nay gom mọi máy của cùng một lỗi thành một lỗ hổng"
                + " (mỗi máy là một vị trí).";
    }

    @Override
    public long nextFindingId() {
        if (idsLeft == 0) {
            nextId = newIdBlock();
            idsLeft = ID_BLOCK;
        }
        idsLeft--;
        return nextId++;
    }

    /** The first of {@link #ID_BLOCK} new finding ids, all this import's. */
    long newIdBlock() {
        return Objects.requireNonNull(
                jdbc.queryForObject("SELECT nextval('finding_id_block')", Long.class), "nextval('finding_id_block')");
    }

    /** One query for the findings, one for the old-style first places if any, one for the locations. */
    @Override
    public void load(
            String tool,
            String mergedScheme,
            Consumer<FindingMatcher.StoredFinding> findings,
            Consumer<String> legacyFirstPlaces,
            Consumer<FindingMatcher.StoredLocation> locations) {
        // Streamed with a fetch size (the import runs in a transaction, so PostgreSQL uses a cursor): a system can
        // have hundreds of thousands of locations, which must not sit in the driver's buffers all at once.
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(5000);
        boolean[] legacy = {false};
        streaming.query(
                """
                SELECT id, fingerprint, status, key_version, key_scheme, severity, due_date FROM finding
                WHERE system_id = ? AND tool = ?""",
                rs -> {
                    Date due = rs.getDate("due_date");
                    int keyVersion = rs.getInt("key_version");
                    String scheme = rs.getString("key_scheme");
                    findings.accept(new FindingMatcher.StoredFinding(
                            rs.getLong("id"),
                            rs.getString("fingerprint"),
                            FindingStatus.valueOf(rs.getString("status")),
                            keyVersion,
                            scheme,
                            Severity.valueOf(rs.getString("severity")),
                            due == null ? null : due.toLocalDate()));
                    legacy[0] |= keyVersion < FindingMatcher.KEY_VERSION && mergedScheme.equals(scheme);
                },
                systemId,
                tool);
        if (legacy[0]) {
            // The first place of each old-style finding: its lowest location id (locations are inserted in report
            // order).
            streaming.query(
                    """
                    SELECT host, port, protocol, path, file_path FROM finding_location WHERE id IN (
                        SELECT MIN(l.id) FROM finding_location l JOIN finding f ON f.id = l.finding_id
                        WHERE f.system_id = ? AND f.tool = ? AND f.key_version < ? AND f.key_scheme = ?
                        GROUP BY l.finding_id)""",
                    rs -> {
                        Integer port = rs.getObject("port") == null ? null : rs.getInt("port");
                        legacyFirstPlaces.accept(new Location(
                                        rs.getString("host"),
                                        port,
                                        rs.getString("protocol"),
                                        rs.getString("path"),
                                        null,
                                        rs.getString("file_path"),
                                        null)
                                .identity());
                    },
                    systemId,
                    tool,
                    FindingMatcher.KEY_VERSION,
                    mergedScheme);
        }
        streaming.query(
                """
                SELECT l.id, l.finding_id, l.location_key, l.fixed FROM finding_location l
                JOIN finding f ON f.id = l.finding_id WHERE f.system_id = ? AND f.tool = ?""",
                rs -> {
                    locations.accept(new FindingMatcher.StoredLocation(
                            rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)));
                },
                systemId,
                tool);
    }

    /** Every column of a new finding's row, by name. */
    private static MapSqlParameterSource findingColumns(ImportRows.NewFinding r) {
        return new MapSqlParameterSource()
                .addValue("id", r.id(), Types.BIGINT)
                .addValue("systemId", r.systemId(), Types.BIGINT)
                .addValue("tool", r.tool(), Types.VARCHAR)
                .addValue("format", r.format(), Types.VARCHAR)
                .addValue("keyScheme", r.keyScheme(), Types.VARCHAR)
                .addValue("fingerprint", r.fingerprint(), Types.VARCHAR)
                .addValue("title", r.title(), Types.VARCHAR)
                .addValue("severity", r.severity().name(), Types.VARCHAR)
                .addValue("severityRank", rank(r.severity()), Types.INTEGER)
                .addValue("cves", r.cves(), Types.VARCHAR)
                .addValue("cwes", r.cwes(), Types.VARCHAR)
                .addValue("cvssVector", r.cvssVector(), Types.VARCHAR)
                .addValue("cvssScore", r.cvssScore(), Types.DOUBLE)
                .addValue("description", r.description(), Types.VARCHAR)
                .addValue("solution", r.solution(), Types.VARCHAR)
                .addValue("refs", r.refs(), Types.VARCHAR)
                .addValue("component", r.component(), Types.VARCHAR)
                .addValue("primaryHost", r.primaryHost(), Types.VARCHAR)
                .addValue("status", FindingStatus.OPEN.name(), Types.VARCHAR)
                .addValue("firstSeen", date(r.firstSeen()), Types.DATE)
                .addValue("dueDate", date(r.dueDate()), Types.DATE)
                .addValue("scanId", r.scanId(), Types.BIGINT)
                .addValue("at", timestamp(r.at()), Types.TIMESTAMP);
    }

    private static int rank(Severity s) {
        return s.ordinal();
    }

    private static @Nullable Date date(@Nullable LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static Timestamp timestamp(Instant i) {
        return Timestamp.from(i);
    }
}
