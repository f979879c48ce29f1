package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.platform.PlatformConfiguration;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * People of unit A learn nothing of unit B's systems, components, suppliers, classifications, dossiers, files,
 * designations or progress: every endpoint and page answers 404 or leaves B out.
 */
public class SystemsIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "GET /api/v1/systems",
            "GET /api/v1/systems/{id}",
            "POST /api/v1/systems",
            "PUT /api/v1/systems/{id}",
            "GET /api/v1/systems/{id}/components",
            "POST /api/v1/systems/{id}/components",
            "DELETE /api/v1/systems/{id}/components/{componentId}",
            "GET /api/v1/systems/{id}/suppliers",
            "POST /api/v1/systems/{id}/suppliers",
            "GET /api/v1/classification-regimes",
            "GET /api/v1/systems/{id}/classifications",
            "POST /api/v1/systems/{id}/classifications",
            "GET /api/v1/systems/{id}/dossiers",
            "POST /api/v1/systems/{id}/dossiers",
            "GET /api/v1/dossiers/{id}",
            "PUT /api/v1/dossiers/{id}/parts/{partKey}",
            "POST /api/v1/dossiers/{id}/attachments",
            "GET /api/v1/dossiers/{id}/attachments/{attachmentId}",
            "POST /api/v1/dossiers/{id}/actions/{action}",
            "GET /api/v1/authority-designations",
            "POST /api/v1/authority-designations",
            "GET /api/v1/level-progress",
            "POST /api/v1/systems/import",
            "DELETE /api/v1/authority-designations/{id}",
            "GET /api/v1/dossiers/{id}/document.docx",
            "GET /api/v1/dossiers/{id}/decision.docx",
            "POST /authority-designations/{id}/remove",
            "GET /systems/{id}",
            "GET /systems/{id}/edit",
            "POST /systems/{id}/edit",
            "POST /systems/{id}/components",
            "POST /systems/{id}/components/{componentId}/remove",
            "POST /systems/{id}/suppliers",
            "GET /systems/{id}/classify",
            "POST /systems/{id}/classify",
            "POST /systems/{id}/dossiers",
            "GET /dossiers/{id}",
            "POST /dossiers/{id}/parts/{partKey}",
            "POST /dossiers/{id}/attachments",
            "POST /systems/{id}/classify/applicable",
            "POST /dossiers/{id}/parts",
            "GET /dossiers/{id}/attachments/{attachmentId}",
            "GET /dossiers/{id}/signed-file",
            "POST /dossiers/{id}/actions/{action}",
            "GET /dossiers/{id}/dossier.docx",
            "GET /dossiers/{id}/decision.docx",
            "GET /api/v1/systems/{id}/critical-list",
            "PUT /api/v1/systems/{id}/critical-list",
            "DELETE /api/v1/systems/{id}/critical-list",
            "POST /api/v1/dossiers/{id}/receipt",
            "POST /api/v1/dossiers/{id}/decisions/{key}",
            "POST /dossiers/{id}/receipt",
            "POST /dossiers/{id}/decisions/{key}",
            "POST /systems/{id}/critical-list");

    private static final String GROUNDS = "Hệ thống phục vụ điều hành toàn tỉnh, gián đoạn ảnh hưởng an ninh quốc gia";

    TestData.Org province;
    TestData.Org unitA;
    TestData.Org unitB;
    TestData.Person officerA;
    TestData.Person adminA;
    long systemA;
    long systemB;
    long componentB;
    long dossierB;
    long attachmentB;
    String systemBCode;
    long designationB;

    @BeforeEach
    void twoUnits() {
        province = data.org(data.root(), "Tỉnh cô lập");
        TestData.Org securityUnit = data.org(province, "Đơn vị chuyên trách");
        unitA = data.org(province, "Đơn vị A");
        unitB = data.org(province, "Đơn vị B");
        officerA = data.person(unitA, Role.SECURITY_OFFICER);
        adminA = data.person(unitA, Role.ORG_ADMIN);
        data.grant(adminA.id(), unitA, Role.LEADER);
        TestData.Person officerB = data.person(unitB, Role.SECURITY_OFFICER);
        admin().post(
                        "/api/v1/authority-designations",
                        Map.of(
                                "scopeOrganizationId",
                                province.id(),
                                "role",
                                "OWNER_SECURITY_UNIT",
                                "organizationId",
                                securityUnit.id()));
        admin().post(
                        "/api/v1/authority-designations",
                        Map.of(
                                "scopeOrganizationId",
                                unitB.id(),
                                "role",
                                "INDEPENDENT_APPRAISER",
                                "organizationId",
                                unitB.id()));
        designationB = admin().get("/api/v1/authority-designations?organizationId=" + unitB.id())
                .json()
                .get(0)
                .get("id")
                .asLong();
        Http.Api b = http.api(officerB.token());
        systemA = ProvinceFixture.createSystem(http.api(officerA.token()), data, unitA, "Hệ thống của A");
        systemB = ProvinceFixture.createSystem(b, data, unitB, "Hệ thống bí mật của B");
        systemBCode = b.get("/api/v1/systems/" + systemB).json().get("code").asText();
        componentB = b.post(
                        "/api/v1/systems/" + systemB + "/components",
                        Map.of("kind", "HOST", "name", "may-chu-b", "ipAddresses", "10.0.0.2"))
                .json()
                .get("id")
                .asLong();
        b.post(
                "/api/v1/systems/" + systemB + "/suppliers",
                Map.of("name", "Nhà cung cấp B", "accessKind", "REMOTE_ADMIN"));
        b.post(
                "/api/v1/systems/" + systemB + "/classifications",
                Map.of("regime", "nd331-2026", "answers", ProvinceFixture.LEVEL3_ND331));
        dossierB = b.post("/api/v1/systems/" + systemB + "/dossiers", "")
                .json()
                .get("dossier")
                .get("id")
                .asLong();
        ProvinceFixture.fillParts(b, dossierB);
        attachmentB = Multipart.post(
                        http.base(),
                        "/api/v1/dossiers/" + dossierB + "/attachments",
                        officerB.token(),
                        Map.of("part", "DESIGN"),
                        "file",
                        "so-do-b.pdf",
                        "sơ đồ".getBytes(StandardCharsets.UTF_8))
                .json()
                .get("id")
                .asLong();
        assertThat(b.post("/api/v1/dossiers/" + dossierB + "/actions/SUBMIT", Map.of())
                        .status())
                .isEqualTo(200);
        // B asked for its system to be put on the critical list: A may neither read, change nor withdraw that.
        assertThat(b.send("PUT", "/api/v1/systems/" + systemB + "/critical-list", Map.of("grounds", GROUNDS))
                        .status())
                .isEqualTo(200);
    }

    Map<String, BiConsumer<Http.Api, String>> apiCases(String token) {
        Map<String, BiConsumer<Http.Api, String>> cases = new LinkedHashMap<>();
        String s = "/api/v1/systems/" + systemB;
        String d = "/api/v1/dossiers/" + dossierB;
        cases.put("GET /api/v1/systems", (api, who) -> {
            assertThat(ids(api.get("/api/v1/systems")))
                    .as(who)
                    .contains(systemA)
                    .doesNotContain(systemB);
            assertThat(ids(api.get("/api/v1/systems?organizationId=" + unitB.id())))
                    .as(who)
                    .isEmpty();
        });
        cases.put("GET /api/v1/systems/{id}", (api, who) -> notFound(api.get(s), who));
        cases.put(
                "PUT /api/v1/systems/{id}",
                (api, who) -> notFound(
                        api.send(
                                "PUT",
                                s,
                                Map.of(
                                        "code",
                                        "X",
                                        "name",
                                        "X",
                                        "ownerOrganizationId",
                                        unitA.id(),
                                        "operatorOrganizationId",
                                        unitA.id(),
                                        "systemType",
                                        "OTHER")),
                        who));
        cases.put("POST /api/v1/systems", (api, who) -> {
            Http.Response r = api.post(
                    "/api/v1/systems",
                    Map.of(
                            "code",
                            data.unique("X"),
                            "name",
                            "X",
                            "ownerOrganizationId",
                            unitB.id(),
                            "operatorOrganizationId",
                            unitA.id(),
                            "systemType",
                            "OTHER"));
            Http.Response unknown = api.post(
                    "/api/v1/systems",
                    Map.of(
                            "code",
                            data.unique("X"),
                            "name",
                            "X",
                            "ownerOrganizationId",
                            987654321L,
                            "operatorOrganizationId",
                            unitA.id(),
                            "systemType",
                            "OTHER"));
            assertThat(r.status()).as(who).isEqualTo(422);
            assertThat(r.json().get("errors")).as(who).isEqualTo(unknown.json().get("errors"));
        });
        cases.put("GET /api/v1/systems/{id}/components", (api, who) -> notFound(api.get(s + "/components"), who));
        cases.put(
                "POST /api/v1/systems/{id}/components",
                (api, who) -> notFound(api.post(s + "/components", Map.of("kind", "HOST", "name", "x")), who));
        cases.put("DELETE /api/v1/systems/{id}/components/{componentId}", (api, who) -> {
            notFound(api.send("DELETE", s + "/components/" + componentB, null), who);
            notFound(api.send("DELETE", "/api/v1/systems/" + systemA + "/components/" + componentB, null), who);
        });
        cases.put("GET /api/v1/systems/{id}/suppliers", (api, who) -> notFound(api.get(s + "/suppliers"), who));
        cases.put(
                "POST /api/v1/systems/{id}/suppliers",
                (api, who) -> notFound(api.post(s + "/suppliers", Map.of("name", "x", "accessKind", "NONE")), who));
        cases.put("GET /api/v1/classification-regimes", (api, who) -> {
            Http.Response r = api.get("/api/v1/classification-regimes");
            assertThat(r.status()).as(who).isEqualTo(200);
            assertThat(r.body()).as(who).doesNotContain(systemBCode);
        });
        cases.put(
                "GET /api/v1/systems/{id}/classifications",
                (api, who) -> notFound(api.get(s + "/classifications"), who));
        cases.put(
                "POST /api/v1/systems/{id}/classifications",
                (api, who) -> notFound(
                        api.post(
                                s + "/classifications",
                                Map.of("regime", "nd331-2026", "answers", ProvinceFixture.LEVEL3_ND331)),
                        who));
        cases.put("GET /api/v1/systems/{id}/dossiers", (api, who) -> notFound(api.get(s + "/dossiers"), who));
        cases.put("POST /api/v1/systems/{id}/dossiers", (api, who) -> notFound(api.post(s + "/dossiers", ""), who));
        cases.put("GET /api/v1/dossiers/{id}", (api, who) -> notFound(api.get(d), who));
        cases.put(
                "PUT /api/v1/dossiers/{id}/parts/{partKey}",
                (api, who) -> notFound(api.send("PUT", d + "/parts/OVERVIEW", Map.of("content", "x")), who));
        cases.put(
                "POST /api/v1/dossiers/{id}/attachments",
                (api, who) -> notFound(
                        Multipart.post(
                                http.base(),
                                d + "/attachments",
                                token,
                                Map.of("part", "DESIGN"),
                                "file",
                                "x.txt",
                                new byte[] {1}),
                        who));
        cases.put(
                "GET /api/v1/dossiers/{id}/attachments/{attachmentId}",
                (api, who) -> notFound(api.get(d + "/attachments/" + attachmentB), who));
        cases.put("POST /api/v1/dossiers/{id}/actions/{action}", (api, who) -> {
            for (String action : List.of("SUBMIT", "RETURN", "APPRAISE", "APPROVE", "WITHDRAW")) {
                notFound(api.post(d + "/actions/" + action, Map.of("comment", "x")), who + " " + action);
            }
        });
        cases.put("GET /api/v1/systems/{id}/critical-list", (api, who) -> notFound(api.get(s + "/critical-list"), who));
        cases.put(
                "PUT /api/v1/systems/{id}/critical-list",
                (api, who) -> notFound(api.send("PUT", s + "/critical-list", Map.of("grounds", GROUNDS)), who));
        cases.put(
                "DELETE /api/v1/systems/{id}/critical-list",
                (api, who) -> notFound(api.send("DELETE", s + "/critical-list", null), who));
        cases.put(
                "POST /api/v1/dossiers/{id}/receipt",
                (api, who) -> notFound(
                        api.post(
                                d + "/receipt",
                                Map.of(
                                        "receivedOn",
                                        LocalDate.now(PlatformConfiguration.ZONE)
                                                .toString())),
                        who));
        cases.put(
                "POST /api/v1/dossiers/{id}/decisions/{key}",
                (api, who) -> notFound(
                        api.post(
                                d + "/decisions/pm-critical-list",
                                Map.of(
                                        "decisionNumber",
                                        "1/QĐ-TTg",
                                        "decisionDate",
                                        "2026-11-02",
                                        "decisionSigner",
                                        "Thủ tướng")),
                        who));
        cases.put("GET /api/v1/authority-designations", (api, who) -> {
            Http.Response r = api.get("/api/v1/authority-designations");
            assertThat(r.status()).as(who).isEqualTo(200);
            r.json()
                    .forEach(n -> assertThat(n.get("scopeOrganizationId").asLong())
                            .as(who)
                            .isNotEqualTo(unitB.id()));
            assertThat(api.get("/api/v1/authority-designations?organizationId=" + unitB.id())
                            .json()
                            .size())
                    .as(who)
                    .isZero();
        });
        cases.put("POST /api/v1/authority-designations", (api, who) -> {
            Http.Response r = api.post(
                    "/api/v1/authority-designations",
                    Map.of(
                            "scopeOrganizationId",
                            unitB.id(),
                            "role",
                            "OWNER_SECURITY_UNIT",
                            "organizationId",
                            unitA.id()));
            Http.Response unknown = api.post(
                    "/api/v1/authority-designations",
                    Map.of(
                            "scopeOrganizationId",
                            987654321L,
                            "role",
                            "OWNER_SECURITY_UNIT",
                            "organizationId",
                            unitA.id()));
            assertThat(r.status()).as(who).isEqualTo(422);
            assertThat(r.json().get("errors")).as(who).isEqualTo(unknown.json().get("errors"));
        });
        cases.put(
                "DELETE /api/v1/authority-designations/{id}",
                (api, who) ->
                        notFound(api.send("DELETE", "/api/v1/authority-designations/" + designationB, null), who));
        cases.put(
                "GET /api/v1/dossiers/{id}/document.docx", (api, who) -> notFound(api.get(d + "/document.docx"), who));
        cases.put(
                "GET /api/v1/dossiers/{id}/decision.docx", (api, who) -> notFound(api.get(d + "/decision.docx"), who));
        cases.put("GET /api/v1/level-progress", (api, who) -> {
            notFound(api.get("/api/v1/level-progress?organizationId=" + unitB.id()), who);
            notFound(api.get("/api/v1/level-progress?organizationId=" + province.id()), who);
            assertThat(api.get("/api/v1/level-progress?organizationId=" + unitA.id())
                            .json()
                            .get("total")
                            .asLong())
                    .as(who)
                    .isEqualTo(1);
        });
        cases.put("POST /api/v1/systems/import", (api, who) -> {
            Http.Response r = Multipart.post(
                    http.base(),
                    "/api/v1/systems/import",
                    token,
                    Map.of(),
                    "file",
                    "b.csv",
                    csv(unitB.code()).getBytes(StandardCharsets.UTF_8));
            Http.Response unknown = Multipart.post(
                    http.base(),
                    "/api/v1/systems/import",
                    token,
                    Map.of(),
                    "file",
                    "b.csv",
                    csv("KHONG-CO").getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(who).isEqualTo(422);
            assertThat(r.bodyWithoutRequestId().replace(unitB.code(), "?"))
                    .as(who)
                    .isEqualTo(unknown.bodyWithoutRequestId().replace("KHONG-CO", "?"));
        });
        return cases;
    }

    private String csv(String ownerCode) {
        return "code,name,owner,operator,type\nX1,Hệ thống X," + ownerCode + "," + unitA.code() + ",INTERNAL\n";
    }

    @Test
    void everyApiEndpointHidesTheOtherSubtree() {
        for (TestData.Person caller : List.of(adminA, officerA)) {
            Map<String, BiConsumer<Http.Api, String>> cases = apiCases(caller.token());
            assertThat(COVERED).containsAll(cases.keySet());
            Http.Api api = http.api(caller.token());
            cases.forEach((endpoint, check) -> check.accept(api, endpoint + " as " + caller.username()));
        }
        // B's system and dossier are untouched.
        Http.Response b = admin().get("/api/v1/dossiers/" + dossierB);
        assertThat(b.json().get("dossier").get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(b.json().get("dossier").get("receivedOn").isNull()).isTrue();
        assertThat(admin().get("/api/v1/systems/" + systemB + "/critical-list")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("REQUESTED");
        assertThat(admin().get("/api/v1/systems/" + systemB + "/components")
                        .json()
                        .size())
                .isEqualTo(1);
        assertThat(admin().get("/api/v1/authority-designations?organizationId=" + unitB.id())
                        .json()
                        .size())
                .isEqualTo(1);
    }

    @Test
    void everyPageWithAnIdHidesTheOtherSubtree() {
        Map<String, String> pages = new LinkedHashMap<>();
        String s = "/systems/" + systemB;
        String d = "/dossiers/" + dossierB;
        pages.put("GET /systems/{id}", s);
        pages.put("GET /systems/{id}/edit", s + "/edit");
        pages.put("POST /systems/{id}/edit", s + "/edit");
        pages.put("POST /systems/{id}/components", s + "/components");
        pages.put("POST /systems/{id}/components/{componentId}/remove", s + "/components/" + componentB + "/remove");
        pages.put("POST /systems/{id}/suppliers", s + "/suppliers");
        pages.put("GET /systems/{id}/classify", s + "/classify");
        pages.put("POST /systems/{id}/classify", s + "/classify");
        pages.put("POST /systems/{id}/dossiers", s + "/dossiers");
        pages.put("GET /dossiers/{id}", d);
        pages.put("POST /dossiers/{id}/parts/{partKey}", d + "/parts/OVERVIEW");
        pages.put("POST /dossiers/{id}/parts", d + "/parts");
        pages.put("POST /systems/{id}/classify/applicable", s + "/classify/applicable");
        pages.put("POST /dossiers/{id}/attachments", d + "/attachments");
        pages.put("GET /dossiers/{id}/attachments/{attachmentId}", d + "/attachments/" + attachmentB);
        pages.put("GET /dossiers/{id}/signed-file", d + "/signed-file");
        pages.put("POST /dossiers/{id}/actions/{action}", d + "/actions/APPRAISE");
        pages.put("GET /dossiers/{id}/dossier.docx", d + "/dossier.docx");
        pages.put("GET /dossiers/{id}/decision.docx", d + "/decision.docx");
        pages.put("POST /dossiers/{id}/receipt", d + "/receipt");
        pages.put("POST /dossiers/{id}/decisions/pm-critical-list", d + "/decisions/pm-critical-list");
        pages.put("POST /systems/{id}/critical-list", s + "/critical-list");
        pages.put("POST /authority-designations/{id}/remove", "/authority-designations/" + designationB + "/remove");
        assertThat(COVERED)
                .containsAll(pages.keySet().stream()
                        .map(k -> k.replace("/decisions/pm-critical-list", "/decisions/{key}"))
                        .toList());

        Map<String, String> form = new LinkedHashMap<>();
        for (String[] field : new String[][] {
            {"code", "X"},
            {"name", "X"},
            {"kind", "HOST"},
            {"part", "OVERVIEW"},
            {"content", "x"},
            {"accessKind", "NONE"},
            {"ownerOrganizationId", String.valueOf(unitA.id())},
            {"operatorOrganizationId", String.valueOf(unitA.id())},
            {"systemType", "OTHER"},
            {"regime", "nd331-2026"},
            {"receivedOn", LocalDate.now(PlatformConfiguration.ZONE).toString()},
            {"decisionNumber", "1/QĐ-TTg"},
            {"decisionDate", "2026-11-02"},
            {"decisionSigner", "Thủ tướng"},
            {"grounds", GROUNDS}
        }) {
            form.put(field[0], field[1]);
        }
        Http.Session session = http.session();
        assertThat(session.login(adminA.username(), TestData.PASSWORD).status()).isEqualTo(302);
        pages.forEach((endpoint, path) -> {
            Http.Response r = endpoint.startsWith("GET") ? session.get(path) : session.postForm(path, form);
            assertThat(r.status()).as(endpoint).isEqualTo(404);
            assertThat(r.body()).as(endpoint).doesNotContain(systemBCode).doesNotContain("bí mật của B");
        });
        Http.Response list = session.get("/systems");
        assertThat(list.body()).contains("Hệ thống của A").doesNotContain("bí mật của B");
        assertThat(session.get("/systems/export.xlsx").status()).isEqualTo(200);
        assertThat(session.get("/level-progress?organizationId=" + unitB.id()).status())
                .isEqualTo(404);
        assertThat(session.get("/authority-designations?organizationId=" + unitB.id())
                        .status())
                .isEqualTo(404);
        assertThat(session.get("/authority-designations?organizationId=" + unitA.id())
                        .body())
                .doesNotContain("remove-designation-" + designationB);
    }

    private static List<Long> ids(Http.Response r) {
        assertThat(r.status()).isEqualTo(200);
        return StreamSupport.stream(r.json().spliterator(), false)
                .map(n -> n.get("id").asLong())
                .toList();
    }

    private static void notFound(Http.Response r, String who) {
        assertThat(r.status()).as(who + " " + r.body()).isEqualTo(404);
        assertThat(r.header("Content-Type")).as(who).startsWith("application/problem+json");
    }
}
