package vn.khien.vulnerabilities.scans;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.ScopeFilter;
import vn.khien.platform.SafeText;
import vn.khien.systems.VisibleSystems;

/** Scans, always read through the scope of the system they belong to. */
@Repository
class ScanRepository {

    private final JdbcClient jdbc;
    private final VisibleSystems systems;

    public ScanRepository(JdbcClient jdbc, VisibleSystems systems) {
        this.jdbc = jdbc;
        this.systems = systems;
    }

    public record NewScan(
            long systemId,
            String reportName,
            long reportSize,
            String reportRef,
            LocalDate scanDate,
            boolean fullScan,
            ScanStatus status,
            @Nullable Long uploadedBy,
            @Nullable String uploadedByName,
            Instant at) {}

    /** Inserts the scan as owned by {@code nodeId} (see {@link ScanNodes}). */
    public long insert(NewScan s, String nodeId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO scan (system_id, scan_date, full_scan, status, report_ref, report_name, report_size,
                    uploaded_by, uploaded_by_name, uploaded_at, node_id)
                VALUES (:system, :date, :full, :status, :ref, :name, :size, :by, :byName, :at, :node)""")
                .param("system", s.systemId())
                .param("date", Date.valueOf(s.scanDate()))
                .param("full", s.fullScan())
                .param("status", s.status().name())
                .param("ref", s.reportRef())
                .param("name", s.reportName())
                .param("size", s.reportSize())
                .param("by", s.uploadedBy())
                .param("byName", s.uploadedByName())
                .param("at", Timestamp.from(s.at()))
                .param("node", nodeId)
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
    }

    public void markRunning(long id, Instant at) {
        jdbc.sql("UPDATE scan SET status = 'RUNNING', started_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    /** Progress of a running import, for pollers on any node; never touches a finished scan. */
    public void progress(long id, long bytesRead, int resultsRead) {
        jdbc.sql("""
                UPDATE scan SET bytes_read = :bytes, results_read = :results
                WHERE id = :id AND status IN ('QUEUED', 'RUNNING')""")
                .param("bytes", bytesRead)
                .param("results", resultsRead)
                .param("id", id)
                .update();
    }

    public void complete(long id, String format, String tools, ImportCounts c, long bytesRead, Instant at) {
        jdbc.sql("""
                UPDATE scan SET status = 'COMPLETED', format = :format, tools = :tools, parsed_count = :parsed,
                    created_count = :created, reopened_count = :reopened, closed_count = :closed,
                    unchanged_count = :unchanged, location_count = :locations, bytes_read = :bytes,
                    results_read = :locations, finished_at = :at
                WHERE id = :id""")
                .param("format", format)
                .param("tools", tools)
                .param("parsed", c.parsed())
                .param("created", c.created())
                .param("reopened", c.reopened())
                .param("closed", c.closed())
                .param("unchanged", c.unchanged())
                .param("locations", c.locations())
                .param("bytes", bytesRead)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    public void fail(long id, String error, Instant at) {
        // The raw report of a failed import is removed, so the reference goes too; the reason is made storable here
        // as well (no NUL, which PostgreSQL refuses in text).
        jdbc.sql(
                        "UPDATE scan SET status = 'FAILED', error = :error, finished_at = :at, report_ref = NULL WHERE id = :id")
                .param("error", SafeText.forStorage(error, 4000))
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    public Optional<Scan> findVisible(long id) {
        ScopeFilter f = systems.visibleSystems("s.system_id");
        return jdbc.sql("SELECT s.* FROM scan s WHERE s.id = :id AND " + f.sql())
                .params(f.params())
                .param("id", id)
                .query(ScanRepository::map)
                .optional();
    }

    /** Unscoped: for the background worker, which was authorised when the upload was accepted. */
    public Optional<Scan> find(long id) {
        return jdbc.sql("SELECT s.* FROM scan s WHERE s.id = :id")
                .param("id", id)
                .query(ScanRepository::map)
                .optional();
    }

    public List<Scan> ofSystem(long systemId, int limit) {
        ScopeFilter f = systems.visibleSystems("s.system_id");
        return jdbc.sql("SELECT s.* FROM scan s WHERE s.system_id = :system AND " + f.sql()
                        + " ORDER BY s.uploaded_at DESC, s.id DESC LIMIT " + limit)
                .params(f.params())
                .param("system", systemId)
                .query(ScanRepository::map)
                .list();
    }

    /** Tools that findings of this format came from in this system: what an empty full scan proves fixed. */
    public List<String> toolsOfFormat(long systemId, String format) {
        return jdbc.sql("SELECT DISTINCT tool FROM finding WHERE system_id = :system AND format = :format")
                .param("system", systemId)
                .param("format", format)
                .query(String.class)
                .list();
    }

    static Scan map(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        Long size = rs.getObject("report_size") == null ? null : rs.getLong("report_size");
        return new Scan(
                rs.getLong("id"),
                rs.getLong("system_id"),
                rs.getString("format"),
                rs.getString("tools"),
                rs.getDate("scan_date").toLocalDate(),
                rs.getBoolean("full_scan"),
                ScanStatus.valueOf(rs.getString("status")),
                rs.getString("error"),
                new ImportCounts(
                        rs.getInt("parsed_count"),
                        rs.getInt("created_count"),
                        rs.getInt("reopened_count"),
                        rs.getInt("closed_count"),
                        rs.getInt("unchanged_count"),
                        rs.getInt("location_count")),
                rs.getLong("bytes_read"),
                rs.getInt("results_read"),
                rs.getString("report_name"),
                size,
                rs.getString("report_ref"),
                rs.getString("uploaded_by_name"),
                rs.getTimestamp("uploaded_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
