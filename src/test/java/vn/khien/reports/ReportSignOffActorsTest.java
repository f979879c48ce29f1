package vn.khien.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The sign-off rule of issue 14 (ADR 0066), role by state: a unit's draft is checked by the head of its security unit
 * (a security officer of the unit itself or of the unit designated as its security unit), signed by its own leader
 * (not the checker), submitted by the unit, accepted or returned by the parent; a body above never takes the unit's
 * steps (the walk found the province's leader offered CHECK on a member unit's report). For every state and every
 * person, the API's {@code actions}, the page's buttons, the steps the API lets the person take and the person's
 * "waiting for me" list of {@code /reports} are the same set.
 */
class ReportSignOffActorsTest extends IntegrationTest {

    private static final Pattern BUTTON = Pattern.compile("id=\"action-([A-Z]+)\"");
    private static final List<String> STEPS = List.of("CHECK", "SIGN", "SUBMIT", "ACCEPT", "RETURN", "REVISE");

    private TestData.Org province;
    private TestData.Org unit;
    private final Map<String, TestData.Person> people = new LinkedHashMap<>();
    private final Map<String, Http.Session> sessions = new LinkedHashMap<>();

    @BeforeEach
    void tree() {
        province = data.org(data.root(), data.unique("Tỉnh thử người ký"));
        // The province's security unit (designated), and the unit's own security unit (its IT department).
        TestData.Org provinceSecurityUnit = data.org(province, data.unique("Sở chuyên trách thử"));
        designateSecurityUnit(province, provinceSecurityUnit);
        unit = data.org(province, data.unique("Bệnh viện thử người ký"));
        TestData.Org unitSecurityUnit = data.org(unit, data.unique("Phòng CNTT thử"));
        designateSecurityUnit(unit, unitSecurityUnit);
        people.put("unitOfficer", data.person(unit, Role.SECURITY_OFFICER));
        people.put("unitLeader", data.person(unit, Role.LEADER));
        people.put("unitSecurityUnitOfficer", data.person(unitSecurityUnit, Role.SECURITY_OFFICER));
        people.put("provinceLeader", data.person(province, Role.LEADER));
        people.put("provinceOfficer", data.person(province, Role.SECURITY_OFFICER));
        people.put("provinceSecurityUnitOfficer", data.person(provinceSecurityUnit, Role.SECURITY_OFFICER));
        people.put("auditor", data.person(province, Role.AUDITOR));
        people.put("unitAdministrator", data.person(unit, Role.ORG_ADMIN));
    }

    @Test
    void eachStepIsOfferedToAndTakenByExactlyThePeopleTheRuleNames() {
        long id = created(people.get("unitOfficer"), unit);
        expect(id, Map.of("unitOfficer", Set.of("CHECK"), "unitSecurityUnitOfficer", Set.of("CHECK")));
        take(id, "unitOfficer", "CHECK");

        expect(id, Map.of("unitLeader", Set.of("SIGN")));
        take(id, "unitLeader", "SIGN");

        Set<String> submit = Set.of("SUBMIT");
        expect(id, Map.of("unitOfficer", submit, "unitLeader", submit, "unitSecurityUnitOfficer", submit));
        take(id, "unitOfficer", "SUBMIT");

        Set<String> decide = Set.of("ACCEPT", "RETURN");
        expect(id, Map.of("provinceLeader", decide, "provinceOfficer", decide));
        take(id, "provinceLeader", "RETURN");

        Set<String> revise = Set.of("REVISE");
        expect(id, Map.of("unitOfficer", revise, "unitLeader", revise, "unitSecurityUnitOfficer", revise));
        long second = take(id, "unitOfficer", "REVISE");
        assertThat(second).isNotEqualTo(id);
        // The returned version is kept, and is no longer the one to revise.
        expect(id, Map.of());
        expect(second, Map.of("unitOfficer", Set.of("CHECK"), "unitSecurityUnitOfficer", Set.of("CHECK")));

        take(second, "unitSecurityUnitOfficer", "CHECK");
        take(second, "unitLeader", "SIGN");
        take(second, "unitLeader", "SUBMIT");
        take(second, "provinceOfficer", "ACCEPT");
        expect(second, Map.of());
        // The history names people by their names, not their accounts.
        assertThat(session("provinceOfficer").get("/reports/" + second).body())
                .contains(
                        "<td>Người thử " + people.get("unitSecurityUnitOfficer").username() + "</td>");
    }

    @Test
    void theProvincesOwnReportIsCheckedByItsDesignatedSecurityUnitAndSignedByItsLeader() {
        long id = created(people.get("provinceLeader"), province);
        // The leader opens the report but does not check it; the security unit's officer and the province's own do.
        Set<String> check = Set.of("CHECK");
        expect(id, Map.of("provinceOfficer", check, "provinceSecurityUnitOfficer", check));
        take(id, "provinceSecurityUnitOfficer", "CHECK");
        expect(id, Map.of("provinceLeader", Set.of("SIGN")));
    }

