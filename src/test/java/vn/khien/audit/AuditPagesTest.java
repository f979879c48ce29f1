package vn.khien.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The audit page reads in words (issue 9 point 14): an action of a feature module, its object, its fields and its
 * coded values in Vietnamese, dates as dd/MM/yyyy; a wrong day in the filter is said next to its field and the
 * other filters stay.
 */
class AuditPagesTest extends IntegrationTest {

    @Autowired
    AuditTrail trail;

    @Test
    void recordsOfFeatureModulesReadInWordsAndAWrongDayIsSaidNextToItsField() {
        TestData.Org unit = data.org(data.root(), "Sở nhật ký bằng lời");
        TestData.Person auditor = data.person(unit, Role.AUDITOR);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("title", "Cảnh báo nhật ký");
        after.put("severity", "HIGH");
        after.put("tlp", "AMBER");
        after.put("acknowledgeBy", "2026-12-10");
        after.put("systemsReached", 1250);
        trail.recordStandalone(
                AuditEntry.change("WARNING_PUBLISHED", unit.id(), "warning", 4242, null, after), null, "system");

        Http.Session s = http.session();
        s.login(auditor.username(), TestData.PASSWORD);
        String page = s.get("/audit?organizationId=" + unit.id()).body();
        assertThat(page)
                .contains(
                        "Phát hành cảnh báo", "Cảnh báo số 4242", "Mức độ", "Cao", "Mức chia sẻ (TLP)", "Hạn xác nhận")
                .contains("10/12/2026", "Số hệ thống bị ảnh hưởng", "1.250")
                .doesNotContain("warning published", "HIGH", "2026-12-10", "acknowledge by");

        Http.Response wrong = s.get("/audit?actor=ai.do&organizationId=" + unit.id() + "&from=31/02/2026");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body())
                .contains("id=\"from-error\"", "Ngày &quot;31/02/2026&quot; không đúng dạng dd/MM/yyyy.")
                .contains("value=\"ai.do\"", "value=\"31/02/2026\"")
                .doesNotContain("Exception");
    }

    @Test
    void aPersonWhoMayReadNoTrailIsRefusedNotShownAnEmptyOne() {
        TestData.Org unit = data.org(data.root(), "Sở không đọc nhật ký");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        Http.Session s = http.session();
        s.login(officer.username(), TestData.PASSWORD);
        Http.Response r = s.get("/audit");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("audit-records");
    }
}
