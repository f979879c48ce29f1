package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.parsing.Location;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.ReportParsers;

/**
 * Qualys VM CSV findings of the per-host keying (one finding per QID and host, before issue 9 point 22) after the
 * parser started giving one finding per QID with a location per host. The old rows are written here as the old parser
 * and V22 left them (tool + QID + the host's place, scheme {@code qualys/place}, first seen in a {@code .csv}); V159's
 * statement is run again over them; then a later CSV scan of the system is imported through the API. The per-host
 * findings must not stay open beside the merged ones: one takes the merged key, the others are closed as merged into
 * it, what the scan no longer reports is fixed, and people's decisions (accepted risk) and Qualys XML findings are left.
 */
class QualysCsvPerHostRekeyTest extends IntegrationTest {

    private static final String TOOL = "Qualys";

    TestData.Org unit;
    TestData.Person officer;
    long system;
    long oldScan;
    long nextId;

    @BeforeEach
    void systemWithAnOldCsvScan() {
        unit = data.org(data.root(), "Đơn vị Qualys cũ");
        officer = data.person(unit, Role.SECURITY_OFFICER);
        system = ScanFixtures.system(data, unit);
        oldScan = scan(system, "old-export.csv");
        nextId = data.jdbc()
                .sql("SELECT nextval('finding_id_block')")
                .query(Long.class)
                .single();
    }

    @Test
    void perHostFindingsAreTakenOverOrClosedByTheNextCsvScan() throws IOException {
        long h38173 = perHost(oldScan, "38173", "SSL Certificate", "h.example", 443, "OPEN");
        long i38173 = perHost(oldScan, "38173", "SSL Certificate", "i.example", 443, "REOPENED");
        long j38173 = perHost(oldScan, "38173", "SSL Certificate", "j.example", 8443, "ACCEPTED_RISK");
        long j11827 = perHost(oldScan, "11827", "HTTP Security Header Not Detected", "j.example", 80, "OPEN");
        long h99999 = perHost(oldScan, "99999", "Fixed since", "h.example", 22, "OPEN");
        long xmlScan = scan(system, "qualys-report.xml");
        long xml = perHost(xmlScan, "22222", "From a Qualys XML report", "k.example", 443, "OPEN");

        runV159();
        assertThat(scheme(h38173)).isEqualTo("qualys/csv-place");
        assertThat(scheme(xml)).as("first seen in an XML report").isEqualTo("qualys/place");

        JsonNode scan = ScanFixtures.importReport(
                http.api(officer.token()), system, "rescan.csv", fixture("qualys-per-host-rescan.csv"), Map.of());
        assertThat(scan.get("status").asString()).isEqualTo("COMPLETED");
        long scanId = scan.get("id").asLong();
        assertThat(scan.get("findings").get("created").asInt())
                .as("nothing new: both QIDs were known")
                .isZero();

        // The first per-host finding of each QID is now the merged one (same id, history kept), with every host.
        assertThat(scheme(h38173)).isEqualTo("qualys/merged");
        assertThat(scheme(j11827)).isEqualTo("qualys/merged");
        assertThat(status(h38173)).isEqualTo("OPEN");
        assertThat(hosts(h38173)).containsExactlyInAnyOrder("h.example", "i.example", "j.example");
        // The other active one is closed as merged into it, by this scan, and says so.
        assertThat(status(i38173)).isEqualTo("FIXED");
        assertThat(data.jdbc()
                        .sql("SELECT closed_by_scan_id FROM finding WHERE id = :id")
                        .param("id", i38173)
                        .query(Long.class)
                        .single())
                .isEqualTo(scanId);
        assertThat(data.jdbc()
                        .sql("SELECT reason FROM finding_history WHERE finding_id = :id AND to_status = 'FIXED'")
                        .param("id", i38173)
                        .query(String.class)
                        .single())
                .contains("#" + h38173);
        // A person's decision stays; what the full scan no longer reports is fixed; XML findings are another keying.
        assertThat(status(j38173)).isEqualTo("ACCEPTED_RISK");
        assertThat(status(h99999)).isEqualTo("FIXED");
        assertThat(status(xml)).isEqualTo("OPEN");
        assertThat(active()).containsExactlyInAnyOrder(h38173, j11827, xml);

        // The same scan again changes nothing.
        JsonNode again = ScanFixtures.importReport(
                http.api(officer.token()), system, "rescan.csv", fixture("qualys-per-host-rescan.csv"), Map.of());
        assertThat(again.get("findings").get("created").asInt()).isZero();
        assertThat(again.get("findings").get("closed").asInt()).isZero();
        assertThat(active()).containsExactlyInAnyOrder(h38173, j11827, xml);
    }

    @Test
    void perHostFindingsLeftOpenBesideMergedOnesAreClosedIntoThem() throws IOException {
        // The state the bug left: a CSV scan after the parser change made merged findings, the per-host ones stayed.
        JsonNode first = ScanFixtures.importReport(
                http.api(officer.token()),
                system,
                "first.csv",
                fixture("qualys-per-host-rescan.csv"),
                Map.of("fullScan", "false"));
        assertThat(first.get("findings").get("created").asInt()).isEqualTo(2);
        long h = perHost(oldScan, "38173", "SSL Certificate", "h.example", 443, "OPEN");
        long i = perHost(oldScan, "38173", "SSL Certificate", "i.example", 443, "OPEN");
        runV159();
        List<Long> merged = active().stream().filter(id -> id != h && id != i).toList();
        assertThat(merged).hasSize(2);

        ScanFixtures.importReport(
                http.api(officer.token()),
                system,
                "second.csv",
                fixture("qualys-per-host-rescan.csv"),
                Map.of("fullScan", "false"));
        assertThat(status(h)).isEqualTo("FIXED");
        assertThat(status(i)).isEqualTo("FIXED");
        assertThat(active()).containsExactlyInAnyOrderElementsOf(merged);
    }