    @Test
    void aBodyAboveIsNotOfferedANewReportOfAMemberUnit() {
        Http.Session leader = session("provinceLeader");
        assertThat(leader.get("/reports?organizationId=" + unit.id()).body()).doesNotContain("id=\"new-report\"");
        assertThat(leader.get("/reports?organizationId=" + province.id()).body())
                .contains("id=\"new-report\"");
        assertThat(session("unitOfficer")
                        .get("/reports?organizationId=" + unit.id())
                        .body())
                .contains("id=\"new-report\"");
        Http.Response refused = http.api(people.get("provinceLeader").token())
                .post(
                        "/api/v1/reports",
                        Map.of("organizationId", unit.id(), "kind", "QUARTERLY_STATUS", "period", "2026-Q2"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    }

    /**
     * For the report's current state: the people named (and only they) see these steps in the API's {@code actions}
     * and as buttons on the page; every other person who posts one of the state's steps is refused (403, or 422 for a
     * step the person's role allows but the step excludes; 404 outside the person's subtree) and the report stays as it
     * was.
     */
    private void expect(long id, Map<String, Set<String>> allowed) {
        String status = report(id).get("status").asText();
        List<String> failures = new ArrayList<>();
        for (String who : people.keySet()) {
            Set<String> want = new TreeSet<>(allowed.getOrDefault(who, Set.of()));
            Set<String> api = new TreeSet<>();
            Http.Response got = http.api(people.get(who).token()).get("/api/v1/reports/" + id);
            if (got.status() == 200) {
                got.json().get("actions").forEach(a -> api.add(a.asText()));
            } else {
                // outside the person's subtree: not even seen (404), so nothing offered
                assertThat(got.status()).as(who).isEqualTo(404);
            }
            Set<String> page = new TreeSet<>();
            Matcher m = BUTTON.matcher(session(who).get("/reports/" + id).body());
            while (m.find()) {
                page.add(m.group(1));
            }
            if (!api.equals(want) || !page.equals(want)) {
                failures.add(status + " " + who + ": want " + want + ", API " + api + ", page " + page);
            }
            // The "waiting for me" list of /reports asks the same rule of all reports: the report is listed for the
            // person with the step to take (accept and return as one), and for no one else; revising waits for no one.
            Set<String> waitingWant = new TreeSet<>();
            want.stream()
                    .filter(a -> !a.equals("REVISE"))
                    .map(a -> a.equals("RETURN") ? "ACCEPT" : a)
                    .forEach(waitingWant::add);
            Set<String> waiting = new TreeSet<>();
            Matcher w = Pattern.compile("data-report=\"" + id + "\" data-action=\"([A-Z]+)\"")
                    .matcher(session(who).get("/reports?view=waiting").body());
            while (w.find()) {
                waiting.add(w.group(1));
            }
            if (!waiting.equals(waitingWant)) {
                failures.add(status + " " + who + ": waiting list " + waiting + ", want " + waitingWant);
            }
            for (String step : STEPS) {
                if (want.contains(step)) {
                    continue;
                }
                Http.Response r = http.api(people.get(who).token())
                        .post("/api/v1/reports/" + id + "/actions/" + step, Map.of("comment", "x"));
                if (r.status() != 403 && r.status() != 422 && r.status() != 404) {
                    failures.add(status + " " + who + " " + step + " answered " + r.status());
                }
            }
            assertThat(report(id).get("status").asText()).as(who).isEqualTo(status);
        }
        assertThat(failures).isEmpty();
    }

    private long take(long id, String who, String step) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("comment", "Thiếu số liệu");
        body.put("documentNumber", "7/BC");
        body.put("documentDate", "2026-06-15");
        Http.Response r = http.api(people.get(who).token()).post("/api/v1/reports/" + id + "/actions/" + step, body);
        assertThat(r.status()).as(who + " " + step + ": " + r.body()).isEqualTo(200);
        return r.json().get("id").asLong();
    }

    private long created(TestData.Person by, TestData.Org org) {
        Http.Response r = http.api(by.token())
                .post(
                        "/api/v1/reports",
                        Map.of("organizationId", org.id(), "kind", "QUARTERLY_STATUS", "period", "2026-Q2"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private JsonNode report(long id) {
        return http.api(people.get("provinceOfficer").token())
                .get("/api/v1/reports/" + id)
                .json();
    }

    private Http.Session session(String who) {
        return sessions.computeIfAbsent(who, w -> {
            Http.Session s = http.session();
            s.login(people.get(w).username(), TestData.PASSWORD);
            return s;
        });
    }

    private void designateSecurityUnit(TestData.Org scope, TestData.Org securityUnit) {
        data.jdbc()
                .sql("""
                        INSERT INTO authority_designation (scope_organization_id, authority_role, organization_id, created_at)
                        VALUES (:s, 'OWNER_SECURITY_UNIT', :o, :now)""")
                .param("s", scope.id())
                .param("o", securityUnit.id())
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }
}
