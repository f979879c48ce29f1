package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IncidentReports;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The incidents module's choices hold on the server, whatever a client sends (issue 12): a new incident names only a
 * system the reporting organisation (or one under it) owns or operates; a coordination order is issued only by the
 * body designated to coordinate (rule data: the national coordinator, the response unit) and names only the units of
 * the incident; the system choice of the form offers nothing of another subtree. Each refusal is a problem+json naming
 * the field, and nothing is written.
 */
class IncidentPickersIsolationTest extends IntegrationTest {

    TestData.Org province;
    TestData.Org unitA;
    TestData.Org unitB;
    TestData.Org national;
    TestData.Org elsewhere;
    TestData.Person provinceOfficer;
    TestData.Person officerA;
    TestData.Person nationalOfficer;
    long systemA;
    long systemB;
    long operatedByA;
    long foreign;

    @BeforeEach
    void twoUnitsAndAnotherProvince() {
        province = data.org(data.root(), data.unique("Tỉnh chọn hệ thống"));
        unitA = data.org(province, "Đơn vị A chọn hệ thống");
        unitB = data.org(province, "Đơn vị B chọn hệ thống");
        national = data.org(data.root(), data.unique("Cơ quan điều phối thử"));
        elsewhere = data.org(data.root(), data.unique("Tỉnh khác chọn hệ thống"));
        data.designate(province, "NATIONAL_INCIDENT_COORDINATOR", national);
        provinceOfficer = data.person(province, Role.SECURITY_OFFICER);
        officerA = data.person(unitA, Role.SECURITY_OFFICER);
        nationalOfficer = data.person(national, Role.SECURITY_OFFICER);
        TestData.Person officerElsewhere = data.person(elsewhere, Role.SECURITY_OFFICER);
        Http.Api p = http.api(provinceOfficer.token());
        systemA = data.system(p, unitA, unitA, "Hệ thống của A");
        systemB = data.system(p, unitB, unitB, "Hệ thống của B");
        operatedByA = data.system(p, unitB, unitA, "Hệ thống B sở hữu, A vận hành");
        foreign = data.system(http.api(officerElsewhere.token()), elsewhere, elsewhere, "Hệ thống tỉnh khác");
    }

