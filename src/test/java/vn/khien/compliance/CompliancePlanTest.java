package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.compliance.catalogue.CatalogueExporter;
import vn.khien.compliance.catalogue.CatalogueLoader;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** The security plan end to end over the API: derivation on approval, statuses, evidence, re-derivation, documents. */
class CompliancePlanTest extends IntegrationTest {

    @Autowired
    ComplianceFixture fixture;

    TestData.Org province;
    TestData.Org department;
    TestData.Person officer;
    TestData.Person auditor;
    TestData.Person provinceLeader;

    @BeforeEach
    void province() {
        province = data.org(data.root(), "Tỉnh Tuân Thủ");
        department = data.org(province, "Sở Y tế");
        officer = data.person(department, Role.SECURITY_OFFICER);
        auditor = data.person(province, Role.AUDITOR);
        provinceLeader = data.person(province, Role.LEADER);
    }

    @Test
    void approvingLevelThreeGivesExactlyTheLevelThreeSetOfCircular12() {
        long systemId = ComplianceFixture.createSystem(http.api(officer.token()), data, department, "Quản lý văn bản");
        fixture.approve(systemId, department, 3, "nd85-2016", LocalDate.of(2026, 3, 1));

        JsonNode plan = http.api(officer.token())
                .get("/api/v1/compliance/systems/" + systemId + "/plan")
                .json();
        Map<String, Integer> byKind = countByKind(plan);
        // 22 management, 16 design, 21 configuration items (regulation.md §4.4–4.5) plus the 7 minimum network zones,
        // which TT 12 lists apart from the design items and which the platform keeps in the plan.
        assertThat(byKind)
                .containsEntry("MANAGEMENT", 22)
                .containsEntry("DESIGN_ITEM", 16)
                .containsEntry("CONFIGURATION_ITEM", 21)
                .containsEntry("NETWORK_ZONE", 7);
        assertThat(plan.get("items").size()).isEqualTo(66);
        assertThat(plan.get("catalogueVersions").asText()).isEqualTo("TT12-2022@1.0.0");
        assertThat(plan.get("regulationMissing").asBoolean()).isTrue();
        assertThat(plan.get("fullyDeployed").asBoolean()).isFalse();
    }

