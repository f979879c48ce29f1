package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

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
        JsonNode scan = ScanFixtures.importReport(api, system, "r.nessus", ScanFixtures.nessus(m), Map.of("scanDate", date));
        assertThat(scan.get("status").asString()).as(scan.toString()).isEqualTo("COMPLETED");
        return scan;
    }

    JsonNode plugin(int p) {
        JsonNode items = api.get("/api/v1/systems/" + system + "/findings?cve=CVE-2024-" + (10000 + p)).json().get("items");
        assertThat(items).as("one finding for plugin " + p).hasSize(1);
        return items.get(0);
    }

    Map<String, Boolean> fixedByHost(JsonNode finding) {
        Map<String, Boolean> m = new HashMap<>();
        api.get("/api/v1/findings/" + finding.get("id").asLong()).json().get("finding").get("locations")
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
        assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM finding WHERE system_id = :s", system)).isEqualTo(2);

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
        assertThat(fixedByHost(plugin(1))).containsEntry("10.0.0.1", true).containsEntry("10.0.0.2", true)
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
            data.jdbc().sql("UPDATE finding SET fingerprint = :fp, key_version = 1 WHERE system_id = :s AND title = :t")
                    .param("fp", ParsedFinding.locationFingerprint("Nessus", String.valueOf(p), place))
                    .param("s", system).param("t", "Plugin " + p).update();
        }

        // The first host is fixed in the very scan that re-keys: still the same two findings, open.
        JsonNode next = importNessus("2026-02-10", "10.0.0.2", new int[] {1, 2});
        ScanImportTest.assertCounts(next, 2, 0, 0, 0, 2);
        assertThat(plugin(1).get("id").asLong()).isEqualTo(id1);
        assertThat(plugin(2).get("id").asLong()).isEqualTo(id2);
        assertThat(ScanFixtures.count(data,
                "SELECT COUNT(*) FROM finding WHERE system_id = :s AND key_version = 2 AND status = 'OPEN'", system))
                .isEqualTo(2);
        assertThat(fixedByHost(plugin(1))).containsEntry("10.0.0.1", true).containsEntry("10.0.0.2", false);

        // And the new key holds from then on.
        ScanImportTest.assertCounts(importNessus("2026-03-10", "10.0.0.2", new int[] {1, 2}), 2, 0, 0, 0, 2);
    }
}
