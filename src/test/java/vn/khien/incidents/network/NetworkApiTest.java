package vn.khien.incidents.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.platform.documents.AdministrativeLayout;
import vn.khien.support.HomePageReader;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The network duties through the API: the province's response unit (by designation) and the province's own officer
 * act for the member; the profile is versioned, the contact point's changes are logged with their 24 h clock (shown in
 * "what needs my attention" until reported), the Form 05 report is drafted by the responder in the reports module
 * over the network period 15/12–14/06 with its breakdowns by severity and by unit, a report recorded here before stays
 * readable, and the obligations matrix shows R27 and R33 with evidence.
 */
class NetworkApiTest extends IntegrationTest {

    TestData.Org province;
    String provinceName;
    TestData.Org hospital;
    TestData.Person responder;
    TestData.Person provinceOfficer;
    TestData.Person hospitalOfficer;
    TestData.Person auditor;
    String base;

    @BeforeEach
    void member() {
        provinceName = "Tỉnh mạng lưới " + data.unique("p");
        province = NetworkFixture.province(data, provinceName);
        TestData.Org unit = NetworkFixture.responseUnit(data, province, "Sở KH&CN mạng lưới");
        hospital = data.org(province, "Bệnh viện mạng lưới");
        responder = data.person(unit, Role.INCIDENT_RESPONDER);
        provinceOfficer = data.person(province, Role.SECURITY_OFFICER);
        hospitalOfficer = data.person(hospital, Role.SECURITY_OFFICER);
        auditor = data.person(province, Role.AUDITOR);
        base = "/api/v1/incident-network/members/" + province.id();
    }

