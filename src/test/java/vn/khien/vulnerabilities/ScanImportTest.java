package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** Import through the API: re-import semantics, rejected files leave nothing behind, roles. */
class ScanImportTest extends IntegrationTest {

    TestData.Org unit;
    TestData.Person officer;
    long system;

    @BeforeEach
    void systemWithOfficer() {
        unit = data.org(data.root(), "Đơn vị quét");
        officer = data.person(unit, Role.SECURITY_OFFICER);
        system = ScanFixtures.system(data, unit);
    }

    Http.Api api() {
        return http.api(officer.token());
    }

    static Map<String, int[]> hosts(Object... hostAndPlugins) {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (int i = 0; i < hostAndPlugins.length; i += 2) {
            m.put((String) hostAndPlugins[i], (int[]) hostAndPlugins[i + 1]);
        }
        return m;
    }

    JsonNode importNessus(Map<String, int[]> report, String date) {
        return ScanFixtures.importReport(
                api(), system, "r.nessus", ScanFixtures.nessus(report), Map.of("scanDate", date));
    }

    static void assertCounts(JsonNode scan, int parsed, int created, int reopened, int closed, int unchanged) {
        JsonNode f = scan.get("findings");
        assertThat(List.of(
                        f.get("parsed").asInt(),
                        f.get("created").asInt(),
                        f.get("reopened").asInt(),
                        f.get("closed").asInt(),
                        f.get("unchanged").asInt()))
                .as(scan.toString())
                .containsExactly(parsed, created, reopened, closed, unchanged);
    }