    @Test
    void aRealQualysCsvExportClosesItsPerHostFindings() throws Exception {
        String dir = System.getProperty("khien.fixtures.dir");
        Path csv = dir == null ? null : Path.of(dir, "scans", "qualys", "monthly_pci_issue6932.csv");
        Assumptions.assumeTrue(
                csv != null && Files.isRegularFile(csv),
                "Shared Qualys CSV fixture not found: set khien.fixtures.dir to the shared fixtures folder; was "
                        + dir);
        List<ParsedFinding> parsed = new ArrayList<>();
        try (InputStream in = Files.newInputStream(csv)) {
            new ReportParsers().parse("qualys", in, parsed::add);
        }
        List<Long> perHost = new ArrayList<>();
        for (ParsedFinding f : parsed) {
            for (Location l : f.locations()) {
                perHost.add(
                        perHost(oldScan, ParsedFinding.ruleKey(f.vulnIdFromTool(), f.title()), f.title(), l, "OPEN"));
            }
        }
        runV159();
        ScanFixtures.importReport(
                http.api(officer.token()),
                system,
                csv.getFileName().toString(),
                Files.readAllBytes(csv),
                Map.of("format", "qualys"));
        assertThat(active()).as("one active finding per QID").hasSize(parsed.size());
        assertThat(ScanFixtures.count(
                        data,
                        "SELECT COUNT(*) FROM finding WHERE system_id = :s AND key_scheme = 'qualys/csv-place'"
                                + " AND status IN ('OPEN', 'REOPENED')",
                        system))
                .isZero();
    }

    // ---- the old state, as the per-host parser and V22 wrote it ----------------------------------------------------

    private long scan(long systemId, String reportName) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        data.jdbc()
                .sql("""
                INSERT INTO scan (system_id, format, tools, scan_date, full_scan, status, report_name, uploaded_at)
                VALUES (:s, 'qualys', 'Qualys', :d, TRUE, 'COMPLETED', :n, :at)""")
                .param("s", systemId)
                .param("d", Date.valueOf(LocalDate.of(2026, 6, 1)))
                .param("n", reportName)
                .param("at", Timestamp.from(Instant.parse("2026-06-01T03:00:00Z")))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private long perHost(long scanId, String qid, String title, String host, int port, String status) {
        return perHost(scanId, qid, "QID-" + qid + " | " + title, Location.endpoint(host, port, "tcp"), status);
    }

    /** One finding per QID and host: keyed by tool + QID (the rule) + the host's place, as the CSV parser did. */
    private long perHost(long scanId, String rule, String title, Location place, String status) {
        long id = nextId++;
        String fingerprint = ParsedFinding.locationFingerprint(TOOL, rule, place.identity());
        boolean risk = status.equals("ACCEPTED_RISK");
        data.jdbc()
                .sql("""
                INSERT INTO finding (id, system_id, tool, format, key_scheme, fingerprint, title, severity, severity_rank,
                    status, first_seen, last_seen, due_date, first_scan_id, last_scan_id, key_version, risk_reason,
                    risk_expires_on)
                VALUES (:id, :s, :tool, 'qualys', 'qualys/place', :fp, :title, 'MEDIUM', 2, :status, :seen, :seen,
                    :due, :scan, :scan, 2, :reason, :expires)""")
                .param("id", id)
                .param("s", system)
                .param("tool", TOOL)
                .param("fp", fingerprint)
                .param("title", title)
                .param("status", status)
                .param("seen", Date.valueOf(LocalDate.of(2026, 6, 1)))
                .param("due", Date.valueOf(LocalDate.of(2026, 9, 1)))
                .param("scan", scanId)
                .param("reason", risk ? "Chấp nhận đến khi thay máy" : null)
                .param("expires", risk ? Date.valueOf(LocalDate.of(2027, 5, 1)) : null)
                .update();
        data.jdbc()
                .sql("""
                INSERT INTO finding_location (finding_id, location_key, host, port, protocol, first_scan_id)
                VALUES (:f, :key, :host, :port, :protocol, :scan)""")
                .param("f", id)
                .param("key", place.identity())
                .param("host", place.host())
                .param("port", place.port())
                .param("protocol", place.protocol())
                .param("scan", scanId)
                .update();
        return id;
    }

    /** V159's statement, run again over the rows written above (it is idempotent). */
    private void runV159() throws IOException {
        try (InputStream in =
                getClass().getResourceAsStream("/db/migration/V159__qualys_csv_per_host_key_scheme.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder statement = new StringBuilder();
            for (String line : sql.split("\n")) {
                if (!line.startsWith("--")) {
                    statement.append(line).append('\n');
                }
            }
            data.jdbc().sql(statement.toString().trim().replaceAll(";$", "")).update();
        }
    }

    private byte[] fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/vulnerabilities/" + name)) {
            return in.readAllBytes();
        }
    }

    private String scheme(long id) {
        return data.jdbc()
                .sql("SELECT key_scheme FROM finding WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private String status(long id) {
        return data.jdbc()
                .sql("SELECT status FROM finding WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private List<String> hosts(long id) {
        return data.jdbc()
                .sql("SELECT host FROM finding_location WHERE finding_id = :id AND fixed = FALSE")
                .param("id", id)
                .query(String.class)
                .list();
    }

    private List<Long> active() {
        return data.jdbc()
                .sql("SELECT id FROM finding WHERE system_id = :s AND status IN ('OPEN', 'REOPENED')")
                .param("s", system)
                .query(Long.class)
                .list();
    }
}
