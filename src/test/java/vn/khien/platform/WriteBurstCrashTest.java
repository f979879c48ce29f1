package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.khien.support.Http;
import vn.khien.support.KhienProcess;

/**
 * Issue 10, crash tests: a burst of concurrent API writes (organisations created by several clients at once) is cut
 * by {@code kill -9} of the server. After a restart every write whose 201 reached its client exists, each with its
 * audit record, and the audit chain verifies intact: a write is acknowledged only after its transaction (row and
 * audit record together) committed, and no half-appended chain survives the crash.
 */
@Tag("database")
class WriteBurstCrashTest {

    private static final int CLIENTS = 8;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 60;

    @TempDir
    Path dir;

    @Test
    void aWriteBurstKilledMidwayKeepsEveryAcknowledgedWriteAndAnIntactAuditChain() throws Exception {
        try (KhienProcess khien = KhienProcess.in(dir, Map.of()).start()) {
            Http.Api admin = khien.admin();
            String prefix = "KB-" + UUID.randomUUID().toString().substring(0, 8);
            long root =
                    admin.get("/api/v1/organizations").json().get(0).get("id").asLong();
            Http.Response parent = admin.post(
                    "/api/v1/organizations",
                    Map.of("code", prefix, "name", "Gốc thử dừng đột ngột", "kind", "OTHER", "parentId", root));
            assertThat(parent.status()).as(parent.body()).isEqualTo(201);
            long parentId = parent.json().get("id").asLong();

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger attempted = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            try {
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    Http.Api api = khien.admin(); // one HTTP client (connection) per writer
                    running.add(clients.submit(() -> {
                        for (int i = 0; !stop.get() && i < 10_000; i++) {
                            String code = prefix + "-" + client + "-" + i;
                            attempted.incrementAndGet();
                            Http.Response r;
                            try {
                                r = api.post(
                                        "/api/v1/organizations",
                                        Map.of(
                                                "code",
                                                code,
                                                "name",
                                                "Đơn vị " + client + "." + i,
                                                "kind",
                                                "UNIT",
                                                "parentId",
                                                parentId));
                            } catch (RuntimeException killed) {
                                return; // the server is gone: this write was never acknowledged
                            }
                            if (r.status() == 201) {
                                acknowledged.add(code);
                            }
                        }
                    }));
                }
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL) {
                    assertThat(System.nanoTime())
                            .as("writes acknowledged before the kill (" + acknowledged.size() + ")")
                            .isLessThan(deadline);
                    Thread.sleep(5);
                }
                khien.kill(); // mid-burst: every client has a write in flight
            } finally {
                stop.set(true);
                clients.shutdown();
                assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
            for (Future<?> f : running) {
                f.get();
            }
            Set<String> ackedAtKill = new HashSet<>(acknowledged);
            assertThat(attempted.get()).isGreaterThan(ackedAtKill.size());

            khien.start();
            Map<String, Long> present = new HashMap<>();
            for (JsonNode o : admin.get("/api/v1/organizations").json()) {
                String code = o.get("code").asString();
                if (code.startsWith(prefix + "-")) {
                    present.put(code, o.get("id").asLong());
                }
            }
            assertThat(present.keySet())
                    .as("every acknowledged write survived the crash")
                    .containsAll(ackedAtKill);
            JsonNode chain = admin.post("/api/v1/audit/verify", "").json();
            assertThat(chain.get("intact").asBoolean()).as(chain.toString()).isTrue();

            khien.stop(); // the H2 file can only be opened once the child let it go
            String ids = ackedAtKill.stream()
                    .map(code -> present.get(code).toString())
                    .collect(Collectors.joining(","));
            try (Connection db = khien.database();
                    Statement s = db.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(DISTINCT organization_id) FROM audit_event"
                            + " WHERE action = 'ORGANIZATION_CREATED' AND organization_id IN (" + ids + ")")) {
                r.next();
                assertThat(r.getLong(1))
                        .as("an audit record for each acknowledged write")
                        .isEqualTo(ackedAtKill.size());
            }
        }
    }
}
