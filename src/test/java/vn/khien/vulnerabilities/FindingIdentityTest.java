package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.parsing.Location;
import vn.khien.vulnerabilities.parsing.ParsedFinding;

/**
 * A merged format (Nessus XML: one finding per plugin over all hosts) keeps one finding per plugin whatever host
 * comes first: fixing the first host marks that place fixed and leaves the finding open; fixing every host fixes it;
 * its return reopens it. Findings stored with the old first-host key are re-keyed by the next import.
 */
class FindingIdentityTest extends IntegrationTest {

    long system;
    Http.Api api;

    @BeforeEach
    void systemWithOfficer() {
        TestData.Org unit = data.org(data.root(), "Đơn vị khoá phát hiện");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        system = ScanFixtures.system(data, unit);
        api = http.api(officer.token());
    }

    JsonNode importNessus(String date, Object... hostAndPlugins) {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (int i = 0; i < hostAndPlugins.length; i += 2) {
            m.put((String) hostAndPlugins[i], (int[]) hostAndPlugins[i + 1]);
        }
        JsonNode scan =
                ScanFixtures.importReport(api, system, "r.nessus", ScanFixtures.nessus(m), Map.of("scanDate", date));
        assertThat(scan.get("status").asString()).as(scan.toString()).isEqualTo("COMPLETED");
        return scan;
    }

    JsonNode plugin(int p) {
        JsonNode items = api.get("/api/v1/systems/" + system + "/findings?cve=CVE-2024-" + (10000 + p))
                .json()
                .get("items");
        assertThat(items).as("one finding for plugin " + p).hasSize(1);
        return items.get(0);
    }

    Map<String, Boolean> fixedByHost(JsonNode finding) {
        Map<String, Boolean> m = new HashMap<>();
        api.get("/api/v1/findings/" + finding.get("id").asLong())
                .json()
                .get("finding")
                .get("locations")
                .forEach(l -> m.put(l.get("host").asString(), l.get("fixed").asBoolean()));
        return m;
    }

    @Test
    void fixingTheFirstHostKeepsTheFindingOpenWithThatPlaceFixed() {
        importNessus("2026-01-10", "10.0.0.1", new int[] {1, 2}, "10.0.0.2", new int[] {1, 2});
        long id = plugin(1).get("id").asLong();

        // The first host (the one the old key was made of) is fixed.
        JsonNode second = importNessus("2026-02-10", "10.0.0.2", new int[] {1, 2});
        ScanImportTest.assertCounts(second, 2, 0, 0, 0, 2);
        assertThat(plugin(1).get("id").asLong()).isEqualTo(id);
        assertThat(plugin(1).get("status").asString()).isEqualTo("OPEN");
        assertThat(fixedByHost(plugin(1))).containsEntry("10.0.0.1", true).containsEntry("10.0.0.2", false);
        assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM finding WHERE system_id = :s", system))
                .isEqualTo(2);

        // Every host of plugin 1 fixed: the finding is FIXED by that scan.
        JsonNode third = importNessus("2026-03-10", "10.0.0.2", new int[] {2});
        ScanImportTest.assertCounts(third, 1, 0, 0, 1, 1);
        assertThat(plugin(1).get("id").asLong()).isEqualTo(id);
        assertThat(plugin(1).get("status").asString()).isEqualTo("FIXED");

        // It comes back on another host: REOPENED, same finding, the new place added and affected.
        JsonNode fourth = importNessus("2026-04-10", "10.0.0.3", new int[] {1}, "10.0.0.2", new int[] {2});
        ScanImportTest.assertCounts(fourth, 2, 0, 1, 0, 1);
        assertThat(plugin(1).get("id").asLong()).isEqualTo(id);
        assertThat(plugin(1).get("status").asString()).isEqualTo("REOPENED");
        assertThat(fixedByHost(plugin(1)))
                .containsEntry("10.0.0.1", true)
                .containsEntry("10.0.0.2", true)
                .containsEntry("10.0.0.3", false);
    }