    @Test
    void statusesRollUpPerSystemAndProvinceAndRulesAreEnforced() {
        Http.Api api = http.api(officer.token());
        long systemId = ComplianceFixture.createSystem(api, data, department, "Cổng dịch vụ công");
        fixture.approve(systemId, department, 1, "nd85-2016", LocalDate.of(2026, 3, 1));
        JsonNode plan =
                api.get("/api/v1/compliance/systems/" + systemId + "/plan").json();
        List<String> ids = new ArrayList<>();
        plan.get("items").forEach(i -> ids.add(i.get("requirementId").asText()));
        int total = ids.size();

        String base = "/api/v1/compliance/systems/" + systemId + "/plan/";
        Http.Response planned = api.send("PUT", base + ids.get(0), Map.of("status", "PLANNED"));
        assertThat(planned.status()).isEqualTo(422);
        assertThat(planned.body()).contains("targetDate");
        Http.Response na = api.send("PUT", base + ids.get(0), Map.of("status", "NOT_APPLICABLE"));
        assertThat(na.status()).isEqualTo(422);
        assertThat(na.body()).contains("justification");
        assertThat(http.api(auditor.token())
                        .send("PUT", base + ids.get(0), Map.of("status", "MET"))
                        .status())
                .isEqualTo(403);

        assertThat(api.send(
                                "PUT",
                                base + ids.get(0),
                                Map.of("status", "MET", "howMet", "Đã ban hành quy chế", "owner", "Phòng CNTT"))
                        .status())
                .isEqualTo(200);
        assertThat(api.send("PUT", base + ids.get(1), Map.of("status", "MET")).status())
                .isEqualTo(422);
        assertThat(api.send("PUT", base + ids.get(1), Map.of("status", "MET", "howMet", "Đã triển khai"))
                        .status())
                .isEqualTo(200);
        assertThat(api.send(
                                "PUT",
                                base + ids.get(2),
                                Map.of("status", "NOT_APPLICABLE", "justification", "Không có mạng không dây"))
                        .status())
                .isEqualTo(200);
        assertThat(api.send(
                                "PUT",
                                base + ids.get(3),
                                Map.of("status", "PLANNED", "targetDate", "2026-12-31", "owner", "Phòng CNTT"))
                        .status())
                .isEqualTo(200);

        JsonNode summary = http.api(provinceLeader.token())
                .get("/api/v1/compliance/systems/" + systemId + "/summary")
                .json();
        assertThat(summary.get("tally").get("met").asInt()).isEqualTo(2);
        assertThat(summary.get("tally").get("notApplicable").asInt()).isEqualTo(1);
        assertThat(summary.get("percent").asInt()).isEqualTo((int) Math.round(200.0 / (total - 1)));
        assertThat(summary.get("fullyDeployed").asBoolean()).isFalse();

        Http.Response gaps = api.post(
                "/api/v1/compliance/systems/" + systemId + "/tasks/from-gaps",
                Map.of("owner", "Tổ ứng cứu", "dueOn", "2027-06-30"));
        assertThat(gaps.status()).as(gaps.body()).isEqualTo(201);
        // Every applicable requirement not met gets a task; the planned one keeps its own owner and date.
        assertThat(gaps.json().size()).isEqualTo(total - 3);
        gaps.json().forEach(t -> {
            if (t.get("requirementId").asText().equals(ids.get(3))) {
                assertThat(t.get("dueOn").asText()).isEqualTo("2026-12-31");
                assertThat(t.get("owner").asText()).isEqualTo("Phòng CNTT");
            }
        });
        assertThat(api.post(
                                "/api/v1/compliance/systems/" + systemId + "/tasks/from-gaps",
                                Map.of("dueOn", "2027-06-30"))
                        .json()
                        .size())
                .isZero();

        JsonNode roadmap = api.get("/api/v1/compliance/systems/" + systemId + "/plan")
                .json()
                .get("roadmap");
        assertThat(roadmap.get(0).get("requirementId").asText()).isEqualTo(ids.get(3));

        // Everything applicable met: fully deployed, computed from the data.
        for (String id : ids) {
            if (!id.equals(ids.get(2))) {
                Http.Response met = api.send(
                        "PUT", base + id, Map.of("status", "MET", "deployedProducts", "Fortinet FortiGate 100F"));
                assertThat(met.status()).as(met.body()).isEqualTo(200);
            }
        }
        JsonNode done = http.api(provinceLeader.token())
                .get("/api/v1/compliance/systems/" + systemId + "/summary")
                .json();
        assertThat(done.get("fullyDeployed").asBoolean()).isTrue();
        assertThat(done.get("percent").asInt()).isEqualTo(100);

        JsonNode provinceSummary = http.api(provinceLeader.token())
                .get("/api/v1/compliance/organizations/" + province.id() + "/summary")
                .json();
        assertThat(provinceSummary.get("fullyDeployed").asInt()).isEqualTo(1);
        assertThat(provinceSummary.get("tally").get("met").asInt()).isEqualTo(total - 1);
        assertThat(provinceSummary.get("byLevel").get("1").get("met").asInt()).isEqualTo(total - 1);
        assertThat(provinceSummary.get("byGroup").size()).isGreaterThan(1);
    }

    @Test
    void metNeedsTheDeployedProductWhenTheLevelRequiresOne() {
        Http.Api api = http.api(officer.token());
        long systemId = ComplianceFixture.createSystem(api, data, department, "Cổng thông tin điện tử");
        fixture.approve(systemId, department, 3, "nd85-2016", LocalDate.of(2026, 3, 1));
        JsonNode ips = null;
        for (JsonNode item : api.get("/api/v1/compliance/systems/" + systemId + "/plan")
                .json()
                .get("items")) {
            if (item.get("requirementId").asText().equals("TT12.D.IPS")) {
                ips = item;
            }
        }
        assertThat(ips).isNotNull();
        assertThat(ips.get("requiredProducts").size()).isPositive();
        String path = "/api/v1/compliance/systems/" + systemId + "/plan/TT12.D.IPS";
        Http.Response declared = api.send("PUT", path, Map.of("status", "MET"));
        assertThat(declared.status()).isEqualTo(422);
        assertThat(declared.body()).contains("deployedProducts");
        Http.Response measured = api.send(
                "PUT",
                path,
                Map.of(
                        "status",
                        "MET",
                        "deployedProducts",
                        "Fortinet FortiGate 600F (IPS bật) tại trung tâm dữ liệu tỉnh"));
        assertThat(measured.status()).isEqualTo(200);
        assertThat(measured.json().get("deployedProducts").asText()).startsWith("Fortinet");
    }

