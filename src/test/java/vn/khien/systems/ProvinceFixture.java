package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.TestData;

/**
 * A province with its security unit (designated as the owner's security unit for the whole province) and a
 * department that owns and operates systems, with the people who act on them.
 */
public final class ProvinceFixture {
    public static final Map<String, Object> LEVEL3_ND331 = Map.of(
            "system_type",
            "INTERNAL",
            "info_types",
            List.of("PRIVATE"),
            "serves_defence_security",
            false,
            "handles_administrative_procedures",
            true,
            "national_egov_system",
            false,
            "centralised_national_data",
            false);

    final TestData.Org province;
    final TestData.Org securityUnit;
    final TestData.Org department;
    final TestData.Person officer;
    final TestData.Person appraiser;
    final TestData.Person leader;
    final TestData.Person secondLeader;
    final TestData.Person provinceLeader;

    ProvinceFixture(TestData data, Http.Api admin) {
        province = data.org(data.root(), "Tỉnh Thử Nghiệm");
        securityUnit = data.org(province, "Sở Khoa học và Công nghệ (đơn vị chuyên trách)");
        department = data.org(province, "Sở Y tế");
        officer = data.person(department, Role.SECURITY_OFFICER);
        appraiser = data.person(securityUnit, Role.SECURITY_OFFICER);
        leader = data.person(department, Role.LEADER);
        secondLeader = data.person(department, Role.LEADER);
        provinceLeader = data.person(province, Role.LEADER);
        Http.Response r = admin.post(
                "/api/v1/authority-designations",
                Map.of(
                        "scopeOrganizationId",
                        province.id(),
                        "role",
                        "OWNER_SECURITY_UNIT",
                        "organizationId",
                        securityUnit.id()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    static long createSystem(Http.Api api, TestData data, TestData.Org owner, String name) {
        Http.Response r = api.post(
                "/api/v1/systems",
                Map.of(
                        "code",
                        data.unique("HT"),
                        "name",
                        name,
                        "ownerOrganizationId",
                        owner.id(),
                        "operatorOrganizationId",
                        owner.id(),
                        "systemType",
                        "INTERNAL",
                        "informationKinds",
                        List.of("PRIVATE", "PERSONAL"),
                        "userCount",
                        500));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** Records the system's security regulation, which must be issued before approval (TT 12 Đ9.7; NĐ 331 Đ30.7). */
    static void recordRegulation(Http.Api api, long systemId, String issuedOn) {
        Http.Response r = api.send(
                "PUT",
                "/api/v1/compliance/systems/" + systemId + "/regulation",
                Map.of(
                        "title",
                        "Quy chế bảo đảm an toàn hệ thống",
                        "decisionNumber",
                        "12/QĐ-QC",
                        "issuedOn",
                        issuedOn,
                        "issuedBy",
                        "Giám đốc Sở"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Classifies the system at level 3 and opens its dossier with every part filled; returns the dossier's id. */
    static long classifiedDossier(Http.Api officer, long systemId) {
        assertThat(officer.post(
                                "/api/v1/systems/" + systemId + "/classifications",
                                Map.of("regime", "nd331-2026", "answers", LEVEL3_ND331))
                        .status())
                .isEqualTo(201);
        long dossierId = officer.post("/api/v1/systems/" + systemId + "/dossiers", "")
                .json()
                .get("dossier")
                .get("id")
                .asLong();
        fillParts(officer, dossierId);
        return dossierId;
    }

    static void fillParts(Http.Api api, long dossierId) {
        for (String part : List.of("OVERVIEW", "DESIGN", "LEVEL_EXPLANATION", "SECURITY_PLAN", "RISK_ASSESSMENT")) {
            Http.Response r = api.send(
                    "PUT",
                    "/api/v1/dossiers/" + dossierId + "/parts/" + part,
                    Map.of("content", "Nội dung phần " + part + ": hệ thống quản lý văn bản điều hành"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }
}