    static Map<String, String> profileFields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("organizationName", "UBND tỉnh thử");
        f.put("address", "Số 1 đường thử");
        f.put("leaderName", "Phó Chủ tịch thử");
        f.put("responseUnit", "Sở KH&CN thử");
        f.put("teamSize", "5");
        return f;
    }

    @Test
    void theResponseUnitSubmitsTheProfileAsVersionsAndAMissingFieldIsNamed() {
        Http.Api api = http.api(responder.token());
        assertThat(api.get("/api/v1/incident-network/members").body()).contains(String.valueOf(province.id()));
        JsonNode view = api.get(base).json();
        assertThat(view.get("canAct").asBoolean()).isTrue();
        assertThat(view.get("profile").get("overdue").asBoolean()).isTrue();

        Map<String, String> missing = profileFields();
        missing.remove("leaderName");
        Http.Response bad = api.post(base + "/profile", Map.of("fields", missing));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.header("Content-Type")).contains("application/problem+json");
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("fields.leaderName");
        Map<String, String> unknown = profileFields();
        unknown.put("nickname", "x");
        assertThat(api.post(base + "/profile", Map.of("fields", unknown))
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("fields.nickname");

        Http.Response first = api.post(base + "/profile", Map.of("fields", profileFields()));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        assertThat(first.json().get("overdue").asBoolean()).isFalse();
        assertThat(first.json().get("dueOn").asString())
                .isEqualTo(LocalDate.now(NetworkRules.VN).plusYears(1).toString());
        Http.Response second =
                http.api(provinceOfficer.token()).post(base + "/profile", Map.of("fields", profileFields()));
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'ircnetwork.profile.submit'"
                                + " AND organization_id = :o")
                        .param("o", province.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aContactChangeRunsA24HourClockUntilReportedAndShowsInAttention() {
        Http.Api api = http.api(responder.token());
        Map<String, String> contact = new LinkedHashMap<>(Map.of(
                "contactName", "Người trực thử",
                "phone", "0912 345 678",
                "email", "khong-hop-le",
                "receptionAddress", "https://tinh.example.test/su-co"));
        Http.Response bad = api.post(base + "/contact-point", contact);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        contact.put("email", "truc@tinh.example.test");
        Http.Response changed = api.post(base + "/contact-point", contact);
        assertThat(changed.status()).as(changed.body()).isEqualTo(201);
        Instant at = Instant.parse(changed.json().get("changedAt").asString());
        assertThat(Instant.parse(changed.json().get("reportDueAt").asString())).isEqualTo(at.plusSeconds(24 * 3600));
        assertThat(changed.json().get("reportedAt").isNull()).isTrue();
        long changeId = changed.json().get("id").asLong();

        assertThat(api.get(base).json().get("unreportedChange").get("id").asLong())
                .isEqualTo(changeId);
        List<String> attention = HomePageReader.attention(http, responder);
        assertThat(attention)
                .anySatisfy(a ->
                        assertThat(a).contains("Đầu mối ứng cứu sự cố 24/7").contains("Tỉnh mạng lưới"));
        // The R27 duty shows the 24 h limit as its due date while the change is unreported.
        JsonNode r27 = obligation("R27");
        assertThat(r27.get("status").asString()).isEqualTo("DUE_SOON");
        assertThat(r27.get("evidence").get("kind").asString()).isEqualTo("contact-profile");

        Http.Response reported = api.post(base + "/contact-point/" + changeId + "/report", Map.of());
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        assertThat(reported.json().get("reportedAt").isNull()).isFalse();
        Http.Response again = api.post(base + "/contact-point/" + changeId + "/report", Map.of());
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("changeId");
        assertThat(HomePageReader.attention(http, responder))
                .noneSatisfy(a -> assertThat(a).contains("Tỉnh mạng lưới"));
        assertThat(api.get(base).json().get("contactLog").size()).isEqualTo(1);
    }

    @Test
    void theResponderDraftsTheSixMonthlyReportInTheReportsModuleOverItsPeriodWithItsBreakdowns() throws Exception {
        NetworkFixture.incident(data, hospital, "MALWARE", "2026-01-10T09:00:00+07:00", "CLOSED", "HIGH");
        NetworkFixture.incident(data, hospital, "MALWARE", "2026-03-02T10:00:00+07:00", "VERIFIED", "CRITICAL");
        NetworkFixture.incident(data, province, "PHISHING", "2026-06-14T23:30:00+07:00", "REJECTED", "LOW");
        NetworkFixture.incident(
                data, hospital, "DDOS", "2025-12-15T00:00:00+07:00", "RECOVERED", "HIGH"); // the first instant
        NetworkFixture.incident(
                data, hospital, "DDOS", "2026-06-15T00:30:00+07:00", "CLOSED", "HIGH"); // after the period
        NetworkFixture.incident(
                data, hospital, "DDOS", "2025-12-14T23:59:00+07:00", "CLOSED", "HIGH"); // before the period

        // The old submit path is gone: the report is drafted in the reports module.
        Http.Api api = http.api(responder.token());
        assertThat(api.post(base + "/reports", Map.of("kind", "SEMIANNUAL", "year", 2026))
                        .status())
                .isIn(404, 405);
        assertThat(api.get(base + "/reports/draft.docx?kind=SEMIANNUAL&year=2026")
                        .status())
                .isIn(400, 404, 405);

        Http.Response created = api.post(
                "/api/v1/reports",
                Map.of("organizationId", province.id(), "kind", "IR_NETWORK_MEMBER", "period", "2026-H1"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode report = created.json();
        assertThat(report.get("periodFrom").asString()).isEqualTo("2025-12-15");
        assertThat(report.get("periodTo").asString()).isEqualTo("2026-06-14");
        // Before 20/06/2026, a Saturday: the last working day before it.
        assertThat(report.get("dueOn").asString()).isEqualTo("2026-06-19");
        JsonNode figures = report.get("figures");
        assertThat(figures.get("incidentsTotal").asLong()).isEqualTo(4);
        assertThat(figures.get("incidentsResolved").asLong()).isEqualTo(2);
        assertThat(figures.get("incidentsBySeverity.CRITICAL").asLong()).isEqualTo(1);
        assertThat(figures.get("incidentsBySeverity.HIGH").asLong()).isEqualTo(2);
        assertThat(figures.get("incidentsBySeverity.MEDIUM").asLong()).isZero();
        assertThat(figures.get("incidentsBySeverity.LOW").asLong()).isEqualTo(1);
        assertThat(figures.get("incidentsByCategory.MALWARE").asLong()).isEqualTo(2);
        // By category counts the incidents confirmed as such: the phishing report rejected as false is not one.
        assertThat(figures.get("incidentsByCategory.PHISHING").asLong()).isZero();
        assertThat(figures.get("incidentsByCategory.DDOS").asLong()).isEqualTo(1);
        assertThat(figures.get("incidentsByCategory.DEFACE").asLong()).isZero();
        Map<String, Long> byUnit = new LinkedHashMap<>();
        report.get("units")
                .forEach(u -> byUnit.put(
                        u.get("name").asString(),
                        u.get("figures").get("incidentsTotal").asLong()));
        assertThat(byUnit).containsEntry(provinceName, 1L).containsEntry("Bệnh viện mạng lưới", 3L);
        assertThat(byUnit).doesNotContainKey("Sở KH&CN mạng lưới");

        long id = report.get("id").asLong();
        String text = NetworkFixture.docxText(http, responder, "/api/v1/reports/" + id + ".docx");
        assertThat(text)
                .contains("6 tháng đầu năm 2026 (từ 15/12/2025 đến 14/06/2026)")
                .contains("Sự cố theo mức độ")
                .contains("Sự cố theo loại (không tính tin báo sai)")
                .contains("Sự cố mã độc")
                .contains("Sự cố theo đơn vị");
        Map<String, List<String>> rows = rows(NetworkFixture.bytes(http, auditor, "/api/v1/reports/" + id + ".docx"));
        assertThat(rows.get("Bệnh viện mạng lưới")).containsExactly("3", "2");
        assertThat(rows.get(provinceName)).containsExactly("1", "0");
        assertThat(rows.get("Sự cố mức độ nghiêm trọng")).containsExactly("1");
        assertThat(rows.get("Sự cố mức độ cao")).containsExactly("2");
    }

    @Test
    void aReportRecordedHereBeforeIsStillListedAndDownloadedReadOnly() throws Exception {
        int inserted = data.jdbc()
                .sql("""
                        INSERT INTO ir_member_report (organization_id, kind, period_year, period_from, period_to, due_on,
                          incidents_total, document, submitted_by, submitted_at)
                        VALUES (:o, 'SEMIANNUAL', 2025, :f, :t, :d, 7, :doc, NULL, :at)""")
                .param("o", province.id())
                .param("f", LocalDate.of(2024, 12, 15))
                .param("t", LocalDate.of(2025, 6, 14))
                .param("d", LocalDate.of(2025, 6, 19))
                .param("doc", new byte[] {'P', 'K', 3, 4})
                .param("at", Timestamp.from(Instant.parse("2025-06-18T03:00:00Z")))
                .update();
        assertThat(inserted).isEqualTo(1);
        JsonNode view = http.api(auditor.token()).get(base).json();
        JsonNode recorded = view.get("reports").get(0);
        assertThat(recorded.get("incidentsTotal").asInt()).isEqualTo(7);
        assertThat(recorded.get("dueOn").asString()).isEqualTo("2025-06-19");
        assertThat(NetworkFixture.bytes(
                        http, auditor, base + "/reports/" + recorded.get("id").asLong() + ".docx"))
                .containsExactly('P', 'K', 3, 4);
        // Still R33's evidence, as before the move (the obligations matrix keeps the later record).
        assertThat(obligation("R33").get("evidence").get("kind").asString()).isEqualTo("network-report");
    }

    @Test
    void aReaderMaySeeButNotActAndAUnitBelowSeesNothing() {
        Http.Api reader = http.api(auditor.token());
        assertThat(reader.get(base).json().get("canAct").asBoolean()).isFalse();
        Http.Response refused = reader.post(base + "/profile", Map.of("fields", profileFields()));
        assertThat(refused.status()).isEqualTo(403);
        Http.Api below = http.api(hospitalOfficer.token());
        assertThat(below.get(base).status()).isEqualTo(404);
        assertThat(below.get("/api/v1/incident-network/members").body()).doesNotContain("Tỉnh mạng lưới");
        // A unit that is not a member kind is not a network member.
        assertThat(below.get("/api/v1/incident-network/members/" + hospital.id())
                        .status())
                .isEqualTo(404);
    }

    private JsonNode obligation(String rule) {
        Http.Response r =
                http.api(provinceOfficer.token()).get("/api/v1/organizations/" + province.id() + "/obligations");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode o : r.json()) {
            if (o.get("rule").asString().equals(rule)) {
                return o;
            }
        }
        throw new AssertionError(rule + " missing: " + r.body());
    }

    /** Every two-column row of the document's figure tables, label → figure. */
    static Map<String, String> figures(byte[] docx) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        AdministrativeLayout.assertLayout(docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            for (XWPFTable t : doc.getTables()) {
                t.getRows().forEach(row -> {
                    if (row.getTableCells().size() == 2) {
                        out.put(row.getCell(0).getText(), row.getCell(1).getText());
                    }
                });
            }
        }
        return out;
    }

    /** Every row of the document's tables (the first of a label), first non-number cell → the cells after it. */
    static Map<String, List<String>> rows(byte[] docx) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        AdministrativeLayout.assertLayout(docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            for (XWPFTable t : doc.getTables()) {
                t.getRows().forEach(row -> {
                    List<String> cells =
                            row.getTableCells().stream().map(c -> c.getText()).toList();
                    int label = cells.size() > 1 && cells.get(0).matches("\\d*") ? 1 : 0;
                    out.putIfAbsent(cells.get(label), cells.subList(label + 1, cells.size()));
                });
            }
        }
        return out;
    }
}
