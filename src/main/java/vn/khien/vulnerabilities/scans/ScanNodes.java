package vn.khien.vulnerabilities.scans;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which running instance owns an unfinished scan, so that restarts and several nodes never leave a scan QUEUED or
 * RUNNING forever. Each instance registers a random node id in {@code scan_node} when it starts and beats every
 * {@code khien.scans.node-heartbeat}; every scan it accepts carries that id. At start-up and after each beat, the
 * unfinished scans whose node is gone (no row, or no beat for {@code khien.scans.node-stale-after}) are marked FAILED
 * with the reason, and dead node rows are removed. Any node may do this: the UPDATE is idempotent, and a live node's
 * scans are never touched because its beat is fresh. (A plain table instead of ShedLock: nothing needs a lock.)
 */
@Component
public class ScanNodes {

    private static final Logger LOG = LoggerFactory.getLogger(ScanNodes.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ScanProperties properties;
    private final MessageSource messages;
    private final String nodeId = UUID.randomUUID().toString();
    private ReportStorage storage;

    public ScanNodes(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            ScanProperties properties,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.properties = properties;
        this.messages = messages;
    }

    /** Where raw reports live: those of interrupted imports are removed (issue 10). */
    @Autowired(required = false)
    public void setStorage(ReportStorage storage) {
        this.storage = storage;
    }

    /** This instance's id, written on every scan it accepts. */
    public String nodeId() {
        return nodeId;
    }

    /** Start-up: registers this node, then fails what stopped nodes left unfinished. */
    @PostConstruct
    public void start() {
        tx.executeWithoutResult(s -> register());
        failScansOfDeadNodes();
    }

    @Scheduled(
            fixedDelayString = "${khien.scans.node-heartbeat:PT15S}",
            initialDelayString = "${khien.scans.node-heartbeat:PT15S}")
    public void beat() {
        tx.executeWithoutResult(s -> {
            int n = jdbc.sql("UPDATE scan_node SET heartbeat_at = :now WHERE node_id = :id")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", nodeId)
                    .update();
            if (n == 0) {
                register(); // removed by another node after a long pause of this one: come back
            }
        });
        failScansOfDeadNodes();
    }

    /**
     * Marks FAILED every QUEUED/RUNNING scan whose node has not beaten within the stale limit (or has no node: rows
     * from before V21), then forgets those nodes. Returns the number of scans marked.
     */
    public int failScansOfDeadNodes() {
        Instant now = clock.instant();
        Timestamp limit = Timestamp.from(now.minus(properties.nodeStaleAfter()));
        String reason = messages.getMessage("scans.error.interrupted", null, Locale.forLanguageTag("vi"));
        List<String> raw = new ArrayList<>();
        Integer failed = tx.execute(s -> {
            String stale = """
                    status IN ('QUEUED', 'RUNNING') AND (node_id IS NULL OR node_id NOT IN (
                        SELECT node_id FROM scan_node WHERE heartbeat_at >= :limit))""";
            raw.addAll(jdbc.sql("SELECT report_ref FROM scan WHERE report_ref IS NOT NULL AND " + stale)
                    .param("limit", limit)
                    .query(String.class)
                    .list());
            int n = jdbc.sql("UPDATE scan SET status = 'FAILED', error = :reason, finished_at = :now, report_ref = NULL"
                            + " WHERE " + stale)
                    .param("reason", reason)
                    .param("now", Timestamp.from(now))
                    .param("limit", limit)
                    .update();
            jdbc.sql("DELETE FROM scan_node WHERE heartbeat_at < :limit AND node_id <> :id")
                    .param("limit", limit)
                    .param("id", nodeId)
                    .update();
            return n;
        });
        if (storage != null) {
            for (String ref : raw) {
                try {
                    storage.delete(ref);
                } catch (RuntimeException e) {
                    LOG.warn("Raw report {} of an interrupted scan could not be removed", ref, e);
                }
            }
        }
        if (failed != null && failed > 0) {
            LOG.warn("{} unfinished scan(s) of stopped nodes marked FAILED", failed);
        }
        return failed == null ? 0 : failed;
    }

    @PreDestroy
    void stop() {
        try {
            jdbc.sql("DELETE FROM scan_node WHERE node_id = :id")
                    .param("id", nodeId)
                    .update();
        } catch (RuntimeException e) {
            LOG.debug("Could not unregister scan node {}", nodeId, e); // the others will find it stale
        }
    }

    private void register() {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO scan_node (node_id, host_name, started_at, heartbeat_at) VALUES (:id, :host, :now, :now)""")
                .param("id", nodeId)
                .param("host", hostName())
                .param("now", now)
                .update();
    }

    private static @Nullable String hostName() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h.length() > 200 ? h.substring(0, 200) : h;
        } catch (Exception e) {
            return null;
        }
    }
}
