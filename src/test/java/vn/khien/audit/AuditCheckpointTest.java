package vn.khien.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Issue 10, finding 9: the exact stored time is hashed (a one-microsecond change is found, in new and in upgraded
 * records); signed checkpoints exported as files find a rewound head; auditors verify their own subtree; the
 * invalid-token message is Vietnamese.
 */
class AuditCheckpointTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditCheckpoints checkpoints;

    @BeforeEach
    void noCheckpointsOfEarlierDatabases() throws Exception {
        for (Path f : checkpoints.files()) {
            Files.delete(f);
        }
    }

    long lastOrganizationUpdate(TestData.Org org) {
        return jdbc.sql(
                        "SELECT MAX(id) FROM audit_event WHERE action = 'ORGANIZATION_UPDATED' AND organization_id = :o")
                .param("o", org.id())
                .query(Long.class)
                .single();
    }

    @Test
    void aOneMicrosecondChangeOfTheStoredTimeIsDetected() {
        TestData.Org org = data.org(data.root(), "Thời điểm");
        admin().patch("/api/v1/organizations/" + org.id(), Map.of("address", "A"));
        long id = lastOrganizationUpdate(org);
        assertThat(jdbc.sql("SELECT hash_version FROM audit_event WHERE id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(AuditRecord.CURRENT_VERSION);
        Timestamp original = jdbc.sql("SELECT occurred_at FROM audit_event WHERE id = :id")
                .param("id", id)
                .query(Timestamp.class)
                .single();
        Timestamp moved = Timestamp.from(original.toInstant().plusNanos(1_000));
        try {
            jdbc.sql("UPDATE audit_event SET occurred_at = :t WHERE id = :id")
                    .param("t", moved)
                    .param("id", id)
                    .update();
            JsonNode broken = admin().post("/api/v1/audit/verify", "").json();
            assertThat(broken.get("intact").asBoolean()).as(broken.toString()).isFalse();
            assertThat(broken.get("firstBrokenId").asLong()).isEqualTo(id);
        } finally {
            jdbc.sql("UPDATE audit_event SET occurred_at = :t WHERE id = :id")
                    .param("t", original)
                    .param("id", id)
                    .update();
        }
        assertThat(admin().post("/api/v1/audit/verify", "").json().get("intact").asBoolean())
                .isTrue();
    }

    @Test
    void upgradedRecordsKeepVerifyingAndTheirSubMillisecondChangesAreFound() {
        Instant ms = Instant.parse("2026-01-02T03:04:05.678Z");
        AuditRecord v1 =
                new AuditRecord(5, ms, 1L, "a", "127.0.0.1", "X", 2L, "t", "3", null, AuditChainVerifier.GENESIS, null);
        String hash = ChainHash.of(v1);
        AuditRecord stored = new AuditRecord(
                5, ms, 1L, "a", "127.0.0.1", "X", 2L, "t", "3", null, AuditChainVerifier.GENESIS, hash, 1);
        assertThat(ChainHash.of(stored)).isEqualTo(hash);
        assertThat(stored.timePrecisionHolds()).isTrue();
        AuditRecord touched = new AuditRecord(
                5,
                ms.plusNanos(1_000),
                1L,
                "a",
                "127.0.0.1",
                "X",
                2L,
                "t",
                "3",
                null,
                AuditChainVerifier.GENESIS,
                hash,
                1);
        assertThat(ChainHash.of(touched)).as("v1 hashed milliseconds").isEqualTo(hash);
        assertThat(touched.timePrecisionHolds())
                .as("but a v1 time has no sub-millisecond part")
                .isFalse();
    }

    @Test
    void aSignedCheckpointFindsARewoundHead() throws Exception {
        TestData.Org org = data.org(data.root(), "Điểm kiểm");
        admin().patch("/api/v1/organizations/" + org.id(), Map.of("address", "A"));
        Http.Response made = admin().post("/api/v1/audit/checkpoints", "");
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        long lastId = made.json().get("lastId").asLong();
        Path file = checkpoints.files().get(checkpoints.files().size() - 1);
        assertThat(Files.readString(file)).contains("\"lastId\":" + lastId).contains("signature");
        assertThat(admin().post("/api/v1/audit/checkpoints/verify", "")
                        .json()
                        .get("intact")
                        .asBoolean())
                .isTrue();

        // A database administrator deletes the last record and rewinds the head: the chain alone looks intact.
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_event WHERE id = :id")
                .param("id", lastId)
                .query()
                .singleRow();
        jdbc.sql("DELETE FROM audit_event WHERE id = :id").param("id", lastId).update();
        jdbc.sql("UPDATE audit_head SET last_id = :id, last_hash = :h WHERE id = 1")
                .param("id", lastId - 1)
                .param("h", row.get("prev_hash"))
                .update();
        try {
            assertThat(admin().post("/api/v1/audit/verify", "")
                            .json()
                            .get("intact")
                            .asBoolean())
                    .isTrue();
            JsonNode v = admin().post("/api/v1/audit/checkpoints/verify", "").json();
            assertThat(v.get("intact").asBoolean()).as(v.toString()).isFalse();
            assertThat(v.get("problem").asString()).startsWith("truncated");
        } finally {
            jdbc.sql("""
                    INSERT INTO audit_event (id, occurred_at, actor_user_id, actor_username, source_ip, action,
                        organization_id, target_type, target_id, details, prev_hash, hash, hash_version)
                    VALUES (:id, :at, :actor, :an, :ip, :action, :org, :tt, :tid, :details, :prev, :hash, :v)""")
                    .param("id", lastId)
                    .param("at", row.get("occurred_at"))
                    .param("actor", row.get("actor_user_id"))
                    .param("an", row.get("actor_username"))
                    .param("ip", row.get("source_ip"))
                    .param("action", row.get("action"))
                    .param("org", row.get("organization_id"))
                    .param("tt", row.get("target_type"))
                    .param("tid", row.get("target_id"))
                    .param("details", row.get("details"))
                    .param("prev", row.get("prev_hash"))
                    .param("hash", row.get("hash"))
                    .param("v", row.get("hash_version"))
                    .update();
            jdbc.sql("UPDATE audit_head SET last_id = :id, last_hash = :h WHERE id = 1 AND last_id = :prev")
                    .param("id", lastId)
                    .param("h", row.get("hash"))
                    .param("prev", lastId - 1)
                    .update();
        }
        assertThat(admin().post("/api/v1/audit/checkpoints/verify", "")
                        .json()
                        .get("intact")
                        .asBoolean())
                .isTrue();
        // A forged checkpoint (signature of another key) is refused.
        Files.writeString(
                file.resolveSibling("checkpoint-000000000001-1.json"),
                Files.readString(file).replaceFirst("\"signature\":\"[^\"]+\"", "\"signature\":\"AAAA\""));
        assertThat(admin().post("/api/v1/audit/checkpoints/verify", "")
                        .json()
                        .get("problem")
                        .asString())
                .contains("signature");
        Files.delete(file.resolveSibling("checkpoint-000000000001-1.json"));
    }

    @Test
    void auditorsVerifyTheirOwnSubtree() {
        TestData.Org org = data.org(data.root(), "Kiểm toán viên");
        TestData.Person auditor = data.person(org, Role.AUDITOR);
        admin().patch("/api/v1/organizations/" + org.id(), Map.of("address", "B"));
        Http.Response r = http.api(auditor.token()).post("/api/v1/audit/verify", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("intact").asBoolean()).isTrue();
        assertThat(r.json().get("recordsChecked").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(http.api(auditor.token())
                        .post("/api/v1/audit/checkpoints", "")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theInvalidTokenMessageIsVietnamese() throws Exception {
        var req = HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/systems"))
                .header("Authorization", "Bearer khn_not_a_token")
                .build();
        var r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("Token không hợp lệ");
    }
}