    @Test
    void reImportMatchesClosesAndReopens() {
        Map<String, int[]> both = hosts("10.0.0.1", new int[] {1, 2, 3}, "10.0.0.2", new int[] {2, 4});
        JsonNode first = importNessus(both, "2026-01-10");
        assertThat(first.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(first.get("format").asString()).isEqualTo("nessus");
        assertCounts(first, 4, 4, 0, 0, 0);

        // Same report twice: nothing changes.
        assertCounts(importNessus(both, "2026-01-11"), 4, 0, 0, 0, 4);

        // Host .2 fixed: plugin 4 (only on .2) is fixed by this scan; plugin 2 stays, its .2 location is fixed.
        JsonNode fixed = importNessus(hosts("10.0.0.1", new int[] {1, 2, 3}), "2026-02-01");
        assertCounts(fixed, 3, 0, 0, 1, 3);
        JsonNode page = api().get("/api/v1/systems/" + system + "/findings?status=FIXED")
                .json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        long fixedId = page.get("items").get(0).get("id").asLong();
        JsonNode detail = api().get("/api/v1/findings/" + fixedId).json();
        assertThat(detail.get("finding").get("title").asString()).isEqualTo("Plugin 4");
        assertThat(detail.get("finding").get("closedByScanId").asLong())
                .isEqualTo(fixed.get("id").asLong());
        assertThat(detail.get("history").get(0).get("to").asString()).isEqualTo("FIXED");
        JsonNode plugin2 = api().get("/api/v1/systems/" + system + "/findings?cve=CVE-2024-10002")
                .json()
                .get("items")
                .get(0);
        assertThat(plugin2.get("status").asString()).isEqualTo("OPEN");
        assertThat(plugin2.get("locations")).hasSize(2);
        assertThat(plugin2.get("locations").get(1).get("fixed").asBoolean()).isTrue();

        // Plugin 4 comes back: reopened.
        JsonNode back = importNessus(hosts("10.0.0.1", new int[] {1, 2, 3}, "10.0.0.2", new int[] {4}), "2026-03-01");
        assertCounts(back, 4, 0, 1, 0, 3);
        assertThat(api().get("/api/v1/findings/" + fixedId)
                        .json()
                        .get("finding")
                        .get("status")
                        .asString())
                .isEqualTo("REOPENED");

        // A partial scan closes nothing.
        JsonNode partial = ScanFixtures.importReport(
                api(),
                system,
                "p.nessus",
                ScanFixtures.nessus(hosts("10.0.0.1", new int[] {1})),
                Map.of("fullScan", "false", "scanDate", "2026-03-02"));
        assertCounts(partial, 1, 0, 0, 0, 1);
        assertThat(api().get("/api/v1/systems/" + system + "/findings?status=FIXED")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void dueDatesFollowTheSlaAndTheScanDate() {
        importNessus(hosts("10.0.0.9", new int[] {4, 3, 2, 1, 5}), "2026-01-01");
        Map<String, String> due = new LinkedHashMap<>();
        api().get("/api/v1/systems/" + system + "/findings")
                .json()
                .get("items")
                .forEach(i -> due.put(
                        i.get("severity").asString(),
                        i.get("dueDate").isNull() ? null : i.get("dueDate").asString()));
        assertThat(due)
                .containsEntry("CRITICAL", "2026-01-16")
                .containsEntry("HIGH", "2026-01-31")
                .containsEntry("MEDIUM", "2026-04-01")
                .containsEntry("LOW", "2026-06-30")
                .containsEntry("INFO", null);
        assertThat(api().get("/api/v1/systems/" + system + "/findings?overdue=true")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(4);
    }

    @Test
    void badFilesAre422AndLeaveNothing() throws Exception {
        byte[] good = ScanFixtures.nessus(hosts("10.1.1.1", new int[] {1, 2}));
        byte[] truncated = Arrays.copyOf(good, good.length - 60);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<NessusClientData_v2><Report><ReportHost name=\"&x;\"></ReportHost></Report></NessusClientData_v2>";
        String laughs =
                "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">"
                        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;\">]><NessusClientData_v2><Report><ReportHost name=\"&lol3;\">"
                        + "</ReportHost></Report></NessusClientData_v2>";
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("truncated.nessus", truncated);
        bad.put("xxe.nessus", xxe.getBytes(StandardCharsets.UTF_8));
        bad.put("laughs.nessus", laughs.getBytes(StandardCharsets.UTF_8));
        bad.put("bomb.zip", zipBomb());
        bad.put("garbage.bin", "this is not a report at all".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> e : bad.entrySet()) {
            Http.Response r = ScanFixtures.upload(api(), system, e.getKey(), e.getValue(), Map.of());
            assertThat(r.status()).as(e.getKey() + ": " + r.body()).isEqualTo(422);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
            assertThat(r.json().get("errors").get(0).get("message").asString())
                    .as(e.getKey())
                    .isNotBlank();
        }
        assertThat(r(api().upload("/api/v1/systems/" + system + "/scans", null, null, Map.of()))
                        .status())
                .isEqualTo(422);
        assertNothingStored();
    }

    @Test
    void aZipWithOneReportIsAccepted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("scan.nessus"));
            zip.write(ScanFixtures.nessus(hosts("10.2.2.2", new int[] {7, 8})));
            zip.closeEntry();
        }
        JsonNode scan = ScanFixtures.importReport(api(), system, "scan.zip", out.toByteArray(), Map.of());
        assertCounts(scan, 2, 2, 0, 0, 0);
    }

    @Test
    void auditorsMayReadButNotImport() {
        TestData.Person auditor = data.person(unit, Role.AUDITOR);
        Http.Response r = ScanFixtures.upload(
                http.api(auditor.token()),
                system,
                "r.nessus",
                ScanFixtures.nessus(hosts("10.3.3.3", new int[] {1})),
                Map.of());
        assertThat(r.status()).isEqualTo(403);
        assertThat(http.api(auditor.token())
                        .get("/api/v1/systems/" + system + "/findings")
                        .status())
                .isEqualTo(200);
        assertNothingStored();
    }

    @Test
    void aBackgroundImportIsPolledToCompletion() {
        // The test profile moves uploads above 512 KB to the background.
        int[] plugins = new int[300];
        for (int i = 0; i < plugins.length; i++) {
            plugins[i] = 1000 + i;
        }
        Map<String, int[]> big = new LinkedHashMap<>();
        for (int h = 0; h < 12; h++) {
            big.put("10.4.0." + h, plugins);
        }
        byte[] report = ScanFixtures.nessus(big);
        assertThat(report.length).isGreaterThan(512 * 1024);
        Http.Response r = ScanFixtures.upload(api(), system, "big.nessus", report, Map.of());
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.json().get("status").asString()).isIn("QUEUED", "RUNNING", "COMPLETED");
        JsonNode done = ScanFixtures.importReport(api(), system, "big.nessus", report, Map.of());
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("findings").get("parsed").asInt()).isEqualTo(300);
    }

    @Test
    void aFailedBackgroundImportIsMarkedFailedWithNoFindings() {
        byte[] big = ScanFixtures.nessus(hosts("10.5.0.1", new int[3000]));
        byte[] broken = Arrays.copyOf(big, big.length - 100);
        assertThat(broken.length).isGreaterThan(512 * 1024);
        Http.Response r = ScanFixtures.upload(api(), system, "broken.nessus", broken, Map.of());
        assertThat(r.status()).isEqualTo(202);
        JsonNode done = ScanFixtures.importReport(api(), system, "broken.nessus", broken, Map.of());
        assertThat(done.get("status").asString()).isEqualTo("FAILED");
        assertThat(done.get("error").asString()).isNotBlank();
        assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM finding WHERE system_id = :s", system))
                .isZero();
    }

    private static Http.Response r(Http.Response r) {
        return r;
    }

    private void assertNothingStored() {
        assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM scan WHERE system_id = :s", system))
                .isZero();
        assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM finding WHERE system_id = :s", system))
                .isZero();
        assertThat(ScanFixtures.count(data, """
                SELECT COUNT(*) FROM finding_location l JOIN finding f ON f.id = l.finding_id WHERE f.system_id = :s""", system)).isZero();
    }

    /** 50 MB of zeros compressed to ~50 KB: over the 100:1 ratio once past the first MB. */
    static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("report.nessus"));
            byte[] head = "<?xml version=\"1.0\"?><NessusClientData_v2><Report><!-- ".getBytes(StandardCharsets.UTF_8);
            zip.write(head);
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 50; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
