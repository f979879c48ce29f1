package vn.khien.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.platform.documents.AdministrativeLayout;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The roll-up through a province: two hospitals submit, a department is late; no double counting of a system owned by
 * one unit and operated by another; frozen snapshots unchanged by later edits; returned, signed, submitted upward and
 * accepted by the national body; documents open; every step audited; dashboard = report figures.
 */
class ReportsRollupTest extends IntegrationTest {
    static final String PERIOD = "2026-Q3";
    static final String TITLE = "BÁO CÁO TÌNH HÌNH BẢO ĐẢM AN TOÀN THÔNG TIN MẠNG HẰNG QUÝ";

    @Test
    void provinceRollsUpFrozenAndLiveChildrenSignsAndSubmitsUpward() throws Exception {
        TestData.Org national = data.org(data.root(), "Cơ quan quốc gia thử");
        TestData.Org province = data.org(national, "Tỉnh thử báo cáo");
        TestData.Org hospitalA = data.org(province, "Bệnh viện A");
        TestData.Org hospitalB = data.org(province, "Bệnh viện B");
        TestData.Org department = data.org(province, "Sở Y tế thử");
        Http.Api nationalOfficer =
                http.api(data.person(national, Role.SECURITY_OFFICER).token());
        Http.Api provinceOfficer =
                http.api(data.person(province, Role.SECURITY_OFFICER).token());
        Http.Api provinceLeader = http.api(data.person(province, Role.LEADER).token());
        Map<Long, Http.Api> officers = new HashMap<>();
        Map<Long, Http.Api> leaders = new HashMap<>();
        for (TestData.Org o : List.of(hospitalA, hospitalB, department)) {
            officers.put(o.id(), http.api(data.person(o, Role.SECURITY_OFFICER).token()));
            leaders.put(o.id(), http.api(data.person(o, Role.LEADER).token()));
        }
        // Owned by hospital A, operated by the department: counts once, at hospital A.
        system(hospitalA, department);
        system(hospitalB, hospitalB);
        system(department, department);
        system(province, province);

        long reportA = submitted(hospitalA, officers.get(hospitalA.id()), leaders.get(hospitalA.id()));
        long reportB = submitted(hospitalB, officers.get(hospitalB.id()), leaders.get(hospitalB.id()));
        assertThat(figure(officers.get(hospitalA.id()).get("/api/v1/reports/" + reportA), "systemsTotal"))
                .isEqualTo(1);

        // A later edit does not change the frozen snapshot.
        system(hospitalA, hospitalA);
        JsonNode frozenA =
                officers.get(hospitalA.id()).get("/api/v1/reports/" + reportA).json();
        assertThat(frozenA.get("frozen").asBoolean()).isTrue();
        assertThat(frozenA.get("figures").get("systemsTotal").asLong()).isEqualTo(1);

        Http.Response created = provinceOfficer.post(
                "/api/v1/reports",
                Map.of("organizationId", province.id(), "kind", "QUARTERLY_STATUS", "period", PERIOD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long provinceReport = created.json().get("id").asLong();
        JsonNode p = created.json();
        assertThat(p.get("dueOn").asText()).isEqualTo("2026-09-18");
        assertThat(p.get("figures").has("warningsReceived")).isTrue();
        // provided by the warnings module: a number, not "no data"
        assertThat(p.get("figures").get("warningsReceived").isNumber()).isTrue();
        Map<Long, JsonNode> children = new HashMap<>();
        p.get("children").forEach(c -> children.put(c.get("organizationId").asLong(), c));
        assertThat(children.get(hospitalA.id()).get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(children.get(hospitalA.id()).get("frozen").asBoolean()).isTrue();
        assertThat(children.get(hospitalA.id())
                        .get("figures")
                        .get("systemsTotal")
                        .asLong())
                .isEqualTo(1);
        assertThat(children.get(department.id()).get("state").asText()).isEqualTo("LATE");
        assertThat(children.get(department.id()).get("frozen").asBoolean()).isFalse();
        assertThat(children.get(department.id())
                        .get("figures")
                        .get("systemsTotal")
                        .asLong())
                .isEqualTo(1);
        // own 1 + A frozen 1 + B frozen 1 + department live 1 (the system it operates counts at its owner)
        assertThat(p.get("figures").get("systemsTotal").asLong()).isEqualTo(4);

        // The province returns hospital B's report: B's row turns live; B revises as a new version, both kept.
        Http.Response returned = provinceOfficer.post(
                "/api/v1/reports/" + reportB + "/actions/RETURN", Map.of("comment", "Thiếu số liệu rà quét"));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(officers.get(hospitalB.id())
                        .post("/api/v1/reports/" + reportB + "/actions/ACCEPT", Map.of())
                        .status())
                .isEqualTo(403);
        JsonNode afterReturn =
                provinceOfficer.get("/api/v1/reports/" + provinceReport).json();
        afterReturn
                .get("children")
                .forEach(c -> children.put(c.get("organizationId").asLong(), c));
        assertThat(children.get(hospitalB.id()).get("state").asText()).isEqualTo("RETURNED");
        assertThat(children.get(hospitalB.id()).get("frozen").asBoolean()).isFalse();
        Http.Response revised =
                officers.get(hospitalB.id()).post("/api/v1/reports/" + reportB + "/actions/REVISE", Map.of());
        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        assertThat(revised.json().get("version").asInt()).isEqualTo(2);
        assertThat(revised.json().get("versions")).hasSize(2);

        // Sign-off order is enforced; the leader signs; submission goes to the national body, which accepts.
        assertThat(provinceLeader
                        .post(
                                "/api/v1/reports/" + provinceReport + "/actions/SIGN",
                                Map.of("documentNumber", "12/BC-UBND", "documentDate", "2026-09-17"))
                        .status())
                .isEqualTo(422);
        assertThat(provinceOfficer
                        .post("/api/v1/reports/" + provinceReport + "/actions/CHECK", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(provinceOfficer
                        .post(
                                "/api/v1/reports/" + provinceReport + "/actions/SIGN",
                                Map.of("documentNumber", "12/BC-UBND", "documentDate", "2026-09-17"))
                        .status())
                .isEqualTo(403);
        Http.Response signed = provinceLeader.post(
                "/api/v1/reports/" + provinceReport + "/actions/SIGN",
                Map.of("documentNumber", "12/BC-UBND", "documentDate", "2026-09-17", "signerName", "Nguyễn Văn Tỉnh"));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        Http.Response submittedP =
                provinceOfficer.post("/api/v1/reports/" + provinceReport + "/actions/SUBMIT", Map.of());
        assertThat(submittedP.status()).as(submittedP.body()).isEqualTo(200);
        assertThat(submittedP.json().get("frozen").asBoolean()).isTrue();
        assertThat(provinceOfficer
                        .post("/api/v1/reports/" + provinceReport + "/actions/ACCEPT", Map.of())
                        .status())
                .isEqualTo(403);
        Http.Response accepted =
                nationalOfficer.post("/api/v1/reports/" + provinceReport + "/actions/ACCEPT", Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asText()).isEqualTo("ACCEPTED");

        // Documents download and open; the PDF's text carries the Vietnamese title with its diacritics.
        byte[] docx = download(provinceOfficer, provinceReport, "docx");
        assertThat(AdministrativeLayout.assertLayout(docx).number()).isEqualTo("Số: 12/BC-UBND");
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            assertThat(x.getText())
                    .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", TITLE, "Số: 12/BC-UBND", "Nguyễn Văn Tỉnh");
        }
        try (XSSFWorkbook wb =
                new XSSFWorkbook(new ByteArrayInputStream(download(provinceOfficer, provinceReport, "xlsx")))) {
            assertThat(wb.getNumberOfSheets()).isGreaterThanOrEqualTo(6);
        }
        try (PDDocument pdf = Loader.loadPDF(download(provinceOfficer, provinceReport, "pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains(TITLE, "Tổng hợp báo cáo của các đơn vị trực thuộc");
        }

        Long audited = data.jdbc()
                .sql("SELECT COUNT(*) FROM audit_event WHERE target_type = 'periodic_report'"
                        + " AND target_id = :id AND action IN ('REPORT_CREATED', 'REPORT_CHECK', 'REPORT_SIGN',"
                        + " 'REPORT_SUBMIT', 'REPORT_ACCEPT')")
                .param("id", String.valueOf(provinceReport))
                .query(Long.class)
                .single();
        assertThat(audited).isEqualTo(5);
    }

    @Test
    void dashboardShowsTheFiguresOfAReportCompiledAtTheSameMoment() {
        TestData.Org province = data.org(data.root(), "Tỉnh thử tổng quan");
        TestData.Org unit = data.org(province, "Đơn vị thử tổng quan");
        Http.Api officer = http.api(data.person(province, Role.SECURITY_OFFICER).token());
        system(unit, province);
        system(province, unit);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        Http.Response report = officer.post(
                "/api/v1/reports",
                Map.of("organizationId", province.id(), "kind", "QUARTERLY_STATUS", "period", quarter));
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        Http.Response dashboard = officer.get("/api/v1/organizations/" + province.id() + "/dashboard");
        assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
        JsonNode figures = dashboard.json().get("standing").get("figures");
        report.json()
                .get("figures")
                .properties()
                .forEach(e -> assertThat(figures.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue()));
        assertThat(figures.get("systemsTotal").asLong()).isEqualTo(2);
        assertThat(dashboard.json().get("trend")).hasSize(4);
        assertThat(dashboard.json().get("children").get(0).get("organizationId").asLong())
                .isEqualTo(unit.id());
    }

    @Test
    void aSubtreeWithoutSystemsHasNoPercentageNoScoreAndNoTrendPointNeverOneHundred() {
        TestData.Org province = data.org(data.root(), "Tỉnh thử chưa có hệ thống");
        TestData.Org unit = data.org(province, "Đơn vị thử chưa có hệ thống");
        TestData.Person person = data.person(province, Role.SECURITY_OFFICER);
        Http.Api officer = http.api(person.token());
        Http.Response dashboard = officer.get("/api/v1/organizations/" + province.id() + "/dashboard?live=true");
        assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
        int shares = 0;
        for (JsonNode t : dashboard.json().get("standing").get("targets")) {
            if (!t.get("target").path("denominator").isNull()) {
                shares++;
                assertThat(t.get("denominator").asLong()).as(t.toString()).isZero();
                assertThat(t.get("percent").isNull()).as(t.toString()).isTrue();
                assertThat(t.get("met").isNull()).as(t.toString()).isTrue();
            }
        }
        assertThat(shares).isPositive();
        for (JsonNode p : dashboard.json().get("trend")) {
            p.get("percents")
                    .forEach(v -> assertThat(v.isNull()).as(p.toString()).isTrue());
        }
        JsonNode child = dashboard.json().get("children").get(0);
        assertThat(child.get("organizationId").asLong()).isEqualTo(unit.id());
        assertThat(child.get("targets").findValues("percent")).allMatch(JsonNode::isNull);
        // Counts over systems (overdue findings, unacknowledged warnings) have no data without a system; the counts
        // that are not about systems (open incidents, late reports) stay met at 0, but they alone make no score.
        for (JsonNode standing : List.of(dashboard.json().get("standing"), child)) {
            assertThat(standing.get("score").isNull()).as(standing.toString()).isTrue();
            assertThat(target(standing, "findingsOverdue").get("met").isNull()).isTrue();
            assertThat(target(standing, "warnings").get("met").isNull()).isTrue();
            assertThat(target(standing, "incidents").get("met").asBoolean()).isTrue();
            assertThat(target(standing, "reportsLate").get("met").asBoolean()).isTrue();
        }
        Http.Session session = http.session();
        assertThat(session.login(person.username(), TestData.PASSWORD).status()).isEqualTo(302);
        String page =
                session.get("/organizations/" + province.id() + "/dashboard").body();
        assertThat(page).contains("không có dữ liệu").doesNotContain("100% (0/0)");
    }

    @Test
    void aChildWithoutSystemsHasNoScoreAndRanksAfterTheChildrenWithOne() {
        TestData.Org province = data.org(data.root(), "Tỉnh thử điểm không dữ liệu");
        TestData.Org empty = data.org(province, "Đơn vị thử A không có hệ thống");
        TestData.Org holding = data.org(province, "Đơn vị thử B có hệ thống");
        system(holding, holding);
        Http.Api officer = http.api(data.person(province, Role.SECURITY_OFFICER).token());
        Http.Response dashboard = officer.get("/api/v1/organizations/" + province.id() + "/dashboard?live=true");
        assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
        JsonNode children = dashboard.json().get("children");
        assertThat(children).hasSize(2);
        // the child with a system has a score (its overdue findings target is met: it has none), the empty one
        // none — and comes after it although its name sorts first
        assertThat(children.get(0).get("organizationId").asLong()).isEqualTo(holding.id());
        assertThat(children.get(0).get("score").isNumber()).isTrue();
        assertThat(target(children.get(0), "findingsOverdue").get("met").asBoolean())
                .isTrue();
        assertThat(children.get(1).get("organizationId").asLong()).isEqualTo(empty.id());
        assertThat(children.get(1).get("score").isNull()).isTrue();
        assertThat(dashboard.json().get("standing").get("score").isNumber()).isTrue();
    }

    private static JsonNode target(JsonNode standing, String key) {
        for (JsonNode t : standing.get("targets")) {
            if (t.get("target").get("key").asText().equals(key)) {
                return t;
            }
        }
        throw new AssertionError("no target " + key + " in " + standing);
    }

    private long submitted(TestData.Org org, Http.Api officer, Http.Api leader) {
        Http.Response r = officer.post(
                "/api/v1/reports", Map.of("organizationId", org.id(), "kind", "QUARTERLY_STATUS", "period", PERIOD));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(officer.post("/api/v1/reports/" + id + "/actions/CHECK", Map.of())
                        .status())
                .isEqualTo(200);
        Http.Response s = leader.post(
                "/api/v1/reports/" + id + "/actions/SIGN",
                Map.of(
                        "documentNumber",
                        "5/BC",
                        "documentDate",
                        "2026-09-15",
                        "signedFileBase64",
                        Base64.getEncoder().encodeToString("%PDF-1.4 đã ký".getBytes(StandardCharsets.UTF_8))));
        assertThat(s.status()).as(s.body()).isEqualTo(200);
        Http.Response sub = officer.post("/api/v1/reports/" + id + "/actions/SUBMIT", Map.of());
        assertThat(sub.status()).as(sub.body()).isEqualTo(200);
        assertThat(sub.json().get("status").asText()).isEqualTo("SUBMITTED");
        return id;
    }

    private long figure(Http.Response r, String name) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("figures").get(name).asLong();
    }

    private void system(TestData.Org owner, TestData.Org operator) {
        system(admin(), data, owner, operator);
    }

    /** A system registered through the API by the administrator, backdated to the start of the year. */
    static void system(Http.Api admin, TestData data, TestData.Org owner, TestData.Org operator) {
        Http.Response r = admin.post(
                "/api/v1/systems",
                Map.of(
                        "code",
                        data.unique("HT"),
                        "name",
                        "Hệ thống thử",
                        "ownerOrganizationId",
                        owner.id(),
                        "operatorOrganizationId",
                        operator.id(),
                        "systemType",
                        "INTERNAL",
                        "informationKinds",
                        List.of("PRIVATE"),
                        "userCount",
                        50));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        // Registered at the start of the year, so it is in scope of the past quarter's report.
        data.jdbc()
                .sql("UPDATE information_system SET created_at = :at WHERE id = :id")
                .param("at", Timestamp.valueOf("2026-01-05 08:00:00"))
                .param("id", r.json().get("id").asLong())
                .update();
    }

    private byte[] download(Http.Api unused, long id, String ext) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/v1/reports/" + id + "." + ext))
                                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