    @Test
    void findingsKeyedByTheirFirstHostAreReKeyedByTheNextImport() {
        importNessus("2026-01-10", "10.0.0.1", new int[] {1, 2}, "10.0.0.2", new int[] {1, 2});
        long id1 = plugin(1).get("id").asLong();
        long id2 = plugin(2).get("id").asLong();
        // As stored before V21: tool + plugin id + first place, key_version 1.
        String place = Location.endpoint("10.0.0.1", 443, "http").identity();
        for (int p : new int[] {1, 2}) {
            data.jdbc()
                    .sql("UPDATE finding SET fingerprint = :fp, key_version = 1 WHERE system_id = :s AND title = :t")
                    .param("fp", ParsedFinding.locationFingerprint("Nessus", String.valueOf(p), place))
                    .param("s", system)
                    .param("t", "Plugin " + p)
                    .update();
        }

        // The first host is fixed in the very scan that re-keys: still the same two findings, open.
        JsonNode next = importNessus("2026-02-10", "10.0.0.2", new int[] {1, 2});
        ScanImportTest.assertCounts(next, 2, 0, 0, 0, 2);
        assertThat(plugin(1).get("id").asLong()).isEqualTo(id1);
        assertThat(plugin(2).get("id").asLong()).isEqualTo(id2);
        assertThat(ScanFixtures.count(
                        data,
                        "SELECT COUNT(*) FROM finding WHERE system_id = :s AND key_version = 2 AND status = 'OPEN'",
                        system))
                .isEqualTo(2);
        assertThat(fixedByHost(plugin(1))).containsEntry("10.0.0.1", true).containsEntry("10.0.0.2", false);

        // And the new key holds from then on.
        ScanImportTest.assertCounts(importNessus("2026-03-10", "10.0.0.2", new int[] {1, 2}), 2, 0, 0, 0, 2);
    }

