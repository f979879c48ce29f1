package vn.khien.incidents.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.platform.documents.AdministrativeLayout;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * A member report (Biểu mẫu 05) submitted before the "incidents by category" section was part of the kind froze no
 * category figures: its page, API and DOCX say so for that section ("không có số liệu: báo cáo nộp trước khi có mục
 * này") instead of a table of zeros or of empty cells, while a category counted as zero in a report submitted after
 * stays a zero and the report's other sections are shown as frozen.
 */
class MemberReportBeforeCategoriesTest extends IntegrationTest {

    static final String NOT_RECORDED = "Không có số liệu: báo cáo nộp trước khi có mục này.";

    @Test
    void aReportSubmittedBeforeTheCategorySectionSaysItHasNoFiguresForIt() throws Exception {
        TestData.Org province = data.org(data.root(), "Tỉnh trước mục loại " + data.unique("p"));
        data.jdbc()
                .sql("UPDATE organization SET kind = 'PROVINCE' WHERE id = :id")
                .param("id", province.id())
                .update();
        TestData.Org hospital = data.org(province, "Bệnh viện trước mục loại");
        TestData.Person officer = data.person(province, Role.SECURITY_OFFICER);
        Http.Api api = http.api(officer.token());
        Http.Api leader = http.api(data.person(province, Role.LEADER).token());
        incident(hospital, "MALWARE", "2026-02-10T09:00:00+07:00");

        long late = submitted(api, leader, province, "2026-H1");
        long recent = submitted(api, leader, province, "2025-H2");
        // The snapshot of a report submitted before the section existed holds no row for its figures.
        int removed = data.jdbc()
                .sql("DELETE FROM periodic_report_figure WHERE report_id = :id AND figure LIKE 'incidentsByCategory.%'")
                .param("id", late)
                .update();
        assertThat(removed).isPositive();

        // API: the section is named as not recorded, its figures are null (never 0); the other sections as frozen.
        JsonNode before = api.get("/api/v1/reports/" + late).json();
        assertThat(before.get("frozen").asBoolean()).isTrue();
        assertThat(before.get("sectionsNotRecorded").toString()).isEqualTo("[\"categories\"]");
        assertThat(before.get("figures").get("incidentsByCategory.MALWARE").isNull())
                .isTrue();
        assertThat(before.get("figures").get("incidentsByCategory.DEFACE").isNull())
                .isTrue();
        assertThat(before.get("figures").get("incidentsTotal").asLong()).isEqualTo(1);
        // A report submitted with the section keeps its zeros as zeros.
        JsonNode after = api.get("/api/v1/reports/" + recent).json();
        assertThat(after.get("sectionsNotRecorded").size()).isZero();
        assertThat(after.get("figures").get("incidentsByCategory.DEFACE").asLong())
                .isZero();

        // Page: the section says so instead of a table.
        Http.Session session = http.session();
        session.login(officer.username(), TestData.PASSWORD);
        String page = session.get("/reports/" + late).body();
        assertThat(page)
                .contains("id=\"not-recorded-categories\"")
                .contains(NOT_RECORDED)
                .doesNotContain("data-figure=\"incidentsByCategory.MALWARE\"")
                .contains("data-figure=\"incidentsBySeverity.HIGH\"");
        String recentPage = session.get("/reports/" + recent).body();
        assertThat(recentPage)
                .doesNotContain("not-recorded-categories")
                .contains("data-figure=\"incidentsByCategory.MALWARE\"");

        // DOCX: the section's title with the same sentence, no category rows.
        String text = text(officer, "/api/v1/reports/" + late + ".docx");
        assertThat(text)
                .contains("Sự cố theo loại (không tính tin báo sai)")
                .contains(NOT_RECORDED)
                .doesNotContain("Sự cố mã độc")
                .contains("Sự cố theo mức độ");
        assertThat(text(officer, "/api/v1/reports/" + recent + ".docx"))
                .contains("Sự cố mã độc")
                .doesNotContain(NOT_RECORDED);
    }

    /** A member report of the period drafted, checked, signed and submitted (its figures frozen). */
    private static long submitted(Http.Api api, Http.Api leader, TestData.Org province, String period) {
        Http.Response created = api.post(
                "/api/v1/reports",
                Map.of("organizationId", province.id(), "kind", "IR_NETWORK_MEMBER", "period", period));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(api.post("/api/v1/reports/" + id + "/actions/CHECK", Map.of())
                        .status())
                .isEqualTo(200);
        Http.Response signed = leader.post(
                "/api/v1/reports/" + id + "/actions/SIGN",
                Map.of(
                        "documentNumber",
                        "9/BC-UBND",
                        "documentDate",
                        LocalDate.now(NetworkRules.VN).toString()));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        Http.Response submitted = api.post("/api/v1/reports/" + id + "/actions/SUBMIT", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return id;
    }

    private void incident(TestData.Org org, String category, String detectedAt) {
        data.jdbc()
                .sql("""
                        INSERT INTO incident (organization_id, title, category, severity, status, source, detected_at,
                          detected_offset, regime, beyond_capacity, national_security_signs, created_at, updated_at)
                        VALUES (:o, 'Sự cố thử trước mục loại', :c, 'HIGH', 'CLOSED', 'UI', :d, '+07:00', 'tt20-2017',
                          FALSE, FALSE, :now, :now)""")
                .param("o", org.id())
                .param("c", category)
                .param("d", Timestamp.from(OffsetDateTime.parse(detectedAt).toInstant()))
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }

    private String text(TestData.Person who, String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(http.base() + path))
                                .header("Authorization", "Bearer " + who.token())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        AdministrativeLayout.assertLayout(r.body());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()));
                XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            return x.getText();
        }
    }
}
