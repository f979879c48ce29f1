package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IncidentReports;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** The incident page names each indicator's kind in words (list and form), never by its code (IPV4, DOMAIN …). */
class IncidentIndicatorWordsTest extends IntegrationTest {

    @Test
    void indicatorKindsAreWordsOnTheIncidentPage() {
        TestData.Org hospital = data.org(data.root(), data.unique("Bệnh viện dấu hiệu"));
        TestData.Person officer = data.person(hospital, Role.SECURITY_OFFICER);
        Http.Api api = http.api(officer.token());
        long id = IncidentReports.of(hospital, "Tên miền giả mạo")
                .category("PHISHING")
                .detectedAt("2026-09-01T08:30:00+07:00")
                .withinCapacity()
                .report(api);
        Http.Response added = api.post(
                "/api/v1/incidents/" + id + "/indicators", Map.of("kind", "DOMAIN", "value", "gia-mao.example.vn"));
        assertThat(added.status()).as(added.body()).isEqualTo(200);

        Http.Session session = http.session();
        assertThat(session.login(officer.username(), TestData.PASSWORD).status())
                .isLessThan(400);
        String page = session.get("/incidents/" + id).body();
        assertThat(page)
                .contains(
                        "<span class=\"text-muted me-1 indicator-kind\">Tên miền</span><code>gia-mao.example.vn</code>")
                .contains("<option value=\"IPV4\">Địa chỉ IPv4</option>")
                .contains("<option value=\"SHA256\">Mã băm SHA-256</option>")
                .doesNotContain(">DOMAIN gia-mao")
                .doesNotContain(">IPV4<");
    }
}
