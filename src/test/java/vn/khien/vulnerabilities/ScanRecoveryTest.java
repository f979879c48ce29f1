package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.scans.ScanNodes;
import vn.khien.vulnerabilities.scans.ScanProperties;

/**
 * Restarts and several nodes: unfinished scans of a node that is gone are FAILED with the reason at start-up (and by
 * the periodic sweep), those of live nodes are not; a background import's progress is in the database, so a poller
 * routed to any node sees it through GET /api/v1/scans/{id}.
 */
class ScanRecoveryTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Autowired
    ScanProperties properties;

    @Autowired
    MessageSource messages;

    @Autowired
    ScanNodes thisNode;

    long system;
    Http.Api api;

    @BeforeEach
    void systemWithOfficer() {
        TestData.Org unit = data.org(data.root(), "Đơn vị nhiều nút");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        system = ScanFixtures.system(data, unit);
        api = http.api(officer.token());
    }

    void node(String id, Duration silentFor) {
        Timestamp beat = Timestamp.from(Instant.now().minus(silentFor));
        jdbc.sql("INSERT INTO scan_node (node_id, host_name, started_at, heartbeat_at) VALUES (:id, 'h', :t, :t)")
                .param("id", id)
                .param("t", beat)
                .update();
    }

    long scanRow(String status, String nodeId, long size, long bytesRead, int resultsRead) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO scan (system_id, scan_date, full_scan, status, report_name, report_size, bytes_read,
                    results_read, uploaded_at, node_id, started_at)
                VALUES (:s, CURRENT_DATE, TRUE, :status, 'big.nessus', :size, :bytes, :results, :now, :node, :now)""")
                .param("s", system)
                .param("status", status)
                .param("size", size)
                .param("bytes", bytesRead)
                .param("results", resultsRead)
                .param("now", Timestamp.from(Instant.now()))
                .param("node", nodeId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    JsonNode scan(long id) {
        return api.get("/api/v1/scans/" + id).json();
    }

    @Test
    void atStartUpScansOfGoneNodesAreFailedAndThoseOfLiveNodesAreNot() {
        String dead = "dead-" + data.unique("n");
        String alive = "alive-" + data.unique("n");
        node(dead, Duration.ofHours(1));
        node(alive, Duration.ofSeconds(5));
        long ofDeadNode = scanRow("RUNNING", dead, 1000, 10, 0);
        long queuedOfVanishedNode = scanRow("QUEUED", "never-registered-" + data.unique("n"), 1000, 0, 0);
        long ofLiveNode = scanRow("RUNNING", alive, 1000, 10, 0);
        long ofThisNode = scanRow("QUEUED", thisNode.nodeId(), 1000, 0, 0);

        // Another instance starting (a restart of the dead one, or a new node).
        new ScanNodes(jdbc, transactions, clock, properties, messages).start();

        for (long id : new long[] {ofDeadNode, queuedOfVanishedNode}) {
            JsonNode s = scan(id);
            assertThat(s.get("status").asString()).as(s.toString()).isEqualTo("FAILED");
            assertThat(s.get("error").asString()).contains("gián đoạn").contains("tải báo cáo lên lại");
            assertThat(s.get("finishedAt").isNull()).isFalse();
        }
        assertThat(scan(ofLiveNode).get("status").asString()).isEqualTo("RUNNING");
        assertThat(scan(ofThisNode).get("status").asString()).isEqualTo("QUEUED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scan_node WHERE node_id = :n")
                        .param("n", dead)
                        .query(Long.class)
                        .single())
                .as("dead node forgotten")
                .isZero();

        // The periodic sweep fails the live node's scan once that node stops beating.
        jdbc.sql("UPDATE scan_node SET heartbeat_at = :t WHERE node_id = :n")
                .param("t", Timestamp.from(Instant.now().minus(Duration.ofHours(1))))
                .param("n", alive)
                .update();
        assertThat(thisNode.failScansOfDeadNodes()).isGreaterThanOrEqualTo(1);
        assertThat(scan(ofLiveNode).get("status").asString()).isEqualTo("FAILED");
        assertThat(scan(ofThisNode).get("status").asString()).isEqualTo("QUEUED");
        jdbc.sql("UPDATE scan SET status = 'FAILED' WHERE id = :id")
                .param("id", ofThisNode)
                .update();
    }

    @Test
    void progressWrittenByTheImportingNodeIsWhatAPollerOnAnotherNodeSees() {
        String other = "importing-" + data.unique("n");
        node(other, Duration.ofSeconds(1));
        long id = scanRow("RUNNING", other, 4_000_000, 1_000_000, 12_000);
        JsonNode s = scan(id);
        assertThat(s.get("progress").asInt()).isEqualTo(25);
        assertThat(s.get("bytesRead").asLong()).isEqualTo(1_000_000);
        assertThat(s.get("resultsRead").asInt()).isEqualTo(12_000);
        jdbc.sql("UPDATE scan SET status = 'FAILED' WHERE id = :id")
                .param("id", id)
                .update();
    }

    @Test
    void aBackgroundImportWritesItsProgressWhileItsTransactionIsOpen() throws Exception {
        Map<String, int[]> hosts = new LinkedHashMap<>();
        int[] plugins = new int[40];
        for (int p = 0; p < plugins.length; p++) {
            plugins[p] = 100 + p;
        }
        for (int h = 0; h < 400; h++) {
            hosts.put("10.1." + (h / 250) + "." + (h % 250), plugins); // 16,000 results, about 5 MB
        }
        byte[] report = ScanFixtures.nessus(hosts);
        Http.Response r = ScanFixtures.upload(api, system, "big.nessus", report, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        long id = r.json().get("id").asLong();
        long maxBytes = 0;
        int maxResults = 0;
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            // What another node reads: the row itself, not this node's memory.
            Map<String, Object> row = jdbc.sql("SELECT status, bytes_read, results_read FROM scan WHERE id = :id")
                    .param("id", id)
                    .query()
                    .singleRow();
            if (!"RUNNING".equals(row.get("status")) && !"QUEUED".equals(row.get("status"))) {
                break;
            }
            maxBytes = Math.max(maxBytes, ((Number) row.get("bytes_read")).longValue());
            maxResults = Math.max(maxResults, ((Number) row.get("results_read")).intValue());
            Thread.sleep(5);
        }
        JsonNode done = scan(id);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(maxBytes)
                .as("bytes read, seen in the database during the import")
                .isGreaterThan(0);
        assertThat(maxResults)
                .as("results stored, seen in the database during the import")
                .isGreaterThanOrEqualTo(5_000);
        assertThat(done.get("resultsRead").asInt()).isEqualTo(16_000);
        assertThat(done.get("progress").asInt()).isEqualTo(100);
    }
}
