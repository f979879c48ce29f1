package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The response unit and the officer of province A learn nothing of province B's network duties: B's profile, contact
 * point and reports answer 404 on every endpoint and page, B is absent from the member list, and nothing of B changes.
 */
public class IrNetworkIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "GET /api/v1/incident-network/members",
            "GET /api/v1/incident-network/members/{organizationId}",
            "POST /api/v1/incident-network/members/{organizationId}/profile",
            "POST /api/v1/incident-network/members/{organizationId}/contact-point",
            "POST /api/v1/incident-network/members/{organizationId}/contact-point/{changeId}/report",
            "GET /api/v1/incident-network/members/{organizationId}/reports/{reportId}.docx",
            "GET /incident-network/{organizationId}",
            "POST /incident-network/{organizationId}/profile",
            "POST /incident-network/{organizationId}/contact-point",
            "POST /incident-network/{organizationId}/contact-point/{changeId}/report",
            "GET /incident-network/{organizationId}/reports/{reportId}.docx");

    static final String SECRET = "Đầu mối bí mật của B";

    TestData.Org provinceB;
    TestData.Person responderA;
    TestData.Person officerA;
    long changeB;
    long reportB;

    private TestData.Org province(String name) {
        TestData.Org p = data.org(data.root(), name);
        data.jdbc()
                .sql("UPDATE organization SET kind = 'PROVINCE' WHERE id = :id")
                .param("id", p.id())
                .update();
        return p;
    }

    private TestData.Org responseUnit(TestData.Org province) {
        TestData.Org unit = data.org(province, "Đơn vị ứng cứu");
        data.designateResponseUnit(province, unit);
        return unit;
    }

    static Map<String, String> contact(String name) {
        return Map.of(
                "contactName",
                name,
                "phone",
                "0912 000 999",
                "email",
                "truc@example.test",
                "receptionAddress",
                "https://example.test/su-co");
    }

    static Map<String, String> profile() {
        return Map.of("organizationName", "x", "address", "x", "leaderName", "x", "responseUnit", "x", "teamSize", "1");
    }

    @BeforeEach
    void twoProvinces() {
        TestData.Org provinceA = province("Tỉnh A mạng lưới");
        provinceB = province("Tỉnh B mạng lưới bí mật");
        responderA = data.person(responseUnit(provinceA), Role.INCIDENT_RESPONDER);
        officerA = data.person(provinceA, Role.SECURITY_OFFICER);
        Http.Api b = http.api(
                data.person(responseUnit(provinceB), Role.INCIDENT_RESPONDER).token());
        String m = "/api/v1/incident-network/members/" + provinceB.id();
        assertThat(b.post(m + "/profile", Map.of("fields", profile())).status()).isEqualTo(201);
        Http.Response c = b.post(m + "/contact-point", contact(SECRET));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        changeB = c.json().get("id").asLong();
        // A report recorded here before the reports module's member report (ADR 0038/0044): read only now.
        data.jdbc()
                .sql("""
                        INSERT INTO ir_member_report (organization_id, kind, period_year, period_from, period_to, due_on,
                          incidents_total, document, submitted_by, submitted_at)
                        VALUES (:o, 'ANNUAL', 2025, :f, :t, :t, 0, :doc, NULL, :at)""")
                .param("o", provinceB.id())
                .param("f", LocalDate.of(2025, 6, 15))
                .param("t", LocalDate.of(2025, 12, 14))
                .param("doc", SECRET.getBytes(StandardCharsets.UTF_8))
                .param("at", Timestamp.from(Instant.now()))
                .update();
        reportB = data.jdbc()
                .sql("SELECT id FROM ir_member_report WHERE organization_id = :o")
                .param("o", provinceB.id())
                .query(Long.class)
                .single();
    }

    Map<String, BiConsumer<Http.Api, String>> apiCases() {
        Map<String, BiConsumer<Http.Api, String>> cases = new LinkedHashMap<>();
        String m = "/api/v1/incident-network/members/" + provinceB.id();
        cases.put("GET /api/v1/incident-network/members", (api, who) -> {
            Http.Response r = api.get("/api/v1/incident-network/members");
            assertThat(r.status()).as(who).isEqualTo(200);
            assertThat(r.body()).as(who).doesNotContain("bí mật");
        });
        cases.put("GET /api/v1/incident-network/members/{organizationId}", (api, who) -> notFound(api.get(m), who));
        cases.put(
                "POST /api/v1/incident-network/members/{organizationId}/profile",
                (api, who) -> notFound(api.post(m + "/profile", Map.of("fields", profile())), who));
        cases.put(
                "POST /api/v1/incident-network/members/{organizationId}/contact-point",
                (api, who) -> notFound(api.post(m + "/contact-point", contact("x")), who));
        cases.put(
                "POST /api/v1/incident-network/members/{organizationId}/contact-point/{changeId}/report",
                (api, who) -> notFound(api.post(m + "/contact-point/" + changeB + "/report", Map.of()), who));
        cases.put(
                "GET /api/v1/incident-network/members/{organizationId}/reports/{reportId}.docx",
                (api, who) -> notFound(api.get(m + "/reports/" + reportB + ".docx"), who));
        return cases;
    }

    @Test
    void everyApiEndpointHidesTheOtherProvince() {
        Map<String, BiConsumer<Http.Api, String>> cases = apiCases();
        assertThat(COVERED).containsAll(cases.keySet());
        for (TestData.Person caller : List.of(responderA, officerA)) {
            Http.Api api = http.api(caller.token());
            cases.forEach((endpoint, check) -> check.accept(api, endpoint + " as " + caller.username()));
        }
        assertBUntouched();
    }

    @Test
    void everyPageWithAnIdHidesTheOtherProvince() {
        Map<String, String> pages = new LinkedHashMap<>();
        String m = "/incident-network/" + provinceB.id();
        pages.put("GET /incident-network/{organizationId}", m);
        pages.put("POST /incident-network/{organizationId}/profile", m + "/profile");
        pages.put("POST /incident-network/{organizationId}/contact-point", m + "/contact-point");
        pages.put(
                "POST /incident-network/{organizationId}/contact-point/{changeId}/report",
                m + "/contact-point/" + changeB + "/report");
        pages.put(
                "GET /incident-network/{organizationId}/reports/{reportId}.docx", m + "/reports/" + reportB + ".docx");
        assertThat(COVERED).containsAll(pages.keySet());
        Map<String, String> form = new LinkedHashMap<>(contact("x"));
        form.put("kind", "SEMIANNUAL");
        form.put("year", "2026");
        profile().forEach((k, v) -> form.put("field." + k, v));
        for (TestData.Person caller : List.of(responderA, officerA)) {
            Http.Session session = http.session();
            assertThat(session.login(caller.username(), TestData.PASSWORD).status())
                    .isEqualTo(302);
            pages.forEach((endpoint, path) -> {
                Http.Response r = endpoint.startsWith("GET") ? session.get(path) : session.postForm(path, form);
                assertThat(r.status()).as(endpoint + " as " + caller.username()).isEqualTo(404);
                assertThat(r.body()).as(endpoint).doesNotContain(SECRET);
            });
            assertThat(session.get("/incident-network").body()).doesNotContain("bí mật");
        }
        assertBUntouched();
    }

    private void assertBUntouched() {
        assertThat(count("SELECT COUNT(*) FROM ir_member_profile WHERE organization_id = :o"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ir_contact_point WHERE organization_id = :o AND reported_at IS NULL"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ir_contact_point WHERE organization_id = :o"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ir_member_report WHERE organization_id = :o"))
                .isEqualTo(1);
    }

    private long count(String sql) {
        return data.jdbc().sql(sql).param("o", provinceB.id()).query(Long.class).single();
    }

    private static void notFound(Http.Response r, String who) {
        assertThat(r.status()).as(who + ": " + r.body()).isEqualTo(404);
        assertThat(r.body()).as(who).doesNotContain(SECRET);
    }
}