    @Test
    void evidenceIsFlaggedWhenExpiringOrExpired() {
        Http.Api api = http.api(officer.token());
        long systemId = ComplianceFixture.createSystem(api, data, department, "Thư điện tử");
        fixture.approve(systemId, department, 2, "nd85-2016", LocalDate.of(2026, 3, 1));
        String first = api.get("/api/v1/compliance/systems/" + systemId + "/plan")
                .json()
                .get("items")
                .get(0)
                .get("requirementId")
                .asText();
        String path = "/api/v1/compliance/systems/" + systemId + "/plan/" + first + "/evidence";
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        Http.Response soon = api.post(
                path,
                Map.of(
                        "title",
                        "Hợp đồng SOC",
                        "url",
                        "https://example.test/soc",
                        "validUntil",
                        today.plusDays(10).toString()));
        assertThat(soon.status()).as(soon.body()).isEqualTo(201);
        assertThat(soon.json().get("validity").asText()).isEqualTo("EXPIRING");
        Http.Response expired = api.post(
                path,
                Map.of(
                        "title",
                        "Chứng thư",
                        "fileName",
                        "cert.pdf",
                        "contentType",
                        "application/pdf",
                        "content",
                        Base64.getEncoder().encodeToString("PDF".getBytes()),
                        "validUntil",
                        today.minusDays(1).toString()));
        assertThat(expired.json().get("validity").asText()).isEqualTo("EXPIRED");
        Http.Response lasting = api.post(
                path,
                Map.of(
                        "title",
                        "Quy trình",
                        "url",
                        "https://example.test/q",
                        "validUntil",
                        today.plusYears(1).toString()));
        assertThat(lasting.json().get("validity").asText()).isEqualTo("VALID");
        assertThat(api.post(path, Map.of("title", "Không có gì")).status()).isEqualTo(422);
        long fileId = expired.json().get("id").asLong();
        assertThat(api.get("/api/v1/compliance/systems/" + systemId + "/summary")
                        .json()
                        .get("flaggedEvidence")
                        .asInt())
                .isEqualTo(2);
        JsonNode inProvince = http.api(provinceLeader.token())
                .get("/api/v1/compliance/organizations/" + province.id() + "/summary")
                .json()
                .get("systems");
        assertThat(inProvince.get(0).get("flaggedEvidence").asInt()).isEqualTo(2);
        assertThat(new String(ComplianceFixture.getBytes(
                        http.base(),
                        officer.token(),
                        "/api/v1/compliance/systems/" + systemId + "/evidence/" + fileId)))
                .isEqualTo("PDF");
    }

