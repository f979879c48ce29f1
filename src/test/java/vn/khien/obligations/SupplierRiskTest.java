package vn.khien.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Supply-chain risk (R36): a supplier with access to a level 3+ system and no current assessment makes the duty
 * overdue; the assessment cycle (R36's rule data: one year, 30 days' lead time) at its boundaries; what does not count;
 * the ranking worst first; problems naming the field; the audit record.
 */
class SupplierRiskTest extends IntegrationTest {

    static Map<String, Object> assessment(String supplier, LocalDate on, String rating) {
        Map<String, Object> m = new HashMap<>();
        m.put("supplier", supplier);
        m.put("assessedOn", on.toString());
        m.put("riskRating", rating);
        m.put("dataProcessed", "Hồ sơ bệnh án");
        m.put("securityClause", true);
        m.put("securityClauseRef", "Điều 9");
        m.put("incidentClause", false);
        m.put("openIssues", "Tài khoản dùng chung\n\nChưa có MFA");
        return m;
    }

    static String r36(Http.Api api, long org) {
        for (JsonNode n :
                api.get("/api/v1/organizations/" + org + "/obligations").json()) {
            if (n.get("rule").asString().equals("R36")
                    && (n.get("system") == null || n.get("system").isNull())) {
                return n.get("status").asString();
            }
        }
        throw new AssertionError("no R36");
    }

    record Unit(TestData.Org org, Http.Api officer, String supplier) {}

    /** A unit with a level-3 system to which a supplier (recorded ten days ago) holds remote administration. */
    Unit unit(String name, int level, String access) {
        TestData.Org org = data.org(data.root(), name);
        long system = ObligationFixtures.system(
                data, org, level, "NEW", SupplierFixtures.today().minusMonths(6));
        String supplier = data.unique("Công ty phần mềm");
        SupplierFixtures.supplier(
                data, system, supplier, access, SupplierFixtures.today().minusDays(10));
        return new Unit(org, http.api(data.person(org, Role.SECURITY_OFFICER).token()), supplier);
    }

