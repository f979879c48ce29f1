package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.compliance.ComplianceFixture;
import vn.khien.platform.documents.AdministrativeLayout;
import vn.khien.support.Http;
import vn.khien.support.IncidentReports;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The incident reports as documents name every affected system with its level and owner: the legacy Form 03 and
 * Form 04 (TT 20/2017) and the Decree 331 initial report, read back from the DOCX with Apache POI.
 */
class IncidentReportSystemsTest extends IntegrationTest {

    TestData.Org province;
    TestData.Org hospital;
    TestData.Person officer;
    Http.Api api;
    String his;
    String lab;
    long hisId;
    long labId;

    @BeforeEach
    void twoSystemsOfTwoOwners() {
        province = data.org(data.root(), data.unique("Tỉnh báo cáo hệ thống"));
        hospital = data.org(province, "Bệnh viện báo cáo hệ thống");
        officer = data.person(hospital, Role.SECURITY_OFFICER);
        api = http.api(officer.token());
        his = data.unique("HIS báo cáo");
        hisId = ComplianceFixture.createSystem(api, data, hospital, his);
        data.jdbc()
                .sql("UPDATE information_system SET approved_level = 3 WHERE id = :id")
                .param("id", hisId)
                .update();
        // Owned by the province, operated by the hospital: in the hospital's subtree, with another owner.
        lab = data.unique("Xét nghiệm báo cáo");
        Http.Response r = admin().post(
                        "/api/v1/systems",
                        Map.of(
                                "code", data.unique("HT"),
                                "name", lab,
                                "ownerOrganizationId", province.id(),
                                "operatorOrganizationId", hospital.id(),
                                "systemType", "INTERNAL",
                                "informationKinds", List.of("PRIVATE"),
                                "userCount", 50));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        labId = r.json().get("id").asLong();
    }

    private long incident(String detectedAt) {
        long id = IncidentReports.of(hospital, data.unique("Mã độc báo cáo hệ thống"))
                .onSystem(hisId)
                .describedAs("Hai hệ thống bị ảnh hưởng")
                .detectedAt(detectedAt)
                .report(api);
        Http.Response added = api.post("/api/v1/incidents/" + id + "/affected-systems", Map.of("systemId", labId));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        return id;
    }

    private List<List<String>> systemsTable(long incident, String kind) {
        Http.Response sent = api.post("/api/v1/incidents/" + incident + "/reports", Map.of("kind", kind));
        assertThat(sent.status()).as(kind + " " + sent.body()).isEqualTo(201);
        byte[] docx = download(sent.json().get("document").asString());
        AdministrativeLayout.assertLayout(docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            for (XWPFTable t : doc.getTables()) {
                List<List<String>> rows = new ArrayList<>();
                for (XWPFTableRow row : t.getRows()) {
                    rows.add(row.getTableCells().stream().map(c -> c.getText()).toList());
                }
                if (!rows.isEmpty() && rows.get(0).equals(List.of("STT", "Tên hệ thống", "Cấp độ", "Chủ quản"))) {
                    assertThat(doc.getParagraphs())
                            .anySatisfy(p -> assertThat(p.getText()).isEqualTo("Các hệ thống thông tin bị ảnh hưởng"));
                    return rows.subList(1, rows.size());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError(kind + ": no table of affected systems");
    }

    private List<List<String>> expected() {
        return List.of(
                List.of("1", his, "Cấp độ 3", "Bệnh viện báo cáo hệ thống"),
                List.of("2", lab, "(chưa phê duyệt)", provinceName()));
    }

    private String provinceName() {
        return data.jdbc()
                .sql("SELECT name_vi FROM organization WHERE id = :id")
                .param("id", province.id())
                .query(String.class)
                .single();
    }

    @Test
    void legacyForms03And04NameTheAffectedSystems() {
        long id = incident("2026-06-10T09:00:00+07:00");
        assertThat(systemsTable(id, "FORM03_INITIAL")).containsExactlyElementsOf(expected());
        for (String step : List.of("verify", "contain", "eradicate", "recover")) {
            Http.Response r = api.post("/api/v1/incidents/" + id + "/" + step, Map.of());
            assertThat(r.status()).as(step + " " + r.body()).isEqualTo(200);
        }
        assertThat(systemsTable(id, "FORM04_END")).containsExactlyElementsOf(expected());
    }

    @Test
    void decree331ReportsNameTheAffectedSystems() {
        long id = incident("2026-09-01T08:30:00+07:00");
        assertThat(systemsTable(id, "INITIAL_24H")).containsExactlyElementsOf(expected());
    }

    private byte[] download(String path) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(http.base() + path))
                                    .header("Authorization", "Bearer " + officer.token())
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
