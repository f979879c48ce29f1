package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.platform.documents.AdministrativeLayout;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** The incident API end to end: intake, clocks with recipients, sharing in SQL, orders, reports, closing, STIX. */
class IncidentApiTest extends IntegrationTest {

    TestData.Org province;
    TestData.Org responseUnit;
    TestData.Org national;
    TestData.Org hospital;
    TestData.Org elsewhere;
    TestData.Person officer;
    TestData.Person responder;
    TestData.Person outsider;

    @BeforeEach
    void tree() {
        province = data.org(data.root(), "Tỉnh thử");
        responseUnit = data.org(province, "Sở thử (ứng cứu)");
        TestData.Org health = data.org(province, "Sở Y tế thử");
        hospital = data.org(health, "Bệnh viện thử");
        national = data.org(data.root(), "Cơ quan điều phối thử");
        elsewhere = data.org(data.root(), "Tỉnh khác");
        data.designate(province, "INCIDENT_RESPONSE_UNIT", responseUnit);
        data.designate(province, "NATIONAL_INCIDENT_COORDINATOR", national);
        officer = data.person(hospital, Role.SECURITY_OFFICER);
        responder = data.person(responseUnit, Role.INCIDENT_RESPONDER);
        outsider = data.person(elsewhere, Role.INCIDENT_RESPONDER);
    }

    Map<String, Object> incident(String ref) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organizationId", hospital.id());
        m.put("title", "Mã độc mã hoá dữ liệu HIS");
        m.put("description", "Máy chủ HIS bị mã hoá");
        m.put("category", "MALWARE");
        m.put(
                "detectedAt",
                OffsetDateTime.now(ZoneOffset.ofHours(7))
                        .minusHours(1)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        m.put("beyondCapacity", true);
        if (ref != null) {
            m.put("externalRef", ref);
        }
        return m;
    }

