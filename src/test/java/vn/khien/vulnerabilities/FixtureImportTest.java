package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.ReportParsers;

/**
 * Every report of the shared fixture manifest imported through the API into its own system: the scan's counts agree
 * with the parser (one stored finding per distinct fingerprint), severities and CVEs arrive in the database, and
 * expected rejections are a 422 that stores nothing.
 */
class FixtureImportTest extends IntegrationTest {

    @TestFactory
    Stream<DynamicTest> everyManifestReportImports() throws Exception {
        String dir = System.getProperty("khien.fixtures.dir");
        Path scans = dir == null ? null : Path.of(dir, "scans");
        Assumptions.assumeTrue(
                scans != null && Files.isRegularFile(scans.resolve("manifest.json")),
                "Scanner fixtures not found: set system property khien.fixtures.dir to the shared fixtures folder; was "
                        + dir);
        JsonNode manifest = JsonMapper.builder()
                .build()
                .readTree(scans.resolve("manifest.json").toFile());
        TestData.Org unit = data.org(data.root(), "Đơn vị mẫu báo cáo");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : manifest.get("entries")) {
            String file = entry.get("file").asString();
            tests.add(DynamicTest.dynamicTest(file, () -> {
                try {
                    importEntry(http.api(officer.token()), ScanFixtures.system(data, unit), scans, entry);
                } catch (Exception | AssertionError e) {
                    throw new AssertionError(file + ": " + e.getMessage(), e);
                }
            }));
        }
        return tests.stream();
    }

    private void importEntry(Http.Api api, long system, Path scans, JsonNode entry) throws Exception {
        String format = entry.get("format").asString();
        Path file = scans.resolve(entry.get("file").asString());
        byte[] content = Files.readAllBytes(file);
        if (entry.has("expected_error")) {
            Http.Response r =
                    ScanFixtures.upload(api, system, file.getFileName().toString(), content, Map.of("format", format));
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM scan WHERE system_id = :s", system))
                    .isZero();
            assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM finding WHERE system_id = :s", system))
                    .isZero();
            return;
        }
        List<ParsedFinding> parsed = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            new ReportParsers().parse(format, in, parsed::add);
        }
        Map<String, ParsedFinding> distinct = new HashMap<>();
        parsed.forEach(f -> distinct.putIfAbsent(f.toolName() + "|" + f.fingerprint(), f));

        JsonNode scan = ScanFixtures.importReport(
                api, system, file.getFileName().toString(), content, Map.of("format", format));
        assertThat(scan.get("status").asString()).as(scan.toString()).isEqualTo("COMPLETED");
        JsonNode counts = scan.get("findings");
        assertThat(counts.get("parsed").asInt()).isEqualTo(parsed.size());
        if (entry.hasNonNull("expected_findings")) {
            assertThat(counts.get("parsed").asInt())
                    .isEqualTo(entry.get("expected_findings").asInt());
        }
        assertThat(counts.get("created").asInt()).isEqualTo(distinct.size());
        assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM finding WHERE system_id = :s", system))
                .isEqualTo(distinct.size());

        Map<String, Long> expectedSeverities = new TreeMap<>();
        distinct.values().forEach(f -> expectedSeverities.merge(f.severity().name(), 1L, Long::sum));
        Map<String, Long> stored = new TreeMap<>();
        data.jdbc()
                .sql("SELECT severity, COUNT(*) FROM finding WHERE system_id = :s GROUP BY severity")
                .param("s", system)
                .query(rs -> {
                    stored.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(stored).isEqualTo(expectedSeverities);
        long withCve = distinct.values().stream()
                .filter(f -> f.vulnerabilityIds().stream().anyMatch(id -> !id.isBlank()))
                .count();
        assertThat(ScanFixtures.count(
                        data, "SELECT COUNT(*) FROM finding WHERE system_id = :s AND cves IS NOT NULL", system))
                .isEqualTo(withCve);
    }
}
