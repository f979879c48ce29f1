package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The authority rule data resolved to organisations of the tree, for every level under both regimes: roles come
 * from the system (owner, operator) or from designations made for the province or the nation.
 */
class AuthorityMappingTest extends IntegrationTest {

    @ParameterizedTest(name = "{0} level {1}: appraiser {2}, approver {3}")
    @CsvSource({
        "nd85-2016, 1, SECURITY_UNIT, SECURITY_UNIT, false",
        "nd85-2016, 2, SECURITY_UNIT, SECURITY_UNIT, false",
        "nd85-2016, 3, SECURITY_UNIT, OWNER, false",
        "nd85-2016, 4, NATIONAL_BODY, OWNER, true",
        "nd85-2016, 5, NATIONAL_BODY, OWNER, true",
        "nd331-2026, 1, SECURITY_UNIT, SECURITY_UNIT, false",
        "nd331-2026, 2, SECURITY_UNIT, SECURITY_UNIT, false",
        "nd331-2026, 3, SECURITY_UNIT, OWNER, false",
        "nd331-2026, 4, NATIONAL_BODY, OWNER, true",
        "nd331-2026, 5, NATIONAL_BODY, OWNER, true",
        "nd331-2026, 3, INDEPENDENT, OWNER, false"
    })
    void dossierAuthoritiesFollowTheRuleDataAndDesignations(
            String regime, int level, String appraiser, String approver, boolean expertOpinion) {
        TestData.Org nation = data.org(data.root(), "Cơ quan quốc gia thử");
        TestData.Org pm = data.org(data.root(), "Thủ tướng (thử)");
        ProvinceFixture p = new ProvinceFixture(data, admin());
        TestData.Org council = data.org(p.province, "Hội đồng thẩm định độc lập");
        // National designations are made on the national root; the province's own one is nearer and wins for it.
        designate(p.province.id(), "NATIONAL_COMPETENT_BODY", nation.id());
        designate(p.province.id(), "PRIME_MINISTER", pm.id());
        designate(p.province.id(), "INDEPENDENT_APPRAISER", council.id());
        Http.Api officer = http.api(p.officer.token());
        boolean securityUnitOperates = "INDEPENDENT".equals(appraiser);
        Http.Response created = officer.post(
                "/api/v1/systems",
                Map.of(
                        "code",
                        data.unique("AM"),
                        "name",
                        "Hệ thống thẩm quyền",
                        "ownerOrganizationId",
                        p.department.id(),
                        "operatorOrganizationId",
                        p.department.id(),
                        "systemType",
                        "INTERNAL",
                        "securityUnitOperates",
                        securityUnitOperates));
        long systemId = created.json().get("id").asLong();
        Map<String, Object> answers = regime.equals("nd331-2026")
                ? ProvinceFixture.LEVEL3_ND331
                : Map.of(
                        "system_type",
                        "INTERNAL",
                        "info_types",
                        List.of("PRIVATE"),
                        "serves_defence_security",
                        false,
                        "national_egov_system",
                        false,
                        "centralised_national_data",
                        false);
        Http.Response classified = officer.post(
                "/api/v1/systems/" + systemId + "/classifications",
                Map.of(
                        "regime",
                        regime,
                        "answers",
                        answers,
                        "chosenLevel",
                        level,
                        "justification",
                        "Cấp độ theo đánh giá rủi ro của đơn vị vận hành, phục vụ kiểm thử thẩm quyền"));
        assertThat(classified.status()).as(classified.body()).isEqualTo(201);
        Http.Response dossier = officer.post("/api/v1/systems/" + systemId + "/dossiers", "");
        assertThat(dossier.status()).as(dossier.body()).isEqualTo(201);
        var d = dossier.json().get("dossier");
        assertThat(d.get("appraiserOrgId").asLong()).isEqualTo(org(appraiser, p, nation, council));
        assertThat(d.get("approverOrgId").asLong()).isEqualTo(org(approver, p, nation, council));
        assertThat(d.get("expertOrgId").isNull()).isEqualTo(!expertOpinion);
        assertThat(d.get("authorityLegalRef").asText()).contains(regime.equals("nd85-2016") ? "85/2016" : "331/2026");
        // The parts follow the regime: the expert opinion for levels 4–5, the risk assessment under NĐ 331.
        String parts = dossier.json().get("parts").toString();
        assertThat(parts.contains("EXPERT_OPINION")).isEqualTo(expertOpinion);
        assertThat(parts.contains("RISK_ASSESSMENT")).isEqualTo(regime.equals("nd331-2026"));
    }

    @ParameterizedTest
    @CsvSource({"nd331-2026"})
    void withoutADesignatedSecurityUnitNoDossierCanBeOpened(String regime) {
        TestData.Org lone = data.org(data.root(), "Bộ không có đơn vị chuyên trách");
        TestData.Person officer = data.person(lone, Role.SECURITY_OFFICER);
        Http.Api api = http.api(officer.token());
        long systemId = ProvinceFixture.createSystem(api, data, lone, "Hệ thống lẻ");
        api.post(
                "/api/v1/systems/" + systemId + "/classifications",
                Map.of("regime", regime, "answers", ProvinceFixture.LEVEL3_ND331));
        Http.Response r = api.post("/api/v1/systems/" + systemId + "/dossiers", "");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("authority").contains("OWNER_SECURITY_UNIT");
    }

    private void designate(long scope, String role, long organization) {
        assertThat(admin().post(
                                "/api/v1/authority-designations",
                                Map.of("scopeOrganizationId", scope, "role", role, "organizationId", organization))
                        .status())
                .isEqualTo(200);
    }

    private static long org(String who, ProvinceFixture p, TestData.Org nation, TestData.Org council) {
        switch (who) {
            case "SECURITY_UNIT":
                return p.securityUnit.id();
            case "NATIONAL_BODY":
                return nation.id();
            case "INDEPENDENT":
                return council.id();
            default:
                return p.department.id();
        }
    }
}