    @Test
    void aSupplierWithAccessToALevel3SystemAndNoAssessmentIsOverdueUntilAssessed() {
        Unit u = unit("Bệnh viện nhà cung cấp", 3, "REMOTE_ADMIN");
        assertThat(r36(u.officer(), u.org().id())).isEqualTo("OVERDUE");
        JsonNode listed = u.officer()
                .get("/api/v1/organizations/" + u.org().id() + "/suppliers")
                .json()
                .get(0);
        assertThat(listed.get("name").asString()).isEqualTo(u.supplier());
        assertThat(listed.get("state").asString()).isEqualTo("NEVER");
        assertThat(listed.get("unmet").asBoolean()).isTrue();
        assertThat(listed.get("systems").get(0).get("access").asString()).isEqualTo("REMOTE_ADMIN");

        // the name as typed differently (case, spaces) is the same supplier
        Http.Response saved = u.officer()
                .post(
                        "/api/v1/organizations/" + u.org().id() + "/supplier-assessments",
                        assessment("  " + u.supplier().toUpperCase() + " ", SupplierFixtures.today(), "HIGH"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().get("supplier").asString()).isEqualTo(u.supplier());
        assertThat(saved.json().get("openIssues").size()).isEqualTo(2);
        assertThat(saved.json().get("nextDueOn").asString())
                .isEqualTo(SupplierFixtures.today().plusYears(1).toString());
        assertThat(saved.json().get("accessSummary").asString()).contains("(3): REMOTE_ADMIN");
        assertThat(r36(u.officer(), u.org().id())).isEqualTo("MET");
        long id = saved.json().get("id").asLong();
        assertThat(u.officer()
                        .get("/api/v1/supplier-assessments/" + id)
                        .json()
                        .get("riskRating")
                        .asString())
                .isEqualTo("HIGH");

        Map<String, Object> audited = data.jdbc()
                .sql("SELECT action, details FROM audit_event WHERE target_type = 'supplier_assessment' "
                        + "AND target_id = :id")
                .param("id", Long.toString(id))
                .query()
                .singleRow();
        assertThat(audited.get("action")).isEqualTo("SUPPLIER_ASSESSED");
        assertThat(audited.get("details").toString()).contains(u.supplier()).contains("HIGH");
    }

    @Test
    void theCycleAndLeadTimeAtTheirBoundaries() {
        LocalDate today = SupplierFixtures.today();
        // assessed a year ago to the day: due today, not yet late
        assertThat(stateAfter(today.minusYears(1))).containsExactly("DUE_SOON", "DUE_SOON");
        // one day more: late
        assertThat(stateAfter(today.minusYears(1).minusDays(1))).containsExactly("EXPIRED", "OVERDUE");
        // due in exactly 30 days (the lead time): due soon; in 31 days: current
        assertThat(stateAfter(today.plusDays(30).minusYears(1))).containsExactly("DUE_SOON", "DUE_SOON");
        assertThat(stateAfter(today.plusDays(31).minusYears(1))).containsExactly("CURRENT", "MET");
    }

    /** The supplier's state and R36's status after one assessment on that day. */
    private List<String> stateAfter(LocalDate assessedOn) {
        Unit u = unit("Đơn vị chu kỳ", 3, "DATA_ACCESS");
        Http.Response r = u.officer()
                .post(
                        "/api/v1/organizations/" + u.org().id() + "/supplier-assessments",
                        assessment(u.supplier(), assessedOn, "LOW"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode s = u.officer()
                .get("/api/v1/organizations/" + u.org().id() + "/suppliers")
                .json()
                .get(0);
        return List.of(s.get("state").asString(), r36(u.officer(), u.org().id()));
    }

    @Test
    void belowLevel3OrWithoutAccessTheDutyDoesNotApply() {
        Unit level2 = unit("Đơn vị cấp 2", 2, "FULL_OPERATION");
        assertThat(r36(level2.officer(), level2.org().id())).isEqualTo("NOT_APPLICABLE");
        JsonNode s = level2.officer()
                .get("/api/v1/organizations/" + level2.org().id() + "/suppliers")
                .json()
                .get(0);
        assertThat(s.get("unmet").asBoolean()).isFalse();
        assertThat(s.get("dueOn").isNull()).isTrue();
        Unit noAccess = unit("Đơn vị không truy cập", 4, "NONE");
        assertThat(r36(noAccess.officer(), noAccess.org().id())).isEqualTo("NOT_APPLICABLE");
    }

    @Test
    void theSubtreeSeesItsSuppliersWorstFirst() {
        TestData.Org province = data.org(data.root(), "Tỉnh chuỗi cung ứng");
        TestData.Org a = data.org(province, "Sở A");
        TestData.Org b = data.org(province, "Sở B");
        long sysA = ObligationFixtures.system(
                data, a, 3, "NEW", SupplierFixtures.today().minusMonths(6));
        long sysB = ObligationFixtures.system(
                data, b, 2, "NEW", SupplierFixtures.today().minusMonths(6));
        String low = data.unique("A thấp");
        String high = data.unique("B cao");
        String never = data.unique("C chưa đánh giá");
        String lowLevel = data.unique("D cấp thấp");
        SupplierFixtures.supplier(data, sysA, low, "REMOTE_ADMIN", SupplierFixtures.today());
        SupplierFixtures.supplier(data, sysA, high, "PHYSICAL", SupplierFixtures.today());
        SupplierFixtures.supplier(
                data, sysA, never, "DATA_ACCESS", SupplierFixtures.today().minusDays(3));
        SupplierFixtures.supplier(data, sysB, lowLevel, "FULL_OPERATION", SupplierFixtures.today());
        Http.Api officerA = http.api(data.person(a, Role.SECURITY_OFFICER).token());
        String path = "/api/v1/organizations/" + a.id() + "/supplier-assessments";
        assertThat(officerA.post(path, assessment(low, SupplierFixtures.today(), "LOW"))
                        .status())
                .isEqualTo(201);
        assertThat(officerA.post(path, assessment(high, SupplierFixtures.today(), "CRITICAL"))
                        .status())
                .isEqualTo(201);

        Http.Api leader = http.api(data.person(province, Role.LEADER).token());
        List<String> names = new ArrayList<>();
        leader.get("/api/v1/organizations/" + province.id() + "/suppliers")
                .json()
                .forEach(n -> names.add(n.get("name").asString()));
        assertThat(names).containsExactly(never, high, low, lowLevel);
        // a unit's list holds its own subtree only
        assertThat(officerA.get("/api/v1/organizations/" + a.id() + "/suppliers")
                        .json()
                        .size())
                .isEqualTo(3);
    }

    @Test
    void problemsNameTheFieldAndOnlyEditorsRecord() {
        Unit u = unit("Đơn vị kiểm tra", 3, "REMOTE_ADMIN");
        String path = "/api/v1/organizations/" + u.org().id() + "/supplier-assessments";
        Map<String, Object> unknown = assessment("Không có trong danh mục", SupplierFixtures.today(), "LOW");
        assertProblem(u.officer().post(path, unknown), "supplier");
        assertProblem(
                u.officer()
                        .post(
                                path,
                                assessment(
                                        u.supplier(), SupplierFixtures.today().plusDays(1), "LOW")),
                "assessedOn");
        Map<String, Object> badDate = assessment(u.supplier(), SupplierFixtures.today(), "LOW");
        badDate.put("assessedOn", "07/12/2026");
        assertProblem(u.officer().post(path, badDate), "assessedOn");
        assertProblem(
                u.officer().post(path, assessment(u.supplier(), SupplierFixtures.today(), "SEVERE")), "riskRating");
        Map<String, Object> noRef = assessment(u.supplier(), SupplierFixtures.today(), "LOW");
        noRef.put("securityClauseRef", " ");
        assertProblem(u.officer().post(path, noRef), "securityClauseRef");
        Map<String, Object> noAnswer = assessment(u.supplier(), SupplierFixtures.today(), "LOW");
        noAnswer.remove("incidentClause");
        assertProblem(u.officer().post(path, noAnswer), "incidentClause");

        Http.Api auditor = http.api(data.person(u.org(), Role.AUDITOR).token());
        Http.Response refused = auditor.post(path, assessment(u.supplier(), SupplierFixtures.today(), "LOW"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM supplier_assessment WHERE organization_id = :o")
                        .param("o", u.org().id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static void assertProblem(Http.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).as(r.body()).containsExactly(field);
    }
}
