package vn.khien.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The CSAF 2.0 tests an imported advisory fails without being refused (ADR 0062) come back to the importer (API and
 * page), are kept with the advisory (its page) and audited; a re-import replaces them; a refusal is problem+json naming
 * the test (number and Vietnamese title) and the JSON pointer.
 */
class CsafChecksImportTest extends IntegrationTest {

    /** A fixture of {@code warnings/csaf/…} with its tracking id made unique, so no other test shares its row. */
    static byte[] csaf(String name, String trackingId) {
        try (var in = CsafChecksImportTest.class.getResourceAsStream("/warnings/csaf/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("KHIEN-T-CHECKS-ID", trackingId)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Http.Response upload(String name, byte[] content) {
        return admin().upload("/api/v1/advisory-feeds", name, content, Map.of());
    }

    private static List<JsonNode> checks(Http.Response r) {
        return StreamSupport.stream(r.json().get("csafChecks").spliterator(), false)
                .toList();
    }

    private long storedChecks(long advisoryId) {
        return data.jdbc()
                .sql("SELECT COUNT(*) FROM advisory_csaf_check WHERE advisory_id = :id")
                .param("id", advisoryId)
                .query(Long.class)
                .single();
    }

    @Test
    void acceptedFailuresAreReportedKeptWithTheAdvisoryAuditedAndReplacedOnReimport() {
        String tracking = data.unique("KHIEN-CHECKS");
        Http.Response r = upload("accepted.json", csaf("checks/accepted-failures.json", tracking));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        List<JsonNode> checks = checks(r);
        assertThat(checks)
                .extracting(c -> c.get("test").asString() + " " + c.get("level").asString() + " "
                        + c.get("pointer").asString())
                .containsExactly(
                        "6.1.16 MANDATORY /document/tracking/version",
                        "6.2.10 OPTIONAL /document/distribution/tlp/label",
                        "6.2.16 OPTIONAL /product_tree/branches/0/branches/0/branches/1/product");
        assertThat(checks.get(0).get("titleVi").asString())
                .isEqualTo("Phiên bản tài liệu không phải bản mới nhất trong lịch sử sửa đổi");
        assertThat(checks.get(0).get("titleEn").asString()).isEqualTo("Latest Document Version");
        assertThat(checks.get(0).get("message").asString()).isNotBlank();
        long id = r.json().get("advisoryId").asLong();
        assertThat(storedChecks(id)).isEqualTo(3);

        String audited = data.jdbc()
                .sql("SELECT details FROM audit_event WHERE action = 'ADVISORY_FEED_IMPORTED' AND details LIKE :t"
                        + " ORDER BY id DESC")
                .param("t", "%\"advisoryId\":" + id + "%")
                .query(String.class)
                .list()
                .get(0);
        assertThat(audited)
                .contains("6.1.16")
                .contains("/document/tracking/version")
                .contains("6.2.16");

        // the advisory's page shows them, in Vietnamese with the English detail, to anyone signed in
        TestData.Org elsewhere = data.org(data.root(), "Đơn vị đọc thư viện");
        TestData.Person reader = data.person(elsewhere, Role.AUDITOR);
        Http.Session session = http.session();
        assertThat(session.login(reader.username(), TestData.PASSWORD).status()).isEqualTo(302);
        Http.Response page = session.get("/advisories/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("§6.1.16 Phiên bản tài liệu không phải bản mới nhất trong lịch sử sửa đổi")
                .contains("Thiếu nhãn TLP")
                .contains("/document/tracking/version")
                .contains(checks.get(0).get("message").asString().replace("\"", "&quot;"));

        // re-importing the same file replaces them (no duplicates); the corrected document clears them
        Http.Response again = upload("accepted.json", csaf("checks/accepted-failures.json", tracking));
        assertThat(again.json().get("updated").asInt()).isEqualTo(1);
        assertThat(storedChecks(id)).isEqualTo(3);
        Http.Response fixed = upload("clean.json", csaf("checks/clean.json", tracking));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(201);
        assertThat(fixed.json().get("advisoryId").asLong()).isEqualTo(id);
        assertThat(checks(fixed)).isEmpty();
        assertThat(storedChecks(id)).isZero();
        assertThat(session.get("/advisories/" + id).body()).contains("đạt mọi phép kiểm tra CSAF 2.0");
    }

    @Test
    void aRefusalIsProblemJsonNamingTheTestItsTitleAndThePointer() throws IOException {
        byte[] file = getClass()
                .getResourceAsStream("/warnings/csaf/mandatory/import-contradicting-status.json")
                .readAllBytes();
        Http.Response r = upload("contradicting.json", file);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("message").asString())
                .contains("§6.1.6")
                .contains("Trạng thái sản phẩm mâu thuẫn nhau")
                .contains("/vulnerabilities/0/product_status");
    }

    @Test
    void otherFormatsCarryNoCsafChecks() {
        Http.Response r = upload("misp-event.json", WarningsIsolationTest.mispEvent());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().has("csafChecks")).isFalse();
        assertThat(r.json().has("advisoryId")).isFalse();
    }

    @Test
    void anUnknownAdvisoryPageIs404() {
        Http.Session session = http.session();
        TestData.Person p = data.person(data.org(data.root(), "Đơn vị xem"), Role.AUDITOR);
        assertThat(session.login(p.username(), TestData.PASSWORD).status()).isEqualTo(302);
        assertThat(session.get("/advisories/" + Long.MAX_VALUE).status()).isEqualTo(404);
    }

    @Test
    void theAdvisoryApiReturnsTheChecksItsPageShows() {
        String tracking = data.unique("KHIEN-CHECKS-API");
        Http.Response r = upload("accepted.json", csaf("checks/accepted-failures.json", tracking));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("csafChecksTotal").asInt()).isEqualTo(3);
        long id = r.json().get("advisoryId").asLong();
        TestData.Person reader = data.person(data.org(data.root(), "Đơn vị đọc API"), Role.AUDITOR);
        Http.Response one = http.api(reader.token()).get("/api/v1/advisories/" + id);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().get("kind").asString()).isEqualTo("CSAF");
        assertThat(checks(one))
                .extracting(c -> c.get("test").asString() + " " + c.get("level").asString() + " "
                        + c.get("pointer").asString())
                .containsExactly(
                        "6.1.16 MANDATORY /document/tracking/version",
                        "6.2.10 OPTIONAL /document/distribution/tlp/label",
                        "6.2.16 OPTIONAL /product_tree/branches/0/branches/0/branches/1/product");
        assertThat(checks(one).get(0).get("titleVi").asString())
                .isEqualTo("Phiên bản tài liệu không phải bản mới nhất trong lịch sử sửa đổi");
        assertThat(checks(one).get(0).get("message").asString())
                .isEqualTo(checks(r).get(0).get("message").asString());
        assertThat(one.json().get("csafChecksTotal").asInt()).isEqualTo(3);
        Http.Response misp = upload("misp-event.json", WarningsIsolationTest.mispEvent());
        long mispId = StreamSupport.stream(
                        admin().get("/api/v1/advisories?cve=CVE-2021-42013")
                                .json()
                                .spliterator(),
                        false)
                .filter(n -> n.get("kind").asString().equals("MISP"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        assertThat(misp.status()).isEqualTo(201);
        Http.Response other = http.api(reader.token()).get("/api/v1/advisories/" + mispId);
        assertThat(other.json().get("csafChecks")).isEmpty();
        assertThat(other.json().get("csafChecksTotal").asInt()).isZero();
    }

    @Test
    void moreThan200AcceptedFailuresAreCountedAndSaidNeverCutSilently() {
        String tracking = data.unique("KHIEN-CHECKS-MANY");
        ObjectNode doc = (ObjectNode) Http.JSON.readTree(csaf("checks/accepted-failures.json", tracking));
        ArrayNode versions = (ArrayNode) doc.get("product_tree")
                .get("branches")
                .get(0)
                .get("branches")
                .get(0)
                .get("branches");
        ArrayNode group =
                (ArrayNode) doc.get("product_tree").get("product_groups").get(0).get("product_ids");
        // 205 more versions without a product identification helper: 205 more failures of optional test 6.2.16
        for (int i = 0; i < 205; i++) {
            ObjectNode v = versions.addObject();
            v.put("category", "product_version");
            v.put("name", "2." + i);
            ObjectNode product = v.putObject("product");
            product.put("name", "Example Web 2." + i);
            product.put("product_id", "Q" + i);
            group.add("Q" + i);
        }
        Http.Response r = upload("many.json", Http.JSON.writeValueAsBytes(doc));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        int total = r.json().get("csafChecksTotal").asInt();
        assertThat(total).isGreaterThanOrEqualTo(208);
        assertThat(checks(r)).hasSize(200);
        long id = r.json().get("advisoryId").asLong();
        assertThat(storedChecks(id)).isEqualTo(200);
        Http.Response one = admin().get("/api/v1/advisories/" + id);
        assertThat(checks(one)).hasSize(200);
        assertThat(one.json().get("csafChecksTotal").asInt()).isEqualTo(total);
        TestData.Person reader = data.person(data.org(data.root(), "Đơn vị đọc nhiều"), Role.AUDITOR);
        Http.Session session = http.session();
        assertThat(session.login(reader.username(), TestData.PASSWORD).status()).isEqualTo(302);
        assertThat(session.get("/advisories/" + id).body())
                .contains("Hiển thị 200 trên " + total + " phép kiểm tra không đạt");
    }
}