    @Test
    void changingTheLevelReDerivesThePlanShowsTheDiffAndKeepsAnswers() {
        Http.Api api = http.api(officer.token());
        long systemId = ComplianceFixture.createSystem(api, data, department, "Hệ thống một cửa");
        fixture.approve(systemId, department, 3, "nd85-2016", LocalDate.of(2026, 1, 5));
        JsonNode level3 =
                api.get("/api/v1/compliance/systems/" + systemId + "/plan").json();
        String kept = level3.get("items").get(0).get("requirementId").asText();
        api.send(
                "PUT",
                "/api/v1/compliance/systems/" + systemId + "/plan/" + kept,
                Map.of("status", "MET", "howMet", "Đã triển khai"));

        fixture.approve(systemId, department, 2, "nd85-2016", LocalDate.of(2026, 6, 5));
        JsonNode level2 =
                api.get("/api/v1/compliance/systems/" + systemId + "/plan").json();
        Map<String, Integer> byKind = countByKind(level2);
        assertThat(byKind)
                .containsEntry("MANAGEMENT", 18)
                .containsEntry("DESIGN_ITEM", 6)
                .containsEntry("CONFIGURATION_ITEM", 17);
        JsonNode history = api.get("/api/v1/compliance/systems/" + systemId + "/plan/history")
                .json();
        assertThat(history.size()).isEqualTo(2);
        JsonNode latest = history.get(0);
        assertThat(latest.get("level").asInt()).isEqualTo(2);
        assertThat(latest.get("newlyRequired").size()).isZero();
        assertThat(latest.get("noLongerRequired").size())
                .isEqualTo(66 - level2.get("items").size());
        assertThat(level2.get("noLongerRequired").size())
                .isEqualTo(latest.get("noLongerRequired").size());
        assertThat(history.get(1).get("supersededAt").isNull()).isFalse();

        fixture.approve(systemId, department, 3, "nd85-2016", LocalDate.of(2026, 9, 5));
        JsonNode back = api.get("/api/v1/compliance/systems/" + systemId + "/plan/history")
                .json()
                .get(0);
        assertThat(back.get("newlyRequired").size())
                .isEqualTo(latest.get("noLongerRequired").size());
        JsonNode again =
                api.get("/api/v1/compliance/systems/" + systemId + "/plan").json();
        assertThat(again.get("items").size()).isEqualTo(66);
        assertThat(again.get("items").get(0).get("status").asText()).isEqualTo("MET");

        // Regime change: the new-regime catalogue replaces the legacy one.
        fixture.approve(systemId, department, 3, "nd331-2026", LocalDate.of(2026, 10, 1));
        JsonNode nd331 =
                api.get("/api/v1/compliance/systems/" + systemId + "/plan").json();
        assertThat(nd331.get("catalogueVersions").asText()).startsWith("ND331-2026@");
        nd331.get("items")
                .forEach(i -> assertThat(i.get("requirementId").asText()).startsWith("ND331"));
    }

