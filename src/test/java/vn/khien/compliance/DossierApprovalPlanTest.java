package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.systems.ProvinceFixture;

/** The real approval path: a level-3 dossier approved through the systems workflow derives the plan in its transaction. */
class DossierApprovalPlanTest extends IntegrationTest {

    @Test
    void approvingTheDossierDerivesTheNewRegimePlan() {
        TestData.Org province = data.org(data.root(), "Tỉnh Hồ Sơ");
        TestData.Org securityUnit = data.org(province, "Sở Khoa học và Công nghệ");
        TestData.Org department = data.org(province, "Sở Giáo dục");
        TestData.Person officer = data.person(department, Role.SECURITY_OFFICER);
        TestData.Person appraiser = data.person(securityUnit, Role.SECURITY_OFFICER);
        TestData.Person leader = data.person(department, Role.LEADER);
        data.designate(province, "OWNER_SECURITY_UNIT", securityUnit);
        Http.Api api = http.api(officer.token());
        long systemId = ComplianceFixture.createSystem(api, data, department, "Cơ sở dữ liệu ngành giáo dục");
        assertThat(api.post(
                                "/api/v1/systems/" + systemId + "/classifications",
                                Map.of("regime", "nd331-2026", "answers", ProvinceFixture.LEVEL3_ND331))
                        .status())
                .isEqualTo(201);
        long dossierId = api.post("/api/v1/systems/" + systemId + "/dossiers", "")
                .json()
                .get("dossier")
                .get("id")
                .asLong();
        for (String part : List.of("OVERVIEW", "DESIGN", "LEVEL_EXPLANATION", "SECURITY_PLAN", "RISK_ASSESSMENT")) {
            api.send("PUT", "/api/v1/dossiers/" + dossierId + "/parts/" + part, Map.of("content", "Nội dung " + part));
        }
        assertThat(api.post(action(dossierId, "SUBMIT"), Map.of()).status()).isEqualTo(200);
        assertThat(http.api(appraiser.token())
                        .post(action(dossierId, "APPRAISE"), Map.of("comment", "Đạt"))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/compliance/systems/" + systemId + "/plan")
                        .json()
                        .get("items")
                        .size())
                .isZero();
        // The appraising unit's own level progress counts the system it appraised (issue 9: lists show what the
        // person may see, including systems they appraise).
        Http.Api appraiserApi = http.api(appraiser.token());
        JsonNode appraised = appraiserApi
                .get("/api/v1/level-progress?organizationId=" + securityUnit.id())
                .json();
        assertThat(appraised.get("total").asLong()).as(appraised.toString()).isEqualTo(1);
        assertThat(appraised.get("dossiersByStatus").get("APPRAISED").asLong()).isEqualTo(1);

        // The regulation is issued before the level is approved (TT 12 Đ9.7; NĐ 331 Đ30.7).
        assertThat(api.send(
                                "PUT",
                                "/api/v1/compliance/systems/" + systemId + "/regulation",
                                Map.of(
                                        "title",
                                        "Quy chế bảo đảm an ninh mạng",
                                        "decisionNumber",
                                        "3/QĐ-SGD",
                                        "issuedOn",
                                        "2026-11-02"))
                        .status())
                .isEqualTo(200);
        Http.Response approved = http.api(leader.token())
                .post(
                        action(dossierId, "APPROVE"),
                        Map.of(
                                "decisionNumber",
                                "45/QĐ-SGD",
                                "decisionDate",
                                "2026-11-20",
                                "decisionSigner",
                                "Giám đốc Sở",
                                "signedFileName",
                                "qd-45.pdf",
                                "signedFileBase64",
                                Base64.getEncoder().encodeToString("PDF".getBytes())));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        JsonNode plan =
                api.get("/api/v1/compliance/systems/" + systemId + "/plan").json();
        assertThat(plan.get("level").asInt()).isEqualTo(3);
        assertThat(plan.get("regime").asText()).isEqualTo("nd331-2026");
        assertThat(plan.get("catalogueVersions").asText()).startsWith("ND331-2026@");
        assertThat(plan.get("items").size()).isPositive();
        assertThat(plan.get("regulationMissing").asBoolean()).isFalse();
        // Once approved, the appraising unit finds it in its level progress (register data, issue 9) but not in its
        // compliance overview: the system's compliance is none of the appraising body's business (ADR 0012).
        JsonNode overview = appraiserApi
                .get("/api/v1/compliance/organizations/" + securityUnit.id() + "/summary")
                .json();
        assertThat(overview.get("systems").findValuesAsString("code"))
                .as(overview.toString())
                .isEmpty();
        JsonNode progress = appraiserApi
                .get("/api/v1/level-progress?organizationId=" + securityUnit.id())
                .json();
        assertThat(progress.get("approved").asLong()).isEqualTo(1);
        assertThat(progress.get("perLevel").get("3").asLong()).isEqualTo(1);
        // An organisation with no system of its own reads "no data", never 100% met.
        TestData.Org empty = data.org(province, "Sở chưa có hệ thống");
        JsonNode none = admin().get("/api/v1/level-progress?organizationId=" + empty.id())
                .json();
        assertThat(none.get("total").asLong()).isZero();
        none.get("campaigns")
                .forEach(c -> assertThat(c.get("currentPercent").isNull())
                        .as(c.toString())
                        .isTrue());
        assertThat(admin().get("/api/v1/audit?organizationId=" + department.id() + "&size=200")
                        .body())
                .contains("compliance.plan.derive");
    }

    private static String action(long dossierId, String action) {
        return "/api/v1/dossiers/" + dossierId + "/actions/" + action;
    }
}
