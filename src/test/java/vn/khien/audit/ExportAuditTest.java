package vn.khien.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** Every document taken out of Khiên, by page or API, is in the audit trail of the exporter's organisation. */
class ExportAuditTest extends IntegrationTest {

    @Test
    void pageAndApiExportsAreRecordedWithWhatWasExported() {
        TestData.Org province = data.org(data.root(), "Tỉnh xuất dữ liệu");
        TestData.Person auditor = data.person(province, Role.AUDITOR);
        Http.Session s = http.session();
        s.login(auditor.username(), TestData.PASSWORD);
        Http.Response page = s.get("/systems/export.xlsx?organizationId=" + province.id());
        assertThat(page.status()).isEqualTo(200);
        Http.Response api =
                http.api(auditor.token()).get("/api/v1/compliance/organizations/" + province.id() + "/compliance.xlsx");
        assertThat(api.status()).isEqualTo(200);
        Http.Response notADocument = http.api(auditor.token()).get("/api/v1/organizations");
        assertThat(notADocument.status()).isEqualTo(200);

        List<String> exports = data.jdbc()
                .sql("""
                SELECT target_id || ' ' || details FROM audit_event
                WHERE action = 'EXPORT' AND actor_username = :u AND organization_id = :o ORDER BY id""")
                .param("u", auditor.username())
                .param("o", province.id())
                .query(String.class)
                .list();
        assertThat(exports).hasSize(2);
        assertThat(exports.get(0))
                .startsWith("/systems/export.xlsx")
                .contains("organizationId=" + province.id())
                .contains("danh-muc-he-thong-mau-08.xlsx");
        assertThat(exports.get(1)).contains("compliance.xlsx");
        // The auditor finds their own exports in the trail of their subtree.
        assertThat(http.api(auditor.token())
                        .get("/api/v1/audit?action=EXPORT&actor=" + auditor.username())
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
    }
}
