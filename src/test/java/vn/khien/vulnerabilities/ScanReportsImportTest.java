package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The project's own test reports ({@code src/test/resources/reports/<format>/}) through the API: every format's
 * malformed report is a Vietnamese problem+json naming the file and leaves nothing behind; the report classes of
 * issue 9 point 22 (empty file with its format stated, one Qualys QID on several hosts).
 */
class ScanReportsImportTest extends IntegrationTest {

    TestData.Org unit;
    TestData.Person officer;
    long system;

    @BeforeEach
    void systemWithOfficer() {
        unit = data.org(data.root(), "Đơn vị báo cáo thử");
        officer = data.person(unit, Role.SECURITY_OFFICER);
        system = ScanFixtures.system(data, unit);
    }

    Http.Api api() {
        return http.api(officer.token());
    }

    static byte[] report(String format, String name) throws Exception {
        return Files.readAllBytes(Path.of(ScanReportsImportTest.class
                .getResource("/reports/" + format + "/" + name)
                .toURI()));
    }

    @Test
    void everyFormatsMalformedReportIsAVietnameseProblemAndLeavesNothing() throws Exception {
        Path root = Path.of(ScanReportsImportTest.class.getResource("/reports").toURI());
        List<Path> malformed;
        try (Stream<Path> files = Files.walk(root)) {
            malformed = files.filter(p -> p.getFileName().toString().startsWith("malformed"))
                    .sorted()
                    .toList();
        }
        assertThat(malformed).hasSizeGreaterThanOrEqualTo(13);
        for (Path p : malformed) {
            String format = p.getParent().getFileName().toString();
            Http.Response r =
                    ScanFixtures.upload(api(), system, p.getFileName().toString(), bytes(p), Map.of("format", format));
            assertThat(r.status()).as(format + ": " + r.body()).isEqualTo(422);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            JsonNode error = r.json().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("file");
            assertThat(error.get("message").asString())
                    .as(format)
                    .startsWith("Không đọc được báo cáo")
                    .contains("Không có dữ liệu nào được lưu");
        }
        assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM scan WHERE system_id = :s", system))
                .isZero();
        assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM finding WHERE system_id = :s", system))
                .isZero();
    }

    @Test
    void anEmptyFileWithItsFormatStatedIsACompletedImportOfNothingThatClosesNothing() throws Exception {
        JsonNode first = ScanFixtures.importReport(
                api(),
                system,
                "one.nessus",
                report("nessus", "several-hosts.nessus"),
                Map.of("scanDate", "2026-03-01"));
        ScanImportTest.assertCounts(first, 3, 3, 0, 0, 0);
        for (String format : new String[] {"nessus", "sarif", "qualys", "generic"}) {
            JsonNode empty = ScanFixtures.importReport(
                    api(),
                    system,
                    "empty-" + format,
                    new byte[0],
                    Map.of("format", format, "scanDate", "2026-03-02", "fullScan", "true"));
            assertThat(empty.get("status").asString()).as(empty.toString()).isEqualTo("COMPLETED");
            assertThat(empty.get("format").asString()).isEqualTo(format);
            ScanImportTest.assertCounts(empty, 0, 0, 0, 0, 0);
        }
        assertThat(ScanFixtures.count(
                        data, "SELECT COUNT(*) FROM finding WHERE system_id = :s AND status = 'FIXED'", system))
                .isZero();
        // without a stated format an empty file is still not a report
        Http.Response r = ScanFixtures.upload(api(), system, "empty.bin", new byte[0], Map.of());
        assertThat(r.status()).isEqualTo(422);
    }

    @Test
    void aQualysCsvQidOnSeveralHostsIsOneFindingWithItsLocations() throws Exception {
        JsonNode scan = ScanFixtures.importReport(
                api(),
                system,
                "qualys.csv",
                report("qualys", "one-qid-several-hosts.csv"),
                Map.of("scanDate", "2026-03-01"));
        ScanImportTest.assertCounts(scan, 2, 2, 0, 0, 0);
        assertThat(scan.get("findings").get("locations").asInt()).isEqualTo(4);
        assertThat(ScanFixtures.count(data, """
                SELECT COUNT(*) FROM finding_location l JOIN finding f ON f.id = l.finding_id
                WHERE f.system_id = :s AND f.title LIKE 'QID-38173 %'""", system)).isEqualTo(3);
        // the same export again: the same two findings
        ScanImportTest.assertCounts(
                ScanFixtures.importReport(
                        api(),
                        system,
                        "qualys.csv",
                        report("qualys", "one-qid-several-hosts.csv"),
                        Map.of("scanDate", "2026-03-02")),
                2,
                0,
                0,
                0,
                2);
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
