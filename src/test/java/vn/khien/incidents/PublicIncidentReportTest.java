package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.incidents.cases.PublicReportLimiter;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** The public report page against abuse: HTML in fields, oversized input, the per-address limit, unpublished units. */
class PublicIncidentReportTest extends IntegrationTest {

    @Test
    void publicReportsLandUnverifiedEscapedBoundedAndRateLimited() {
        // The limit is counted in the database (shared by every node): start this address's hour afresh.
        data.jdbc().sql("DELETE FROM public_report_attempt").update();
        TestData.Org org = data.org(data.root(), "Cổng thông tin thử công khai");
        data.jdbc()
                .sql("UPDATE organization SET contact_public = TRUE WHERE id = :id")
                .param("id", org.id())
                .update();
        TestData.Org hidden = data.org(data.root(), "Đơn vị không công bố đầu mối");
        String path = "/public/incidents/" + org.id() + "/report";

        Http.Session visitor = http.session();
        assertThat(visitor.get("/public/contacts").body()).contains(path);
        assertThat(visitor.get("/public/incidents/" + hidden.id() + "/report").status())
                .isEqualTo(404);
        assertThat(visitor.get(path).status()).isEqualTo(200);

        // 1. HTML in fields is shown back escaped, stored as typed, and lands NEW (unverified) without an actor.
        String script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        Http.Response ok = visitor.postForm(
                path,
                Map.of(
                        "title",
                        "Trang chủ bị thay đổi " + script,
                        "description",
                        "Thấy dòng chữ lạ " + script,
                        "category",
                        "DEFACE",
                        "detectedAt",
                        "2026-12-01T08:15",
                        "reporterName",
                        "Nguyễn Văn Dân",
                        "reporterContact",
                        "dan@example.test"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body())
                .doesNotContain("<script>alert")
                .doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("dan@example.test");
        Map<String, Object> row = data.jdbc()
                .sql("SELECT id, status, source, title, created_by FROM incident WHERE organization_id = :o")
                .param("o", org.id())
                .query()
                .singleRow();
        assertThat(row.get("status")).isEqualTo("NEW");
        assertThat(row.get("source")).isEqualTo("PUBLIC");
        assertThat((String) row.get("title")).endsWith(script);
        assertThat(row.get("created_by")).isNull();
        assertThat(ok.body()).contains(String.valueOf(row.get("id")));
        assertThat(data.jdbc()
                        .sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'incident.report.public' AND target_id = :id")
                        .param("id", String.valueOf(row.get("id")))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // 2. Oversized input is refused and nothing is stored.
        Http.Response big = visitor.postForm(
                path,
                Map.of(
                        "title",
                        "x".repeat(301),
                        "description",
                        "d".repeat(9000),
                        "category",
                        "DEFACE",
                        "reporterContact",
                        "c".repeat(500)));
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.body()).contains("Tối đa");
        // 3. Unknown category, missing contact.
        assertThat(visitor.postForm(path, Map.of("title", "t", "category", "<b>X</b>"))
                        .status())
                .isEqualTo(400);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM incident WHERE organization_id = :o")
                        .param("o", org.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // 4. The fourth and fifth attempts from this address pass the limit (5 an hour); the sixth is refused with 429.
        visitor.postForm(path, Map.of("title", "Lần 4", "category", "PHISHING", "reporterContact", "a@example.test"));
        visitor.postForm(path, Map.of("title", "Lần 5", "category", "PHISHING", "reporterContact", "a@example.test"));
        Http.Response limited = visitor.postForm(
                path, Map.of("title", "Lần 6", "category", "PHISHING", "reporterContact", "a@example.test"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("3600");
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM incident WHERE organization_id = :o")
                        .param("o", org.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void theLimitIsSharedByEveryNodeAndKeepsNoAddress() {
        String address = "203.0.113." + Math.floorMod(data.unique("n").hashCode(), 250);
        Instant t = Instant.now();
        Clock at = Clock.fixed(t, ZoneOffset.UTC);
        // Two nodes of a cluster: each its own limiter over the one database.
        PublicReportLimiter node1 = new PublicReportLimiter(5, at, data.jdbc());
        PublicReportLimiter node2 = new PublicReportLimiter(5, at, data.jdbc());
        data.jdbc().sql("DELETE FROM public_report_attempt").update();
        assertThat(node1.tryAcquire(address)).isTrue();
        assertThat(node2.tryAcquire(address)).isTrue();
        assertThat(node1.tryAcquire(address)).isTrue();
        assertThat(node2.tryAcquire(address)).isTrue();
        assertThat(node1.tryAcquire(address)).isTrue();
        assertThat(node2.tryAcquire(address))
                .as("the sixth attempt in the hour, on the other node")
                .isFalse();
        assertThat(node1.tryAcquire(address)).isFalse();
        assertThat(node1.tryAcquire("198.51.100.7"))
                .as("another address has its own count")
                .isTrue();
        // Refused attempts are not counted; nothing stored shows the address.
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM public_report_attempt")
                        .query(Long.class)
                        .single())
                .isEqualTo(6);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM public_report_attempt WHERE address_hash LIKE :a")
                        .param("a", "%" + address + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        // An hour later the window has moved on, on any node.
        PublicReportLimiter later =
                new PublicReportLimiter(5, Clock.fixed(t.plus(Duration.ofMinutes(61)), ZoneOffset.UTC), data.jdbc());
        assertThat(later.tryAcquire(address)).isTrue();
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM public_report_attempt")
                        .query(Long.class)
                        .single())
                .as("attempts older than the window are deleted")
                .isEqualTo(1);
    }
}
