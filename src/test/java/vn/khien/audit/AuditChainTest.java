package vn.khien.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Tampering with a stored record (as a database administrator could) is detected and the first
 * broken record is named. Each case repairs what it broke, since the trail is shared by all tests.
 */
class AuditChainTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void detectsAnAlteredRecordAndNamesIt() {
        TestData.Org org = data.org(data.root(), "Kiểm toán");
        Http.Response patched =
                admin().patch("/api/v1/organizations/" + org.id(), Map.of("address", "Số 5 Lý Thường Kiệt"));
        assertThat(patched.status()).isEqualTo(200);
        Http.Response intact = admin().post("/api/v1/audit/verify", "");
        assertThat(intact.json().get("intact").asBoolean()).isTrue();

        long id = jdbc.sql(
                        "SELECT MAX(id) FROM audit_event WHERE action = 'ORGANIZATION_UPDATED' AND organization_id = :o")
                .param("o", org.id())
                .query(Long.class)
                .single();
        String original = jdbc.sql("SELECT details FROM audit_event WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(original).contains("Số 5 Lý Thường Kiệt");
        try {
            jdbc.sql("UPDATE audit_event SET details = :d WHERE id = :id")
                    .param("d", original.replace("Số 5", "Số 9"))
                    .param("id", id)
                    .update();
            Http.Response broken = admin().post("/api/v1/audit/verify", "");
            assertThat(broken.json().get("intact").asBoolean()).isFalse();
            assertThat(broken.json().get("firstBrokenId").asLong()).isEqualTo(id);
            assertThat(broken.json().get("reason").asText()).isEqualTo("content");
        } finally {
            jdbc.sql("UPDATE audit_event SET details = :d WHERE id = :id")
                    .param("d", original)
                    .param("id", id)
                    .update();
        }
        assertThat(admin().post("/api/v1/audit/verify", "").json().get("intact").asBoolean())
                .isTrue();
    }

    @Test
    void detectsADeletedRecord() {
        TestData.Org org = data.org(data.root(), "Xoá");
        admin().patch("/api/v1/organizations/" + org.id(), Map.of("address", "A"));
        admin().patch("/api/v1/organizations/" + org.id(), Map.of("address", "B"));
        Map<String, Object> row = jdbc.sql(
                        "SELECT * FROM audit_event WHERE organization_id = :o AND action = 'ORGANIZATION_UPDATED' ORDER BY id")
                .param("o", org.id())
                .query()
                .listOfRows()
                .get(0);
        long id = ((Number) row.get("id")).longValue();
        jdbc.sql("DELETE FROM audit_event WHERE id = :id").param("id", id).update();
        try {
            Http.Response broken = admin().post("/api/v1/audit/verify", "");
            assertThat(broken.json().get("intact").asBoolean()).isFalse();
            assertThat(broken.json().get("firstBrokenId").asLong()).isEqualTo(id);
        } finally {
            jdbc.sql("""
                    INSERT INTO audit_event (id, occurred_at, actor_user_id, actor_username, source_ip, action,
                        organization_id, target_type, target_id, details, prev_hash, hash, hash_version)
                    VALUES (:id, :at, :actor, :an, :ip, :action, :org, :tt, :tid, :details, :prev, :hash, :v)""")
                    .param("v", row.get("hash_version"))
                    .param("id", id)
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
                    .update();
        }
        assertThat(admin().post("/api/v1/audit/verify", "").json().get("intact").asBoolean())
                .isTrue();
    }

    @Test
    void auditorsSeeTheirSubtreeFilteredByPersonKindAndTime() {
        TestData.Org province = data.org(data.root(), "Tỉnh kiểm toán");
        TestData.Org unit = data.org(province, "Đơn vị");
        TestData.Person auditor = data.person(province, Role.AUDITOR);
        TestData.Person orgAdmin = data.person(province, Role.ORG_ADMIN);
        Http.Response changed = http.api(orgAdmin.token())
                .patch(
                        "/api/v1/organizations/" + unit.id(),
                        Map.of("contactPerson", "Nguyễn Thị Hoa", "contactPhone", "0912 345 678"));
        assertThat(changed.status()).isEqualTo(200);
        Http.Api api = http.api(auditor.token());
        Http.Response byActor = api.get("/api/v1/audit?actor=" + orgAdmin.username() + "&action=ORGANIZATION_UPDATED");
        assertThat(byActor.json().get("total").asLong()).isEqualTo(1);
        var item = byActor.json().get("items").get(0);
        assertThat(item.get("details").asText()).contains("\"before\"").contains("Nguyễn Thị Hoa");
        assertThat(item.get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(api.get("/api/v1/audit?organizationId=" + unit.id())
                        .json()
                        .get("total")
                        .asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/v1/audit?actor=" + orgAdmin.username() + "&from=2000-01-01&to=2000-01-02")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        // The auditor changes nothing.
        assertThat(api.patch("/api/v1/organizations/" + unit.id(), Map.of("address", "X"))
                        .status())
                .isEqualTo(403);
        // Auditors verify the records of their own subtree (issue 10); the whole chain stays with platform
        // administrators.
        assertThat(api.post("/api/v1/audit/verify", "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/audit/checkpoints/verify", "").status()).isEqualTo(403);
    }

    @Test
    void organisationAdministratorsReadsBelowTheirOwnOrganisationAreRecordedButNotOthers() {
        TestData.Org province = data.org(data.root(), "Tỉnh đọc");
        TestData.Org unit = data.org(province, "Đơn vị đọc");
        TestData.Person provinceAdmin = data.person(province, Role.ORG_ADMIN);
        TestData.Person unitOfficer = data.person(unit, Role.SECURITY_OFFICER);
        http.api(provinceAdmin.token()).get("/api/v1/organizations/" + unit.id());
        http.api(provinceAdmin.token()).get("/api/v1/users/" + unitOfficer.id());
        http.api(unitOfficer.token()).get("/api/v1/organizations/" + unit.id());
        var reads = jdbc.sql(
                        "SELECT actor_username, target_type FROM audit_event WHERE action = 'ADMIN_READ' AND organization_id = :o")
                .param("o", unit.id())
                .query()
                .listOfRows();
        assertThat(reads)
                .extracting(r -> r.get("actor_username") + ":" + r.get("target_type"))
                .containsExactlyInAnyOrder(
                        provinceAdmin.username() + ":organization", provinceAdmin.username() + ":person");
    }

    @Test
    void platformAdministratorsReadsOfAnOrganisationAreRecorded() {
        TestData.Org org = data.org(data.root(), "Đọc");
        admin().get("/api/v1/organizations/" + org.id());
        long reads = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'ADMIN_READ' AND organization_id = :o")
                .param("o", org.id())
                .query(Long.class)
                .single();
        assertThat(reads).isEqualTo(1);
    }
}
