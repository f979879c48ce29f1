package vn.khien.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Issue 9: errors say where and what is accepted. A wrong enum value in a JSON body names the field and lists the
 * accepted values in Vietnamese and English; a file that is not a scan report says so in Vietnamese and lists the
 * formats Khiên reads, instead of the parser's English detail.
 */
class ProblemTextsTest extends IntegrationTest {

    @Test
    void aWrongEnumValueNamesTheFieldAndTheAcceptedValues() {
        TestData.Org unit = data.org(data.root(), "Sở thử thông báo lỗi");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        Http.Response r = http.api(officer.token())
                .post(
                        "/api/v1/systems",
                        Map.of(
                                "code",
                                data.unique("HT"),
                                "name",
                                "Hệ thống thử",
                                "ownerOrganizationId",
                                unit.id(),
                                "operatorOrganizationId",
                                unit.id(),
                                "systemType",
                                "DICH_VU_CONG"));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        var error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("systemType");
        List<String> accepted = new ArrayList<>();
        error.get("accepted").forEach(v -> accepted.add(v.asString()));
        assertThat(accepted).contains("INTERNAL", "CITIZEN_BUSINESS");
        assertThat(error.get("messageVi").asString())
                .contains("systemType")
                .contains("chỉ nhận")
                .contains("INTERNAL");
        assertThat(error.get("messageEn").asString()).contains("systemType").contains("accepts only");

        Http.Response number = http.api(officer.token())
                .post(
                        "/api/v1/systems",
                        Map.of(
                                "code",
                                data.unique("HT"),
                                "name",
                                "Hệ thống thử",
                                "ownerOrganizationId",
                                unit.id(),
                                "operatorOrganizationId",
                                unit.id(),
                                "systemType",
                                "INTERNAL",
                                "userCount",
                                "rất nhiều"));
        assertThat(number.status()).as(number.body()).isEqualTo(400);
        assertThat(number.json().get("errors").get(0).get("field").asString()).isEqualTo("userCount");
        assertThat(number.json().get("errors").get(0).get("messageVi").asString())
                .contains("một số");
    }

    @Test
    void aFileThatIsNotAReportSaysSoInVietnameseAndListsTheFormats() {
        TestData.Org unit = data.org(data.root(), "Sở thử tải báo cáo");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        Http.Response s = http.api(officer.token())
                .post(
                        "/api/v1/systems",
                        Map.of(
                                "code",
                                data.unique("HT"),
                                "name",
                                "Hệ thống thử",
                                "ownerOrganizationId",
                                unit.id(),
                                "operatorOrganizationId",
                                unit.id(),
                                "systemType",
                                "INTERNAL"));
        long system = s.json().get("id").asLong();
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
        Http.Response r =
                http.api(officer.token()).upload("/api/v1/systems/" + system + "/scans", "bao-cao.pdf", pdf, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        String message = r.json().get("errors").get(0).get("message").asString();
        assertThat(message)
                .contains("bao-cao.pdf")
                .contains("không phải là báo cáo quét")
                .contains("nessus")
                .doesNotContain("Unsupported");
    }
}