    @Test
    void aBeyondCapacityIncidentRunsA24HourClockToOwnerResponseUnitAndNationalBody() {
        String ref = data.unique("SIEM");
        Http.Response created = http.api(officer.token()).post("/api/v1/incidents", incident(ref));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        long id = body.get("id").asLong();
        assertThat(body.get("regime").asString()).isEqualTo("nd331-2026");
        JsonNode d24 = null;
        for (JsonNode d : body.get("deadlines")) {
            if (d.get("kind").asString().equals("INITIAL_24H")) {
                d24 = d;
            }
        }
        assertThat(d24).as(body.toString()).isNotNull();
        assertThat(d24.get("legalSource").asString()).contains("NĐ 331/2026");
        List<Long> recipients = new ArrayList<>();
        d24.get("recipients").forEach(r -> recipients.add(r.asLong()));
        assertThat(recipients).containsExactly(hospital.id(), responseUnit.id(), national.id());
        assertThat(OffsetDateTime.parse(d24.get("dueAt").asString()).toInstant())
                .isEqualTo(
                        OffsetDateTime.parse((String) incident(null).get("detectedAt"))
                                        .toInstant()
                                        .truncatedTo(ChronoUnit.HOURS)
                                        .isAfter(Instant.EPOCH)
                                ? OffsetDateTime.parse(body.get("detectedAt").asString())
                                        .plusHours(24)
                                        .toInstant()
                                : null);

        // Idempotent on the external reference: the same case, 200.
        Http.Response again = http.api(officer.token()).post("/api/v1/incidents", incident(ref));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(id);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM incident WHERE external_ref = :r")
                        .param("r", ref)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // Not shared yet: the response unit and outsiders do not see it (404, enforced in SQL).
        assertThat(http.api(responder.token()).get("/api/v1/incidents/" + id).status())
                .isEqualTo(404);
        assertThat(http.api(responder.token()).get("/api/v1/incidents").body()).doesNotContain("\"id\":" + id + ",");
        Http.Response shared = http.api(officer.token())
                .post("/api/v1/incidents/" + id + "/shares", Map.of("target", "RESPONSE_UNIT"));
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        assertThat(http.api(responder.token()).get("/api/v1/incidents/" + id).status())
                .isEqualTo(200);
        assertThat(http.api(outsider.token()).get("/api/v1/incidents/" + id).status())
                .isEqualTo(404);
        assertThat(http.api(outsider.token())
                        .post("/api/v1/incidents/" + id + "/verify", Map.of())
                        .status())
                .isEqualTo(404);

        // The response unit orders, the hospital answers.
        Http.Response order = http.api(responder.token())
                .post(
                        "/api/v1/incidents/" + id + "/orders",
                        Map.of(
                                "targetOrganizationId",
                                hospital.id(),
                                "instruction",
                                "Cô lập máy chủ HIS, gửi nhật ký tường lửa",
                                "dueAt",
                                OffsetDateTime.now(ZoneOffset.ofHours(7))
                                        .plusHours(4)
                                        .toString()));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        long orderId = order.json().get("id").asLong();
        assertThat(http.api(officer.token())
                        .post(
                                "/api/v1/incidents/" + id + "/orders",
                                Map.of(
                                        "targetOrganizationId",
                                        hospital.id(),
                                        "instruction",
                                        "x",
                                        "dueAt",
                                        OffsetDateTime.now().plusHours(4).toString()))
                        .status())
                .isEqualTo(403);
        assertThat(http.api(responder.token())
                        .post(
                                "/api/v1/incidents/" + id + "/orders/" + orderId + "/answer",
                                Map.of("answer", "tôi trả lời thay"))
                        .status())
                .isEqualTo(403);
        Http.Response answered = http.api(officer.token())
                .post(
                        "/api/v1/incidents/" + id + "/orders/" + orderId + "/answer",
                        Map.of("answer", "Đã cô lập lúc 10:15, nhật ký gửi kèm"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("status").asString()).isEqualTo("ANSWERED");

        // Reports: the 24 h notice submitted now is on time and carries the [TBSC] subject.
        Http.Response sent =
                http.api(officer.token()).post("/api/v1/incidents/" + id + "/reports", Map.of("kind", "INITIAL_24H"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("onTime").asBoolean()).isTrue();
        assertThat(sent.json().get("emailSubject").asString()).startsWith("[TBSC] ");
        String docText = docx(officer.token(), sent.json().get("document").asString());
        assertThat(docText)
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .contains("THÔNG BÁO BAN ĐẦU TRONG 24 GIỜ")
                .contains("Biểu mẫu 03")
                .contains("Mã độc mã hoá dữ liệu HIS")
                .contains("Kính gửi:")
                .contains("Sở thử (ứng cứu)");
        assertThat(http.api(officer.token())
                        .post("/api/v1/incidents/" + id + "/reports", Map.of("kind", "FORM03_INITIAL"))
                        .status())
                .isEqualTo(422);

        // Workflow on the domain object; closing needs the closing report.
        for (String step : List.of("verify", "contain", "eradicate", "recover")) {
            Http.Response r = http.api(responder.token()).post("/api/v1/incidents/" + id + "/" + step, Map.of());
            assertThat(r.status()).as(step + " " + r.body()).isEqualTo(200);
        }
        assertThat(http.api(officer.token())
                        .post("/api/v1/incidents/" + id + "/verify", Map.of())
                        .status())
                .isEqualTo(422);
        Http.Response early = http.api(officer.token()).post("/api/v1/incidents/" + id + "/close", Map.of());
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body()).contains("status");
        assertThat(http.api(officer.token())
                        .post("/api/v1/incidents/" + id + "/reports", Map.of("kind", "CLOSING"))
                        .status())
                .isEqualTo(201);
        Http.Response closed = http.api(officer.token()).post("/api/v1/incidents/" + id + "/close", Map.of());
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");

        // Every change is in the audit trail.
        List<String> actions = data.jdbc()
                .sql(
                        "SELECT action FROM audit_event WHERE target_type IN ('incident',"
                                + " 'incident_report', 'incident_order') AND (target_id = :id OR target_id = :o OR details LIKE :like)")
                .param("id", String.valueOf(id))
                .param("o", String.valueOf(orderId))
                .param("like", "%\"incidentId\":" + id + "%")
                .query(String.class)
                .list();
        assertThat(actions)
                .contains(
                        "incident.report",
                        "incident.share",
                        "incident.order.issue",
                        "incident.order.answer",
                        "incident.verify",
                        "incident.close");
        assertThat(data.jdbc()
                        .sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'incident.report.submit' AND organization_id = :o")
                        .param("o", hospital.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void indicatorsAreValidatedNormalisedAndExportedAsStix() {
        long id = http.api(officer.token())
                .post("/api/v1/incidents", incident(null))
                .json()
                .get("id")
                .asLong();
        Http.Response url = http.api(officer.token())
                .post(
                        "/api/v1/incidents/" + id + "/indicators",
                        Map.of("kind", "URL", "value", "hxxp://Evil[.]Example.COM:80/login?x=1"));
        assertThat(url.status()).as(url.body()).isEqualTo(200);
        assertThat(url.json().get("value").asString()).isEqualTo("http://evil.example.com/login?x=1");
        assertThat(http.api(officer.token())
                        .post(
                                "/api/v1/incidents/" + id + "/indicators",
                                Map.of(
                                        "kind",
                                        "SHA256",
                                        "value",
                                        "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"))
                        .status())
                .isEqualTo(200);
        Http.Response bad = http.api(officer.token())
                .post("/api/v1/incidents/" + id + "/indicators", Map.of("kind", "IPV4", "value", "300.1.1.1"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"value\"");
        Http.Response stix = http.api(officer.token()).get("/api/v1/incidents/" + id + "/stix");
        assertThat(stix.status()).isEqualTo(200);
        assertThat(stix.header("Content-Type")).startsWith("application/stix+json");
        JsonNode bundle = stix.json();
        assertThat(bundle.get("type").asString()).isEqualTo("bundle");
        List<String> patterns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        bundle.get("objects").forEach(o -> {
            types.add(o.get("type").asString());
            if (o.has("pattern")) {
                patterns.add(o.get("pattern").asString());
            }
        });
        assertThat(types).contains("identity", "indicator", "observed-data", "report", "url", "file");
        assertThat(patterns)
                .contains(
                        "[url:value = 'http://evil.example.com/login?x=1']",
                        "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']");
        assertThat(bundle.toString()).contains(StixTlp.AMBER);
    }

    @Test
    void theCasePageLinkDownloadsTheStixBundleWithTheBrowserSession() {
        long id = http.api(officer.token())
                .post("/api/v1/incidents", incident(null))
                .json()
                .get("id")
                .asLong();
        assertThat(http.api(officer.token())
                        .post(
                                "/api/v1/incidents/" + id + "/indicators",
                                Map.of("kind", "URL", "value", "http://evil.example.com/login"))
                        .status())
                .isEqualTo(200);
        Http.Session session = http.session();
        assertThat(session.login(officer.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        String link = "/incidents/" + id + "/export.stix.json";
        assertThat(session.get("/incidents/" + id).body()).contains("href=\"" + link + "\"");
        Http.Response download = session.get(link);
        assertThat(download.status()).as(download.body()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith("application/stix+json");
        assertThat(download.header("Content-Disposition")).contains("su-co-" + id + ".stix.json");
        JsonNode bundle = download.json();
        assertThat(bundle.get("type").asString()).isEqualTo("bundle");
        assertThat(bundle.get("id").asString()).startsWith("bundle--");
        List<String> patterns = new ArrayList<>();
        bundle.get("objects").forEach(o -> {
            if (o.has("pattern")) {
                patterns.add(o.get("pattern").asString());
            }
        });
        assertThat(patterns).contains("[url:value = 'http://evil.example.com/login']");
        assertThat(http.session().get(link).body()).doesNotContain("bundle--");
    }

    @Test
    void intakeValidatesAndNamesTheField() {
        Map<String, Object> m = incident(null);
        m.put("category", "NOT_A_CATEGORY");
        m.put("detectedAt", OffsetDateTime.now().plusDays(2).toString());
        Http.Response r = http.api(officer.token()).post("/api/v1/incidents", m);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("category").contains("detectedAt");
        Map<String, Object> other = incident(null);
        other.put("organizationId", elsewhere.id());
        assertThat(http.api(officer.token()).post("/api/v1/incidents", other).status())
                .isEqualTo(422);
    }

    @Test
    void legacyDetectionGetsTheTt20NoticeAndForm03() {
        Map<String, Object> m = incident(null);
        m.put("detectedAt", "2026-06-30T23:30:00+07:00");
        JsonNode body = http.api(officer.token()).post("/api/v1/incidents", m).json();
        assertThat(body.get("regime").asString()).isEqualTo("tt20-2017");
        List<String> kinds = new ArrayList<>();
        body.get("deadlines").forEach(d -> kinds.add(d.get("kind").asString()));
        assertThat(kinds).containsExactly("FORM03_INITIAL", "NOTICE", "FORM04_END");
        Map<String, Object> gap = incident(null);
        gap.put("detectedAt", "2026-07-01T00:10:00+07:00");
        JsonNode g = http.api(officer.token()).post("/api/v1/incidents", gap).json();
        assertThat(g.get("regime").asString()).isEqualTo("gap-2026");
        assertThat(g.get("regimeChoice").asString()).contains("Platform choice");

        // Statistics per month (Việt Nam time), category and severity for the subtree.
        Http.Response stats = http.api(officer.token())
                .get("/api/v1/organizations/" + hospital.id() + "/incidents/statistics?from=2026-06-01&to=2026-07-31");
        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        stats.json()
                .forEach(r -> rows.add(r.get("month").asString() + " "
                        + r.get("category").asString() + " " + r.get("severity").asString() + " "
                        + r.get("count").asLong()));
        assertThat(rows).containsExactly("2026-06 MALWARE HIGH 1", "2026-07 MALWARE HIGH 1");
        assertThat(http.api(outsider.token())
                        .get("/api/v1/organizations/" + hospital.id()
                                + "/incidents/statistics?from=2026-06-01&to=2026-07-31")
                        .status())
                .isEqualTo(404);
    }

    private String docx(String token, String path) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(http.base() + path))
                                    .header("Authorization", "Bearer " + token)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            AdministrativeLayout.assertLayout(r.body());
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()));
                    XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
                return x.getText();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The TLP:AMBER marking of the STIX 2.1 specification. */
    static final class StixTlp {
        static final String AMBER = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
    }
}