    /** A .nessus report of plugin 7 ("Plugin 7", CVE-2024-10007) with the given severity attribute per host. */
    static byte[] plugin7(Object... hostAndSeverity) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" ?>\n<NessusClientData_v2><Report name=\"t\">\n");
        for (int i = 0; i < hostAndSeverity.length; i += 2) {
            b.append("<ReportHost name=\"")
                    .append(hostAndSeverity[i])
                    .append("\"><HostProperties></HostProperties>")
                    .append("<ReportItem port=\"443\" svc_name=\"www\" protocol=\"tcp\" severity=\"")
                    .append(hostAndSeverity[i + 1])
                    .append("\" pluginID=\"7\" pluginName=\"Plugin 7\" pluginFamily=\"G\">")
                    .append("<description>D</description><solution>S</solution><cve>CVE-2024-10007</cve></ReportItem>")
                    .append("</ReportHost>\n");
        }
        return b.append("</Report></NessusClientData_v2>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    JsonNode importBytes(String name, byte[] report, String date) {
        JsonNode scan = ScanFixtures.importReport(api, system, name, report, Map.of("scanDate", date));
        assertThat(scan.get("status").asString()).as(scan.toString()).isEqualTo("COMPLETED");
        return scan;
    }

    @Test
    void aSeverityChangeBetweenScansUpdatesTheSameFindingAndIsInItsHistory() {
        JsonNode first = importBytes("a.nessus", plugin7("10.0.0.1", 2, "10.0.0.2", 2), "2026-01-10");
        ScanImportTest.assertCounts(first, 1, 1, 0, 0, 0);
        JsonNode before = plugin(7);
        assertThat(before.get("severity").asString()).isEqualTo("MEDIUM");

        // The scanner now rates plugin 7 Critical on both hosts: the same finding, its severity updated.
        JsonNode second = importBytes("b.nessus", plugin7("10.0.0.1", 4, "10.0.0.2", 4), "2026-02-10");
        ScanImportTest.assertCounts(second, 1, 0, 0, 0, 1);
        JsonNode after = plugin(7);
        assertThat(after.get("id").asLong()).isEqualTo(before.get("id").asLong());
        assertThat(after.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(after.get("status").asString()).isEqualTo("OPEN");
        assertThat(LocalDate.parse(after.get("dueDate").asString()))
                .as("a raised severity shortens the time left")
                .isBefore(LocalDate.parse(before.get("dueDate").asString()));
        assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM finding WHERE system_id = :s", system))
                .isEqualTo(1);

        JsonNode history =
                api.get("/api/v1/findings/" + after.get("id").asLong()).json().get("history");
        JsonNode change = null;
        for (JsonNode h : history) {
            if (h.hasNonNull("toSeverity")) {
                change = h;
            }
        }
        assertThat(change).as(history.toString()).isNotNull();
        assertThat(change.get("fromSeverity").asString()).isEqualTo("MEDIUM");
        assertThat(change.get("toSeverity").asString()).isEqualTo("CRITICAL");
        assertThat(change.get("scanId").asLong()).isEqualTo(second.get("id").asLong());
        assertThat(change.get("to").asString()).isEqualTo("OPEN");

        // The same report again changes nothing; the page shows the change.
        ScanImportTest.assertCounts(
                importBytes("b.nessus", plugin7("10.0.0.1", 4, "10.0.0.2", 4), "2026-02-11"), 1, 0, 0, 0, 1);
        assertThat(ScanFixtures.count(data, """
                SELECT COUNT(*) FROM finding_history h JOIN finding f ON f.id = h.finding_id
                WHERE f.system_id = :s AND h.to_severity IS NOT NULL""", system)).isEqualTo(1);
    }

    @Test
    void onePluginAtTwoSeveritiesInOneReportStaysTwoFindingsAcrossReImports() {
        JsonNode first = importBytes("a.nessus", plugin7("10.0.0.1", 3, "10.0.0.2", 2), "2026-01-10");
        ScanImportTest.assertCounts(first, 2, 2, 0, 0, 0);
        ScanImportTest.assertCounts(
                importBytes("a.nessus", plugin7("10.0.0.1", 3, "10.0.0.2", 2), "2026-01-11"), 2, 0, 0, 0, 2);
        assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM finding WHERE system_id = :s", system))
                .isEqualTo(2);
        // The lower one's host is fixed: the higher (plain key) stays, the lower is closed.
        ScanImportTest.assertCounts(importBytes("c.nessus", plugin7("10.0.0.1", 3), "2026-01-12"), 1, 0, 0, 1, 1);
        assertThat(data.jdbc()
                        .sql("SELECT severity FROM finding WHERE system_id = :s AND status = 'OPEN'")
                        .param("s", system)
                        .query(String.class)
                        .single())
                .isEqualTo("HIGH");
    }

    @Test
    void findingsKeyedWithTheirSeverityBeforeV22AreReKeyedAndKeepTheirId() {
        importBytes("a.nessus", plugin7("10.0.0.1", 2), "2026-01-10");
        long id = plugin(7).get("id").asLong();
        // As stored before V22: tool + plugin + severity.
        data.jdbc()
                .sql("UPDATE finding SET fingerprint = :fp WHERE id = :id")
                .param("fp", ParsedFinding.mergedFingerprint("Nessus", "7", "MEDIUM"))
                .param("id", id)
                .update();

        JsonNode next = importBytes("b.nessus", plugin7("10.0.0.1", 3), "2026-02-10");
        ScanImportTest.assertCounts(next, 1, 0, 0, 0, 1);
        assertThat(plugin(7).get("id").asLong()).isEqualTo(id);
        assertThat(plugin(7).get("severity").asString()).isEqualTo("HIGH");
        assertThat(data.jdbc()
                        .sql("SELECT fingerprint FROM finding WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(ParsedFinding.mergedFingerprint("Nessus", "7"));
    }

    @Test
    void aNessusXmlImportDoesNotReKeyOrCloseAFindingOfANessusCsvImport() {
        String csv = "Plugin ID,CVE,CVSS,Risk,Host,Protocol,Port,Name,Synopsis,Description,Solution\n"
                + "7,CVE-2024-10007,5.0,Medium,10.0.0.1,tcp,443,Plugin 7,S,D,Fix\n";
        JsonNode fromCsv = importBytes("a.csv", csv.getBytes(StandardCharsets.UTF_8), "2026-01-10");
        ScanImportTest.assertCounts(fromCsv, 1, 1, 0, 0, 0);
        long csvId = plugin(7).get("id").asLong();
        assertThat(data.jdbc()
                        .sql("SELECT key_scheme FROM finding WHERE id = :id")
                        .param("id", csvId)
                        .query(String.class)
                        .single())
                .isEqualTo("nessus/place");
        // Make it a pre-V21 row whose old key is exactly what the XML import computes for its first place: without
        // format-aware re-keying the XML finding would take it over.
        String place = Location.endpoint("10.0.0.1", 443, "http").identity();
        String legacy = ParsedFinding.locationFingerprint("Nessus", "7", place);
        data.jdbc()
                .sql("UPDATE finding SET fingerprint = :fp, key_version = 1 WHERE id = :id")
                .param("fp", legacy)
                .param("id", csvId)
                .update();
        data.jdbc()
                .sql("UPDATE finding_location SET protocol = 'http', port = 443 WHERE finding_id = :id")
                .param("id", csvId)
                .update();

        JsonNode fromXml = importBytes("b.nessus", plugin7("10.0.0.1", 2), "2026-02-10");
        ScanImportTest.assertCounts(fromXml, 1, 1, 0, 0, 0);
        assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM finding WHERE system_id = :s", system))
                .isEqualTo(2);
        Map<String, Object> csvRow = data.jdbc()
                .sql("SELECT fingerprint, key_version, status FROM finding WHERE id = :id")
                .param("id", csvId)
                .query()
                .singleRow();
        assertThat(csvRow)
                .containsEntry("fingerprint", legacy)
                .containsEntry("key_version", 1)
                .containsEntry("status", "OPEN");

        // Control: the same row marked as written by an XML import is re-keyed by the next XML import.
        data.jdbc()
                .sql("DELETE FROM finding WHERE system_id = :s AND id <> :id")
                .param("s", system)
                .param("id", csvId)
                .update();
        data.jdbc()
                .sql("UPDATE finding SET key_scheme = 'nessus/merged' WHERE id = :id")
                .param("id", csvId)
                .update();
        ScanImportTest.assertCounts(importBytes("c.nessus", plugin7("10.0.0.1", 2), "2026-03-10"), 1, 0, 0, 0, 1);
        assertThat(plugin(7).get("id").asLong()).isEqualTo(csvId);
    }
}
