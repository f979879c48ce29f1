package vn.khien.obligations.awareness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Training records: a person's course with its certificate (kept with its SHA-256, downloaded as uploaded), the
 * yearly count of the organisation and of each child, field-named refusals, audit, and R25 met by training.
 */
class TrainingTest extends IntegrationTest {

    @Test
    void aTrainingWithItsCertificateIsCountedPerYearAndMeetsR25() throws Exception {
        // ten days ago: R25 is yearly with a 60-day lead time, so a recent training is MET whatever today is
        LocalDate trainedOn = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(10);
        int year = trainedOn.getYear();
        TestData.Org province = data.org(data.root(), "Tỉnh đào tạo");
        TestData.Org unit = data.org(province, "Sở được đào tạo");
        TestData.Person officer = data.person(province, Role.SECURITY_OFFICER);
        TestData.Person unitOfficer = data.person(unit, Role.SECURITY_OFFICER);
        byte[] pdf = ("%PDF-1.4\nChứng chỉ " + data.unique("cc")).getBytes(StandardCharsets.UTF_8);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        Http.Api api = http.api(unitOfficer.token());
        String on = trainedOn.toString();

        Http.Response bad = api.upload(
                "/api/v1/organizations/" + unit.id() + "/training-records",
                "x.exe",
                "MZ".getBytes(StandardCharsets.UTF_8),
                Map.of("personName", "Lê Văn C", "course", "Ứng cứu sự cố", "completedOn", on, "hours", "-2"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"hours\"").contains("\"certificate\"");

        Http.Response created = api.upload(
                "/api/v1/organizations/" + unit.id() + "/training-records",
                "chung-chi.pdf",
                pdf,
                Map.of(
                        "personName",
                        "Lê Văn C",
                        "course",
                        "Ứng cứu sự cố cơ bản",
                        "provider",
                        "Cục An toàn thông tin",
                        "completedOn",
                        on,
                        "hours",
                        "16.5"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("certificateSha256").asString()).isEqualTo(sha);
        api.upload(
                "/api/v1/organizations/" + unit.id() + "/training-records",
                "x.pdf",
                null,
                Map.of("personName", "Phạm Thị D", "course", "Nhận biết lừa đảo", "completedOn", on, "hours", "4"));

        JsonNode provinceYear = http.api(officer.token())
                .get("/api/v1/organizations/" + province.id() + "/training-records?year=" + year)
                .json();
        assertThat(provinceYear.get("own").get("records").asInt()).isEqualTo(2);
        assertThat(provinceYear.get("own").get("people").asInt()).isEqualTo(2);
        assertThat(provinceYear.get("own").get("hours").decimalValue()).isEqualByComparingTo("20.5");
        assertThat(provinceYear.get("children").get(0).get("records").asInt()).isEqualTo(2);
        assertThat(provinceYear.get("records")).isEmpty();

        Http.Session s = http.session();
        s.login(unitOfficer.username(), TestData.PASSWORD);
        Http.Response page = s.get("/organizations/" + unit.id() + "/training?year=" + year);
        assertThat(page.body()).contains("Ứng cứu sự cố cơ bản").contains(sha);
        long id = created.json().get("id").asLong();
        Http.Response download = s.get("/training-records/" + id + "/certificate");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).startsWith("%PDF-1.4");
        Http.Response refused = s.upload(
                "/organizations/" + unit.id() + "/training",
                "x.pdf",
                pdf,
                Map.of("personName", "Người giữ lại", "course", "", "completedOn", on, "hours", "2"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"Người giữ lại\"").contains("id=\"training-errors\"");

        assertThat(data.jdbc()
                        .sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'TRAINING_RECORDED' AND organization_id = :o")
                        .param("o", unit.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        for (JsonNode n :
                api.get("/api/v1/organizations/" + unit.id() + "/obligations").json()) {
            if (n.get("rule").asString().equals("R25")) {
                assertThat(n.get("status").asString()).isEqualTo("MET");
                assertThat(n.get("evidence").get("kind").asString()).isEqualTo("training-record");
            }
        }
    }
}