    @Test
    void securityRegulationClearsTheWarning() {
        Http.Api api = http.api(officer.token());
        long systemId = ComplianceFixture.createSystem(api, data, department, "Hệ thống kế toán");
        fixture.approve(systemId, department, 2, "nd85-2016", LocalDate.of(2026, 3, 1));
        assertThat(api.send("PUT", "/api/v1/compliance/systems/" + systemId + "/regulation", Map.of("title", "Quy chế"))
                        .status())
                .isEqualTo(422);
        Http.Response saved = api.send(
                "PUT",
                "/api/v1/compliance/systems/" + systemId + "/regulation",
                Map.of(
                        "title",
                        "Quy chế bảo đảm an toàn hệ thống kế toán",
                        "decisionNumber",
                        "15/QĐ-SYT",
                        "issuedOn",
                        "2026-02-01",
                        "issuedBy",
                        "Sở Y tế"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/compliance/systems/" + systemId + "/plan")
                        .json()
                        .get("regulationMissing")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void planDocxAndSubtreeXlsxReadBack() throws IOException {
        Http.Api api = http.api(officer.token());
        long systemId = ComplianceFixture.createSystem(api, data, department, "Hệ thống hồ sơ sức khỏe");
        fixture.approve(systemId, department, 3, "nd85-2016", LocalDate.of(2026, 3, 1));
        String first = api.get("/api/v1/compliance/systems/" + systemId + "/plan")
                .json()
                .get("items")
                .get(0)
                .get("requirementId")
                .asText();
        api.send(
                "PUT",
                "/api/v1/compliance/systems/" + systemId + "/plan/" + first,
                Map.of("status", "MET", "howMet", "Ban hành chính sách an toàn thông tin tại Quyết định 9/QĐ-SYT"));

        byte[] docx = ComplianceFixture.getBytes(
                http.base(), officer.token(), "/api/v1/compliance/systems/" + systemId + "/plan.docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText())
                    .contains("PHẦN III. PHƯƠNG ÁN BẢO ĐẢM AN TOÀN HỆ THỐNG THÔNG TIN")
                    .contains("1. Phương án đáp ứng yêu cầu quản lý")
                    .contains("2. Phương án đáp ứng yêu cầu kỹ thuật")
                    .contains("Quyết định 9/QĐ-SYT")
                    .contains(first)
                    .contains("Đã đáp ứng");
            assertThat(doc.getParagraphs().get(0).getRuns().get(0).getFontFamily())
                    .isEqualTo("Times New Roman");
            assertThat(doc.getTables()).hasSize(2);
            assertThat(doc.getTables().get(0).getNumberOfRows()).isEqualTo(1 + 22);
            assertThat(doc.getTables().get(1).getNumberOfRows()).isEqualTo(1 + 16 + 21 + 7);
        }

        byte[] xlsx = ComplianceFixture.getBytes(
                http.base(),
                provinceLeader.token(),
                "/api/v1/compliance/organizations/" + province.id() + "/compliance.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã hệ thống");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Hệ thống hồ sơ sức khỏe");
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(3.0);
            assertThat(sheet.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(1).getCell(10).getNumericCellValue()).isEqualTo(Math.round(100.0 / 66));
        }
    }

    @Test
    void organisationLayerJoinsThePlansBelowItAndCataloguesExport() {
        long before = ComplianceFixture.createSystem(http.api(officer.token()), data, department, "Có trước quy định");
        fixture.approve(before, department, 3, "nd85-2016", LocalDate.of(2026, 2, 1));
        Http.Response imported =
                ComplianceFixture.postYaml(http.base(), ADMIN_TOKEN, ComplianceFixture.orgLayer(department.code()));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        long layerId = imported.json().get("id").asLong();
        assertThat(ComplianceFixture.postYaml(http.base(), ADMIN_TOKEN, ComplianceFixture.orgLayer(department.code()))
                        .status())
                .isEqualTo(422);
        assertThat(ComplianceFixture.postYaml(http.base(), officer.token(), "catalogue: {}")
                        .status())
                .isEqualTo(422);
        // A new legal base catalogue is for platform administrators only.
        String base = CatalogueExporter.toYaml(CatalogueLoader.loadTt12())
                .replace("version: 1.0.0", "version: 1.0.1-test")
                .replace("version: '1.0.0'", "version: 1.0.1-test");
        assertThat(base).contains("1.0.1-test");
        assertThat(ComplianceFixture.postYaml(http.base(), officer.token(), base)
                        .status())
                .isEqualTo(403);

        // The plan approved before the internal policy is re-derived with it, and the history says so.
        JsonNode history = http.api(officer.token())
                .get("/api/v1/compliance/systems/" + before + "/plan/history")
                .json();
        assertThat(history.get(0).get("newlyRequired").get(0).asText()).isEqualTo("ORG." + department.code() + ".USB");
        assertThat(history.get(0).get("level").asInt()).isEqualTo(3);
        assertThat(history.get(0).get("approvedOn").asText()).isEqualTo("2026-02-01");

        long systemId = ComplianceFixture.createSystem(http.api(officer.token()), data, department, "Hệ thống nội bộ");
        fixture.approve(systemId, department, 3, "nd85-2016", LocalDate.of(2026, 3, 1));
        JsonNode plan = http.api(officer.token())
                .get("/api/v1/compliance/systems/" + systemId + "/plan")
                .json();
        assertThat(plan.get("items").size()).isEqualTo(67);
        assertThat(plan.get("catalogueVersions").asText()).contains("ORG-" + department.code() + "@2026.1");

        String yaml = new String(
                ComplianceFixture.getBytes(
                        http.base(), officer.token(), "/api/v1/compliance/catalogues/" + layerId + "/yaml"),
                StandardCharsets.UTF_8);
        assertThat(yaml).contains("ORG." + department.code() + ".USB");
        JsonNode list =
                http.api(officer.token()).get("/api/v1/compliance/catalogues").json();
        List<String> keys = new ArrayList<>();
        list.forEach(c -> keys.add(c.get("versionedId").asText()));
        assertThat(keys).contains("TT12-2022@1.0.0", "ND331-2026@0.1.0-provisional");
    }

    static Map<String, Integer> countByKind(JsonNode plan) {
        Map<String, Integer> counts = new HashMap<>();
        plan.get("items").forEach(i -> counts.merge(i.get("kind").asText(), 1, Integer::sum));
        return counts;
    }
}
