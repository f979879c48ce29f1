package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** The public report page against abuse: HTML in fields, oversized input, the per-address limit, unpublished units. */
class PublicIncidentReportTest extends IntegrationTest {

    @Test
    void publicReportsLandUnverifiedEscapedBoundedAndRateLimited() {
        TestData.Org org = data.org(data.root(), "Cổng thông tin thử công khai");
        data.jdbc().sql("UPDATE organization SET contact_public = TRUE WHERE id = :id").param("id", org.id()).update();
        TestData.Org hidden = data.org(data.root(), "Đơn vị không công bố đầu mối");
        String path = "/public/incidents/" + org.id() + "/report";

        Http.Session visitor = http.session();
        assertThat(visitor.get("/public/contacts").body()).contains(path);
        assertThat(visitor.get("/public/incidents/" + hidden.id() + "/report").status()).isEqualTo(404);
        assertThat(visitor.get(path).status()).isEqualTo(200);

        // 1. HTML in fields is shown back escaped, stored as typed, and lands NEW (unverified) without an actor.
        String script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        Http.Response ok = visitor.postForm(path, Map.of("title", "Trang chủ bị thay đổi " + script,
                "description", "Thấy dòng chữ lạ " + script, "category", "DEFACE", "detectedAt", "2026-12-01T08:15",
                "reporterName", "Nguyễn Văn Dân", "reporterContact", "dan@example.test"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").contains("dan@example.test");
        Map<String, Object> row = data.jdbc().sql("SELECT id, status, source, title, created_by FROM incident WHERE organization_id = :o")
                .param("o", org.id()).query().singleRow();
        assertThat(row.get("status")).isEqualTo("NEW");
        assertThat(row.get("source")).isEqualTo("PUBLIC");
        assertThat((String) row.get("title")).endsWith(script);
        assertThat(row.get("created_by")).isNull();
        assertThat(ok.body()).contains(String.valueOf(row.get("id")));
        assertThat(data.jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE action = 'incident.report.public' AND target_id = :id")
                .param("id", String.valueOf(row.get("id"))).query(Long.class).single()).isEqualTo(1);

        // 2. Oversized input is refused and nothing is stored.
        Http.Response big = visitor.postForm(path, Map.of("title", "x".repeat(301), "description", "d".repeat(9000),
                "category", "DEFACE", "reporterContact", "c".repeat(500)));
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.body()).contains("Tối đa");
        // 3. Unknown category, missing contact.
        assertThat(visitor.postForm(path, Map.of("title", "t", "category", "<b>X</b>")).status()).isEqualTo(400);
        assertThat(data.jdbc().sql("SELECT COUNT(*) FROM incident WHERE organization_id = :o").param("o", org.id())
                .query(Long.class).single()).isEqualTo(1);

        // 4. The fourth and fifth attempts from this address pass the limit (5 an hour); the sixth is refused with 429.
        visitor.postForm(path, Map.of("title", "Lần 4", "category", "PHISHING", "reporterContact", "a@example.test"));
        visitor.postForm(path, Map.of("title", "Lần 5", "category", "PHISHING", "reporterContact", "a@example.test"));
        Http.Response limited = visitor.postForm(path, Map.of("title", "Lần 6", "category", "PHISHING",
                "reporterContact", "a@example.test"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("3600");
        assertThat(data.jdbc().sql("SELECT COUNT(*) FROM incident WHERE organization_id = :o").param("o", org.id())
                .query(Long.class).single()).isEqualTo(3);
    }
}
