package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import vn.khien.access.Role;
import vn.khien.compliance.ComplianceFixture;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * People of unit A (a security officer and an incident responder) learn nothing of unit B's incidents, their reports,
 * orders, indicators, tasks, evidence and statistics, nor of B's drills and response plans: every incidents endpoint
 * and page answers 404 (or leaves B out), and nothing of B changes.
 */
public class IncidentsIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "GET /api/v1/incidents",
            "GET /api/v1/incidents/{id}",
            "GET /api/v1/incidents/{id}/indicators",
            "GET /api/v1/incidents/{id}/orders",
            "GET /api/v1/incidents/{id}/reports",
            "GET /api/v1/incidents/{id}/reports/{reportId}.docx",
            "GET /api/v1/incidents/{id}/stix",
            "GET /api/v1/incidents/{id}/timeline",
            "GET /api/v1/organizations/{organizationId}/incidents/statistics",
            "GET /api/v1/systems/{id}/drills",
            "POST /api/v1/incidents",
            "POST /api/v1/incidents/{id}/indicators",
            "POST /api/v1/incidents/{id}/orders",
            "POST /api/v1/incidents/{id}/orders/{orderId}/answer",
            "POST /api/v1/incidents/{id}/reports",
            "POST /api/v1/incidents/{id}/severity",
            "POST /api/v1/incidents/{id}/shares",
            "POST /api/v1/incidents/{id}/tasks",
            "POST /api/v1/incidents/{id}/{step}",
            "POST /api/v1/systems/{id}/drills",
            "GET /api/v1/systems/{id}/response-plans",
            "PUT /api/v1/systems/{id}/response-plans/draft",
            "POST /api/v1/systems/{id}/response-plans/{planId}/approve",
            "GET /incidents/{id}",
            "GET /incidents/{id}/evidence/{evidenceId}",
            "GET /incidents/{id}/reports/{reportId}.docx",
            "GET /incidents/{id}/export.stix.json",
            "GET /public/incidents/{organizationId}/report",
            "GET /systems/{id}/drills",
            "POST /incidents/{id}/evidence",
            "POST /incidents/{id}/indicators",
            "POST /incidents/{id}/orders",
            "POST /incidents/{id}/orders/{orderId}/answer",
            "POST /incidents/{id}/reports",
            "POST /incidents/{id}/severity",
            "POST /incidents/{id}/share",
            "POST /incidents/{id}/step/{step:verify|reject|contain|eradicate|recover|close}",
            "POST /incidents/{id}/tasks",
            "POST /incidents/{id}/tasks/{taskId}/done",
            "POST /public/incidents/{organizationId}/report",
            "POST /systems/{id}/drills",
            "GET /systems/{id}/response-plans",
            "POST /systems/{id}/response-plans/draft",
            "POST /systems/{id}/response-plans/{planId}/approve");

    static final String SECRET = "Sự cố bí mật của B";

    TestData.Org unitA;
    TestData.Org unitB;
    TestData.Person officerA;
    TestData.Person responderA;
    long systemA;
    long systemB;
    long incidentB;
    long reportB;
    long orderB;
    long taskB;
    long evidenceB;
    long planB;

    @BeforeEach
    void twoUnits() {
        TestData.Org province = data.org(data.root(), "Tỉnh cô lập sự cố");
        TestData.Org responseUnit = data.org(province, "Đơn vị ứng cứu tỉnh");
        unitA = data.org(province, "Đơn vị A sự cố");
        unitB = data.org(province, "Đơn vị B sự cố");
        data.designateResponseUnit(province, responseUnit);
        officerA = data.person(unitA, Role.SECURITY_OFFICER);
        responderA = data.person(unitA, Role.INCIDENT_RESPONDER);
        data.grant(officerA.id(), unitA, Role.LEADER);
        TestData.Person officerB = data.person(unitB, Role.SECURITY_OFFICER);
        TestData.Person responderR = data.person(responseUnit, Role.INCIDENT_RESPONDER);
        Http.Api b = http.api(officerB.token());
        systemA = ComplianceFixture.createSystem(http.api(officerA.token()), data, unitA, "Hệ thống của A");
        systemB = ComplianceFixture.createSystem(b, data, unitB, "Hệ thống bí mật của B");

        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("organizationId", unitB.id());
        incident.put("systemId", systemB);
        incident.put("title", SECRET);
        incident.put("description", "Mô tả bí mật");
        incident.put("category", "MALWARE");
        incident.put(
                "detectedAt",
                OffsetDateTime.now(ZoneOffset.ofHours(7))
                        .minusHours(1)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        incident.put("beyondCapacity", true);
        Http.Response created = b.post("/api/v1/incidents", incident);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        incidentB = created.json().get("id").asLong();
        String i = "/api/v1/incidents/" + incidentB;
        assertThat(b.post(i + "/indicators", Map.of("kind", "IPV4", "value", "203.0.113.66"))
                        .status())
                .isIn(200, 201);
        Http.Response task = b.post(
                i + "/tasks",
                Map.of(
                        "title",
                        "Nhiệm vụ bí mật",
                        "dueOn",
                        LocalDate.now().plusDays(3).toString()));
        assertThat(task.status()).as(task.body()).isEqualTo(201);
        taskB = task.json().get("id").asLong();
        Http.Response report = b.post(
                i + "/reports",
                Map.of(
                        "kind",
                        created.json().get("deadlines").get(0).get("kind").asString()));
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        reportB = report.json().get("id").asLong();
        assertThat(b.post(i + "/shares", Map.of("target", "RESPONSE_UNIT")).status())
                .isEqualTo(200);
        Http.Response order = http.api(responderR.token())
                .post(
                        i + "/orders",
                        Map.of(
                                "targetOrganizationId",
                                unitB.id(),
                                "instruction",
                                "Cô lập máy chủ",
                                "dueAt",
                                OffsetDateTime.now(ZoneOffset.ofHours(7))
                                        .plusHours(4)
                                        .toString()));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        orderB = order.json().get("id").asLong();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        data.jdbc()
                .sql("INSERT INTO incident_evidence (incident_id, file_name, sha256, size_bytes, content, created_at)"
                        + " VALUES (:i, 'bi-mat.txt', :sha, 1, :c, :now)")
                .param("i", incidentB)
                .param("sha", "0".repeat(64))
                .param("c", new byte[] {1})
                .param("now", Timestamp.from(Instant.now()))
                .update(keys, "id");
        evidenceB = keys.getKey().longValue();
        Http.Response plan = b.send(
                "PUT",
                "/api/v1/systems/" + systemB + "/response-plans/draft",
                Map.of("sections", Map.of("scenarios", "Kịch bản bí mật")));
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        planB = plan.json().get("id").asLong();
        assertThat(b.post(
                                "/api/v1/systems/" + systemB + "/drills",
                                Map.of(
                                        "kind",
                                        "TABLE_TOP",
                                        "heldOn",
                                        LocalDate.now().minusDays(1).toString(),
                                        "scenario",
                                        "Diễn tập bí mật"))
                        .status())
                .isEqualTo(201);
    }

    Map<String, BiConsumer<Http.Api, String>> apiCases() {
        Map<String, BiConsumer<Http.Api, String>> cases = new LinkedHashMap<>();
        String i = "/api/v1/incidents/" + incidentB;
        String s = "/api/v1/systems/" + systemB;
        cases.put("GET /api/v1/incidents", (api, who) -> {
            Http.Response r = api.get("/api/v1/incidents");
            assertThat(r.status()).as(who).isEqualTo(200);
            assertThat(r.body()).as(who).doesNotContain(SECRET);
            Http.Response ofB = api.get("/api/v1/incidents?organizationId=" + unitB.id());
            assertThat(ofB.body()).as(who).doesNotContain(SECRET);
        });
        cases.put("GET /api/v1/incidents/{id}", (api, who) -> notFound(api.get(i), who));
        cases.put("GET /api/v1/incidents/{id}/indicators", (api, who) -> notFound(api.get(i + "/indicators"), who));
        cases.put("GET /api/v1/incidents/{id}/orders", (api, who) -> notFound(api.get(i + "/orders"), who));
        cases.put("GET /api/v1/incidents/{id}/reports", (api, who) -> notFound(api.get(i + "/reports"), who));
        cases.put(
                "GET /api/v1/incidents/{id}/reports/{reportId}.docx",
                (api, who) -> notFound(api.get(i + "/reports/" + reportB + ".docx"), who));
        cases.put("GET /api/v1/incidents/{id}/stix", (api, who) -> notFound(api.get(i + "/stix"), who));
        cases.put("GET /api/v1/incidents/{id}/timeline", (api, who) -> notFound(api.get(i + "/timeline"), who));
        cases.put(
                "GET /api/v1/organizations/{organizationId}/incidents/statistics",
                (api, who) -> notFound(
                        api.get("/api/v1/organizations/" + unitB.id()
                                + "/incidents/statistics?from=2026-01-01&to=2026-12-31"),
                        who));
        cases.put("POST /api/v1/incidents", (api, who) -> {
            Map<String, Object> body = new LinkedHashMap<>(Map.of(
                    "title",
                    "x",
                    "category",
                    "MALWARE",
                    "detectedAt",
                    "2026-09-01T08:30:00+07:00",
                    "beyondCapacity",
                    false));
            body.put("organizationId", unitB.id());
            Http.Response r = api.post("/api/v1/incidents", body);
            body.put("organizationId", 987654321L);
            Http.Response unknown = api.post("/api/v1/incidents", body);
            assertThat(r.status()).as(who).isEqualTo(unknown.status()).isEqualTo(422);
            assertThat(r.json().get("errors")).as(who).isEqualTo(unknown.json().get("errors"));
            // Nor may A hang an incident of its own on B's system.
            body.put("organizationId", unitA.id());
            body.put("systemId", systemB);
            assertThat(api.post("/api/v1/incidents", body).status()).as(who).isIn(403, 422);
        });
        cases.put(
                "POST /api/v1/incidents/{id}/indicators",
                (api, who) ->
                        notFound(api.post(i + "/indicators", Map.of("kind", "IPV4", "value", "198.51.100.1")), who));
        cases.put(
                "POST /api/v1/incidents/{id}/orders",
                (api, who) -> notFound(
                        api.post(
                                i + "/orders",
                                Map.of(
                                        "targetOrganizationId",
                                        unitB.id(),
                                        "instruction",
                                        "x",
                                        "dueAt",
                                        "2026-12-31T08:00:00+07:00")),
                        who));
        cases.put(
                "POST /api/v1/incidents/{id}/orders/{orderId}/answer",
                (api, who) -> notFound(api.post(i + "/orders/" + orderB + "/answer", Map.of("answer", "x")), who));
        cases.put(
                "POST /api/v1/incidents/{id}/reports",
                (api, who) -> notFound(api.post(i + "/reports", Map.of("kind", "UPDATE")), who));
        cases.put(
                "POST /api/v1/incidents/{id}/severity",
                (api, who) -> notFound(api.post(i + "/severity", Map.of("severity", "LOW")), who));
        cases.put(
                "POST /api/v1/incidents/{id}/shares",
                (api, who) -> notFound(api.post(i + "/shares", Map.of("target", "PARENT")), who));
        cases.put(
                "POST /api/v1/incidents/{id}/tasks",
                (api, who) -> notFound(
                        api.post(
                                i + "/tasks",
                                Map.of(
                                        "title",
                                        "x",
                                        "dueOn",
                                        LocalDate.now().plusDays(3).toString())),
                        who));
        cases.put("POST /api/v1/incidents/{id}/{step}", (api, who) -> {
            for (String step : List.of("verify", "reject", "contain", "eradicate", "recover", "close")) {
                notFound(api.post(i + "/" + step, Map.of("note", "x")), who + " " + step);
            }
        });
        cases.put("GET /api/v1/systems/{id}/drills", (api, who) -> notFound(api.get(s + "/drills"), who));
        cases.put(
                "POST /api/v1/systems/{id}/drills",
                (api, who) -> notFound(
                        api.post(
                                s + "/drills",
                                Map.of(
                                        "kind",
                                        "LIVE_FIRE",
                                        "heldOn",
                                        LocalDate.now().minusDays(1).toString(),
                                        "scenario",
                                        "x")),
                        who));
        cases.put(
                "GET /api/v1/systems/{id}/response-plans", (api, who) -> notFound(api.get(s + "/response-plans"), who));
        cases.put(
                "PUT /api/v1/systems/{id}/response-plans/draft",
                (api, who) -> notFound(
                        api.send("PUT", s + "/response-plans/draft", Map.of("sections", Map.of("scenarios", "x"))),
                        who));
        cases.put("POST /api/v1/systems/{id}/response-plans/{planId}/approve", (api, who) -> {
            notFound(api.post(s + "/response-plans/" + planB + "/approve", Map.of()), who);
            // B's plan is not reachable through A's own system either.
            notFound(api.post("/api/v1/systems/" + systemA + "/response-plans/" + planB + "/approve", Map.of()), who);
        });
        return cases;
    }

    @Test
    void everyApiEndpointHidesTheOtherSubtree() {
        Map<String, BiConsumer<Http.Api, String>> cases = apiCases();
        assertThat(COVERED).containsAll(cases.keySet());
        for (TestData.Person caller : List.of(officerA, responderA)) {
            Http.Api api = http.api(caller.token());
            cases.forEach((endpoint, check) -> check.accept(api, endpoint + " as " + caller.username()));
        }
        assertBUntouched();
    }

    @Test
    void everyPageWithAnIdHidesTheOtherSubtree() {
        Map<String, String> pages = new LinkedHashMap<>();
        String i = "/incidents/" + incidentB;
        String s = "/systems/" + systemB;
        pages.put("GET /incidents/{id}", i);
        pages.put("GET /incidents/{id}/evidence/{evidenceId}", i + "/evidence/" + evidenceB);
        pages.put("GET /incidents/{id}/reports/{reportId}.docx", i + "/reports/" + reportB + ".docx");
        pages.put("GET /incidents/{id}/export.stix.json", i + "/export.stix.json");
        pages.put("GET /public/incidents/{organizationId}/report", "/public/incidents/" + unitB.id() + "/report");
        pages.put("GET /systems/{id}/drills", s + "/drills");
        pages.put("GET /systems/{id}/response-plans", s + "/response-plans");
        pages.put("POST /incidents/{id}/evidence", i + "/evidence");
        pages.put("POST /incidents/{id}/indicators", i + "/indicators");
        pages.put("POST /incidents/{id}/orders", i + "/orders");
        pages.put("POST /incidents/{id}/orders/{orderId}/answer", i + "/orders/" + orderB + "/answer");
        pages.put("POST /incidents/{id}/reports", i + "/reports");
        pages.put("POST /incidents/{id}/severity", i + "/severity");
        pages.put("POST /incidents/{id}/share", i + "/share");
        pages.put("POST /incidents/{id}/step/{step:verify|reject|contain|eradicate|recover|close}", i + "/step/verify");
        pages.put("POST /incidents/{id}/tasks", i + "/tasks");
        pages.put("POST /incidents/{id}/tasks/{taskId}/done", i + "/tasks/" + taskB + "/done");
        pages.put("POST /public/incidents/{organizationId}/report", "/public/incidents/" + unitB.id() + "/report");
        pages.put("POST /systems/{id}/drills", s + "/drills");
        pages.put("POST /systems/{id}/response-plans/draft", s + "/response-plans/draft");
        pages.put("POST /systems/{id}/response-plans/{planId}/approve", s + "/response-plans/" + planB + "/approve");
        assertThat(COVERED).containsAll(pages.keySet());

        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "kind",
                "IPV4",
                "value",
                "198.51.100.2",
                "title",
                "x",
                "severity",
                "LOW",
                "target",
                "PARENT",
                "answer",
                "x",
                "instruction",
                "x",
                "dueAt",
                "31/12/2026 08:00"));
        form.putAll(Map.of(
                "targetOrganizationId",
                String.valueOf(unitB.id()),
                "category",
                "MALWARE",
                "reporterContact",
                "x@example.test",
                "section.scenarios",
                "x"));
        for (TestData.Person caller : List.of(officerA, responderA)) {
            Http.Session session = http.session();
            assertThat(session.login(caller.username(), TestData.PASSWORD).status())
                    .isEqualTo(302);
            pages.forEach((endpoint, path) -> {
                Http.Response r = endpoint.startsWith("GET")
                        ? session.get(path)
                        : session.postForm(path, formFor(endpoint, form));
                assertThat(r.status()).as(endpoint + " as " + caller.username()).isEqualTo(404);
                assertThat(r.body()).as(endpoint).doesNotContain(SECRET).doesNotContain("bí mật của B");
            });
            assertThat(session.get("/incidents").body()).doesNotContain(SECRET);
        }
        assertBUntouched();
    }

    /** Valid values for the endpoint's typed parameters, so that only the scope can answer 404. */
    private static Map<String, String> formFor(String endpoint, Map<String, String> form) {
        Map<String, String> f = new LinkedHashMap<>(form);
        if (endpoint.contains("/reports")) {
            f.put("kind", "UPDATE");
        } else if (endpoint.contains("/drills")) {
            f.put("kind", "LIVE_FIRE");
            f.put("heldOn", LocalDate.now().minusDays(1).toString());
            f.put("scenario", "x");
        }
        return f;
    }

    private void assertBUntouched() {
        Map<String, Object> row = data.jdbc()
                .sql("SELECT status, severity FROM incident WHERE id = :id")
                .param("id", incidentB)
                .query()
                .singleRow();
        assertThat(row.get("status")).isEqualTo("NEW");
        long indicators = data.jdbc()
                .sql("SELECT COUNT(*) FROM incident_indicator WHERE incident_id = :id")
                .param("id", incidentB)
                .query(Long.class)
                .single();
        assertThat(indicators).isEqualTo(1);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM incident_task WHERE incident_id = :id AND done = FALSE")
                        .param("id", incidentB)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(data.jdbc()
                        .sql("SELECT status FROM incident_order WHERE id = :id")
                        .param("id", orderB)
                        .query(String.class)
                        .single())
                .isEqualTo("OPEN");
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM incident_report WHERE incident_id = :id")
                        .param("id", incidentB)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(data.jdbc()
                        .sql("SELECT status FROM response_plan WHERE id = :id")
                        .param("id", planB)
                        .query(String.class)
                        .single())
                .isEqualTo("DRAFT");
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM system_drill WHERE system_id = :id")
                        .param("id", systemB)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM incident_share WHERE incident_id = :id")
                        .param("id", incidentB)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private static void notFound(Http.Response r, String who) {
        assertThat(r.status()).as(who + " " + r.body()).isEqualTo(404);
        assertThat(r.header("Content-Type")).as(who).startsWith("application/problem+json");
        assertThat(r.body()).as(who).doesNotContain(SECRET);
    }
}
