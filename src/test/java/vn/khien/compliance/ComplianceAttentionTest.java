package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.access.Role;
import vn.khien.support.HomePageReader;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** Assessments, evidence, the security regulation and remediation tasks reach the subtree's people only. */
class ComplianceAttentionTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Autowired
    ComplianceFixture fixture;

    @Test
    void overdueAssessmentMissingRegulationAndLateTasksShowForTheSubtreeOnly() {
        TestData.Org province = data.org(data.root(), "Tỉnh Tuân Thủ");
        TestData.Org department = data.org(province, "Sở Nội vụ");
        TestData.Person officer = data.person(department, Role.SECURITY_OFFICER);
        TestData.Person leader = data.person(province, Role.LEADER);
        TestData.Person outsider = data.person(data.org(data.root(), "Tỉnh Láng Giềng"), Role.LEADER);
        Http.Api api = http.api(officer.token());
        long systemId = ComplianceFixture.createSystem(api, data, department, "Quản lý cán bộ");
        String code = api.get("/api/v1/systems/" + systemId).json().get("code").asString();
        // Approved three years ago and never assessed: the periodic assessment is long overdue.
        fixture.approve(systemId, department, 3, "nd85-2016", TODAY.minusYears(3));
        String sys = "/api/v1/compliance/systems/" + systemId;
        String requirement = api.get(sys + "/plan")
                .json()
                .get("items")
                .get(0)
                .get("requirementId")
                .asString();
        assertThat(api.post(
                                sys + "/plan/" + requirement + "/evidence",
                                Map.of(
                                        "title",
                                        "Chứng nhận",
                                        "url",
                                        "https://vanban.example.test/cn",
                                        "validUntil",
                                        TODAY.plusDays(7).toString()))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                sys + "/tasks",
                                Map.of(
                                        "title",
                                        "Cập nhật phần mềm diệt mã độc",
                                        "dueOn",
                                        TODAY.minusDays(2).toString()))
                        .status())
                .isEqualTo(201);

        assertThat(HomePageReader.attention(http, leader))
                .anyMatch(line -> line.contains(code) && line.contains("quá hạn kiểm tra, đánh giá định kỳ"))
                .anyMatch(line -> line.contains(code) && line.contains("chưa ban hành quy chế"))
                .anyMatch(line -> line.contains(code) && line.contains("sắp hết hiệu lực"))
                .anyMatch(line -> line.contains(code) && line.contains("nhiệm vụ khắc phục"));
        assertThat(HomePageReader.attention(http, outsider)).noneMatch(line -> line.contains(code));
    }
}