    @Test
    void aNewIncidentNamesOnlyASystemItsOrganisationOwnsOrOperates() {
        Http.Api p = http.api(provinceOfficer.token());
        long before = incidents();
        for (long outside : List.of(systemB, foreign, 987654321L)) {
            Http.Response r = p.post(
                    "/api/v1/incidents",
                    IncidentReports.of(unitA, "Sự cố chọn sai hệ thống")
                            .onSystem(outside)
                            .body());
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("systemId");
            assertThat(r.body()).doesNotContain("Hệ thống tỉnh khác").doesNotContain("Hệ thống của B");
        }
        // A bad title and a bad system are both named at once.
        Map<String, Object> both =
                IncidentReports.of(unitA, " ").onSystem(foreign).body();
        Http.Response r = p.post("/api/v1/incidents", both);
        assertThat(r.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("title", "systemId");
        assertThat(incidents()).isEqualTo(before);
        // What the organisation owns or operates is accepted.
        for (long own : List.of(systemA, operatedByA)) {
            Http.Response ok = p.post(
                    "/api/v1/incidents",
                    IncidentReports.of(unitA, "Sự cố đúng hệ thống")
                            .onSystem(own)
                            .body());
            assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        }
    }

    @Test
    void theSystemChoiceFollowsTheOrganisationAndOffersNothingOfAnotherSubtree() {
        Http.Session page = signedIn(provinceOfficer);
        String forA =
                page.get("/incidents/new/systems?organizationId=" + unitA.id()).body();
        assertThat(forA)
                .contains("Hệ thống của A", "Hệ thống B sở hữu, A vận hành")
                .doesNotContain("Hệ thống của B");
        String forB =
                page.get("/incidents/new/systems?organizationId=" + unitB.id()).body();
        assertThat(forB)
                .contains("Hệ thống của B", "Hệ thống B sở hữu, A vận hành")
                .doesNotContain("Hệ thống của A");
        String form = page.get("/incidents/new?organizationId=" + unitA.id()).body();
        assertThat(form)
                .contains("Hệ thống của A")
                .doesNotContain("Hệ thống của B")
                .doesNotContain("Hệ thống tỉnh khác");
        // Another subtree's organisation: no system at all, and the form falls back to one the caller reports for.
        assertThat(page.get("/incidents/new/systems?organizationId=" + elsewhere.id())
                        .body())
                .doesNotContain("Hệ thống tỉnh khác");
        assertThat(page.get("/incidents/new?organizationId=" + elsewhere.id()).body())
                .doesNotContain("Hệ thống tỉnh khác");
        // The unit's own officer is offered the unit's systems only.
        Http.Session a = signedIn(officerA);
        assertThat(a.get("/incidents/new").body())
                .contains("Hệ thống của A", "Hệ thống B sở hữu, A vận hành")
                .doesNotContain("Hệ thống của B");
        assertThat(a.get("/incidents/new/systems?organizationId=" + unitB.id()).body())
                .doesNotContain("Hệ thống của B");
    }

    @Test
    void onlyTheDesignatedCoordinatorOrdersAndOnlyTheIncidentsUnits() {
        long id = IncidentReports.report(http.api(officerA.token()), unitA, systemA, "Sự cố cần điều phối");
        String orders = "/api/v1/incidents/" + id + "/orders";
        Map<String, Object> toElsewhere = order(elsewhere.id());
        // The unit itself coordinates nothing: 403, nothing written.
        assertThat(http.api(officerA.token()).post(orders, order(unitA.id())).status())
                .isEqualTo(403);
        // The national coordinator (by designation) does not see the case until it is reported to it.
        assertThat(http.api(nationalOfficer.token())
                        .post(orders, order(unitA.id()))
                        .status())
                .isEqualTo(404);
        Http.Response sent =
                http.api(officerA.token()).post("/api/v1/incidents/" + id + "/reports", Map.of("kind", "INITIAL_24H"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        Http.Api n = http.api(nationalOfficer.token());
        assertThat(n.get("/api/v1/incidents/" + id).status()).isEqualTo(200);
        // A unit outside the incident: refused by field, no order, not shared with it.
        Http.Response outside = n.post(orders, toElsewhere);
        assertThat(outside.status()).as(outside.body()).isEqualTo(422);
        assertThat(outside.header("Content-Type")).startsWith("application/problem+json");
        assertThat(outside.json().get("errors").get(0).get("field").asString()).isEqualTo("targetOrganizationId");
        assertThat(count("SELECT COUNT(*) FROM incident_order WHERE incident_id = :i", id))
                .isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM incident_share WHERE incident_id = :i AND organization_id = "
                                + elsewhere.id(),
                        id))
                .isZero();
        // The unit of the incident: issued by the national coordinator, answered by the unit.
        Http.Response issued = n.post(orders, order(unitA.id()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().get("issuerOrgId").asLong()).isEqualTo(national.id());
        long orderId = issued.json().get("id").asLong();
        Http.Response answered = http.api(officerA.token())
                .post(orders + "/" + orderId + "/answer", Map.of("answer", "Đã cô lập máy chủ"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        // Nobody else answers for the unit.
        assertThat(http.api(nationalOfficer.token())
                        .post(orders + "/" + orderId + "/answer", Map.of("answer", "x"))
                        .status())
                .isEqualTo(403);
    }

    private Http.Session signedIn(TestData.Person person) {
        Http.Session s = http.session();
        assertThat(s.login(person.username(), TestData.PASSWORD).status()).isEqualTo(302);
        return s;
    }

    private Map<String, Object> order(long target) {
        return Map.of(
                "targetOrganizationId",
                target,
                "instruction",
                "Cô lập máy chủ, gửi nhật ký",
                "dueAt",
                OffsetDateTime.now(ZoneOffset.ofHours(7))
                        .plusHours(6)
                        .withNano(0)
                        .toString());
    }

    private long incidents() {
        return data.jdbc()
                .sql("SELECT COUNT(*) FROM incident")
                .query(Long.class)
                .single();
    }

    private long count(String sql, long incident) {
        return data.jdbc().sql(sql).param("i", incident).query(Long.class).single();
    }
}
