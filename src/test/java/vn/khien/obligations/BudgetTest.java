package vn.khien.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** IT plans, the ≥10% security share per plan, organisation and subtree (R39), and R39 in the obligations. */
class BudgetTest extends IntegrationTest {

    private static Map<String, Object> plan(String name, long total, long security) {
        return Map.of(
                "year",
                2026,
                "kind",
                "ANNUAL",
                "name",
                name,
                "totalAmount",
                total,
                "securityAmount",
                security,
                "fundingSource",
                "Ngân sách tỉnh");
    }

    private static String r39(Http.Api api, long org) {
        for (JsonNode n :
                api.get("/api/v1/organizations/" + org + "/obligations").json()) {
            if (n.get("rule").asString().equals("R39")
                    && (n.get("system") == null || n.get("system").isNull())) {
                return n.get("status").asString();
            }
        }
        throw new AssertionError("no R39");
    }

    @Test
    void tenPercentIsMetExactlyAndTheShareRollsUpThroughTheTree() {
        TestData.Org province = data.org(data.root(), "Tỉnh ngân sách");
        TestData.Org exact = data.org(province, "Sở đủ 10%");
        TestData.Org below = data.org(province, "Sở thiếu");
        TestData.Org none = data.org(province, "Sở chưa ghi");
        Http.Api exactOfficer =
                http.api(data.person(exact, Role.SECURITY_OFFICER).token());
        Http.Api belowOfficer =
                http.api(data.person(below, Role.SECURITY_OFFICER).token());
        Http.Api leader = http.api(data.person(province, Role.LEADER).token());

        Http.Response created = exactOfficer.post(
                "/api/v1/organizations/" + exact.id() + "/budget-plans",
                plan("Kế hoạch ứng dụng CNTT 2026", 1_000_000_000L, 100_000_000L));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(belowOfficer
                        .post(
                                "/api/v1/organizations/" + below.id() + "/budget-plans",
                                plan("Dự án cổng dịch vụ công", 1_000_000_000L, 99_999_999L))
                        .status())
                .isEqualTo(201);

        Http.Response bad =
                belowOfficer.post("/api/v1/organizations/" + below.id() + "/budget-plans", plan("Sai", 100L, 101L));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("securityAmount");
        assertThat(belowOfficer
                        .post("/api/v1/organizations/" + exact.id() + "/budget-plans", plan("Ngoài phạm vi", 100L, 10L))
                        .status())
                .as("another unit's budget")
                .isEqualTo(404);
        Http.Api auditor = http.api(data.person(below, Role.AUDITOR).token());
        assertThat(auditor.post("/api/v1/organizations/" + below.id() + "/budget-plans", plan("x", 100L, 10L))
                        .status())
                .isEqualTo(403);

        JsonNode summary = leader.get("/api/v1/organizations/" + province.id() + "/budget-summary?year=2026")
                .json();
        assertThat(summary.get("subtree").get("total").asLong()).isEqualTo(2_000_000_000L);
        assertThat(summary.get("subtree").get("security").asLong()).isEqualTo(199_999_999L);
        assertThat(summary.get("subtree").get("sharePercent").decimalValue()).isEqualByComparingTo("9.99");
        assertThat(summary.get("subtree").get("meets").asBoolean()).isFalse();
        assertThat(summary.get("minimumSharePercent").decimalValue()).isEqualByComparingTo("10");
        JsonNode first = summary.get("children").get(0);
        assertThat(first.get("organizationId").asLong())
                .as("lowest share first")
                .isIn(below.id(), none.id());

        JsonNode exactSummary = exactOfficer
                .get("/api/v1/organizations/" + exact.id() + "/budget-summary?year=2026")
                .json();
        assertThat(exactSummary.get("own").get("meets").asBoolean()).isTrue();
        assertThat(exactSummary.get("plans").get(0).get("sharePercent").decimalValue())
                .isEqualByComparingTo("10.00");

        assertThat(r39(leader, exact.id())).isEqualTo("MET");
        assertThat(r39(leader, below.id())).isEqualTo("OVERDUE");
        assertThat(r39(leader, none.id())).isEqualTo("NO_DATA");
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'BUDGET_PLAN_CREATED' "
                                + "AND organization_id IN (:a, :b)")
                        .param("a", exact.id())
                        .param("b", below.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }
}
