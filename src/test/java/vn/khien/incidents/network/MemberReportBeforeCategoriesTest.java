package vn.khien.incidents.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
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
        TestData.Org province = NetworkFixture.province(data, "Tỉnh trước mục loại " + data.unique("p"));
        TestData.Org hospital = data.org(province, "Bệnh viện trước mục loại");
        TestData.Person officer = data.person(province, Role.SECURITY_OFFICER);
        Http.Api api = http.api(officer.token());
        Http.Api leader = http.api(data.person(province, Role.LEADER).token());
        NetworkFixture.incident(data, hospital, "MALWARE", "2026-02-10T09:00:00+07:00", "CLOSED", "HIGH");

        long late = NetworkFixture.submittedReport(api, leader, province.id(), "2026-H1");
        long recent = NetworkFixture.submittedReport(api, leader, province.id(), "2025");
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
        String text = NetworkFixture.docxText(http, officer, "/api/v1/reports/" + late + ".docx");
        assertThat(text)
                .contains("Sự cố theo loại (không tính tin báo sai)")
                .contains(NOT_RECORDED)
                .doesNotContain("Sự cố mã độc")
                .contains("Sự cố theo mức độ");
        assertThat(NetworkFixture.docxText(http, officer, "/api/v1/reports/" + recent + ".docx"))
                .contains("Sự cố mã độc")
                .doesNotContain(NOT_RECORDED);
    }
}
