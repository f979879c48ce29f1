package vn.khien.vulnerabilities.scans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;
import vn.khien.vulnerabilities.findings.SlaDays;
import vn.khien.vulnerabilities.parsing.ReportFormatException;
import vn.khien.vulnerabilities.parsing.ReportParsers;

/**
 * The import pipeline (ADR 0061): the places of a first import are written while the report is read and end as the
 * usual import writes them; two findings that end with one key fall back to the usual import; a parse error after the
 * writer wrote batches leaves nothing; a writer error stops the parser and the import ends FAILED with its reason.
 */
class ImportPipelineTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ScanImportService imports;

    @Autowired
    ScanRepository scans;

    @Autowired
    ReportStorage storage;

    @Autowired
    ScanNodes nodes;

    TestData.Org unit;
    Http.Api api;

    @BeforeEach
    void officer() {
        unit = data.org(data.root(), "Đơn vị đường ống nhập");
        api = http.api(data.person(unit, Role.SECURITY_OFFICER).token());
    }

    /** {@code hosts} × {@code plugins} items (plugin ids from 100, severity id % 5), each host on its own address. */
    static byte[] report(int hosts, int plugins) {
        Map<String, int[]> byHost = new LinkedHashMap<>();
        int[] ids = new int[plugins];
        for (int p = 0; p < plugins; p++) {
            ids[p] = 100 + p;
        }
        for (int h = 0; h < hosts; h++) {
            byHost.put("10.9." + (h / 250) + "." + (h % 250 + 1), ids);
        }
        return ScanTestSupport.nessus(byHost);
    }

    JsonNode upload(long system, byte[] content, String fullScan) {
        Http.Response r =
                api.upload("/api/v1/systems/" + system + "/scans", "r.nessus", content, Map.of("fullScan", fullScan));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** Every finding of the system with its places, as comparable text (no ids, no scan ids). */
    List<String> stored(long system) {
        return data
                .jdbc()
                .sql("""
                        SELECT f.tool, f.format, f.key_scheme, f.fingerprint, f.title, f.severity, f.severity_rank,
                            f.cves, f.cwes, f.description, f.solution, f.primary_host, f.status, f.due_date,
                            f.key_version, l.location_key, l.host, l.port, l.protocol, l.fixed
                        FROM finding f JOIN finding_location l ON l.finding_id = f.id
                        WHERE f.system_id = :s AND f.title <> 'Seed'""")
                .param("s", system)
                .query((rs, i) -> {
                    StringBuilder b = new StringBuilder();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        b.append(rs.getString(c)).append('|');
                    }
                    return b.toString();
                })
                .list()
                .stream()
                .sorted()
                .toList();
    }

    @Test
    void aFirstImportWrittenWhileReadEndsAsTheUsualImport() {
        byte[] report = report(40, 30); // 1,200 places: more than one batch of the writer on H2
        long early = ScanTestSupport.system(data, unit);
        JsonNode first = upload(early, report, "true");
        // The usual path: a system that already has a finding of the tool (so nothing is written early).
        long usual = ScanTestSupport.system(data, unit);
        upload(usual, seed(), "false");
        JsonNode second = upload(usual, report, "false");
        assertThat(first.get("findings").get("created").asInt()).isEqualTo(30);
        assertThat(first.get("findings").get("locations").asInt()).isEqualTo(1200);
        assertThat(first.get("findings")).isEqualTo(second.get("findings"));
        List<String> rows = stored(early);
        assertThat(rows).hasSize(1200).isEqualTo(stored(usual));
        assertThat(String.join("\n", rows)).doesNotContain("~early");
    }

    /** One finding of another plugin, titled "Seed". */
    static byte[] seed() {
        return ("<?xml version=\"1.0\" ?>\n<NessusClientData_v2><Report name=\"t\"><ReportHost name=\"10.8.0.1\">"
                        + "<ReportItem port=\"22\" svc_name=\"ssh\" protocol=\"tcp\" severity=\"2\" pluginID=\"9\""
                        + " pluginName=\"Seed\"><description>d</description></ReportItem></ReportHost></Report>"
                        + "</NessusClientData_v2>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void twoFindingsEndingWithOneKeyAreImportedTheUsualWay() {
        // Plugin 7 under two names at one severity: two groups while read, one key at the end (one finding).
        String xml = "<?xml version=\"1.0\" ?>\n<NessusClientData_v2><Report name=\"t\">"
                + "<ReportHost name=\"10.7.0.1\"><ReportItem port=\"443\" svc_name=\"www\" protocol=\"tcp\""
                + " severity=\"3\" pluginID=\"7\" pluginName=\"Old name\"><cve>CVE-2024-1</cve></ReportItem>"
                + "</ReportHost><ReportHost name=\"10.7.0.2\"><ReportItem port=\"443\" svc_name=\"www\""
                + " protocol=\"tcp\" severity=\"3\" pluginID=\"7\" pluginName=\"New name\"><cve>CVE-2024-2</cve>"
                + "</ReportItem></ReportHost></Report></NessusClientData_v2>\n";
        long system = ScanTestSupport.system(data, unit);
        JsonNode scan = upload(system, xml.getBytes(StandardCharsets.UTF_8), "true");
        assertThat(scan.get("findings").get("created").asInt()).isEqualTo(1);
        assertThat(scan.get("findings").get("locations").asInt()).isEqualTo(2);
        assertThat(data.jdbc()
                        .sql("SELECT f.title || ' ' || COUNT(l.id) FROM finding f JOIN finding_location l"
                                + " ON l.finding_id = f.id WHERE f.system_id = :s GROUP BY f.title")
                        .param("s", system)
                        .query(String.class)
                        .list())
                .containsExactly("Old name 2");
    }

    /** A report whose last host is cut off in the middle of an element. */
    static byte[] brokenAtTheEnd(int hosts, int plugins) {
        String whole = new String(report(hosts, plugins), StandardCharsets.UTF_8);
        String cut = whole.substring(0, whole.lastIndexOf("</ReportHost>"));
        return (cut + "<ReportItem port=\"1\" <<</Report>").getBytes(StandardCharsets.UTF_8);
    }

    long newScan(long system) {
        return scans.insert(
                new ScanRepository.NewScan(
                        system,
                        "r.nessus",
                        1,
                        "none",
                        LocalDate.now(),
                        true,
                        ScanStatus.RUNNING,
                        null,
                        null,
                        Instant.now()),
                nodes.nodeId());
    }

    long findingsOf(long system) {
        return data.jdbc()
                .sql("SELECT COUNT(*) FROM finding WHERE system_id = :s")
                .param("s", system)
                .query(Long.class)
                .single();
    }

    @Test
    void aParseErrorAfterTheWriterWroteBatchesLeavesNothing() {
        long system = ScanTestSupport.system(data, unit);
        // 12,450 places: more than one batch of the writer (1,000 places on H2, 10,000 with COPY on PostgreSQL)
        byte[] report = brokenAtTheEnd(250, 50);
        int[] written = {-1};
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    long scan = newScan(system);
                    try (ImportRun run = new ImportRun(
                            jdbc, system, scan, null, LocalDate.now(), SlaDays.PLATFORM_DEFAULT, Instant.now())) {
                        try {
                            new ReportParsers().parse("nessus", new ByteArrayInputStream(report), run);
                        } catch (ReportFormatException e) {
                            written[0] = run.batchesWrittenOnceQueuedAre();
                            throw new IllegalStateException(e);
                        }
                    }
                }))
                .hasCauseInstanceOf(ReportFormatException.class);
        assertThat(written[0]).as("batches written before the error").isGreaterThanOrEqualTo(1);
        assertThat(findingsOf(system)).isZero();
    }

    @Test
    void aBackgroundImportBrokenAtTheEndEndsFailedAndKeepsNothing() {
        long system = ScanTestSupport.system(data, unit);
        byte[] report = brokenAtTheEnd(120, 50); // above the tests' 512 KB: imported in the background
        assertThat(report.length).isGreaterThan(512 * 1024);
        Http.Response r = api.upload("/api/v1/systems/" + system + "/scans", "r.nessus", report, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        long id = r.json().get("id").asLong();
        JsonNode scan = r.json();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!scan.get("status").asString().equals("FAILED")
                && !scan.get("status").asString().equals("COMPLETED")) {
            assertThat(System.currentTimeMillis()).as("import ends").isLessThan(deadline);
            BackgroundImportFailureTest.sleep();
            scan = api.get("/api/v1/scans/" + id).json();
        }
        assertThat(scan.get("status").asString()).isEqualTo("FAILED");
        assertThat(scan.get("error").asString()).containsIgnoringCase("line");
        assertThat(data.jdbc()
                        .sql("SELECT report_ref FROM scan WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .optional())
                .as("raw report reference dropped")
                .isEmpty();
        assertThat(findingsOf(system)).isZero();
    }

    @Test
    void aWriterErrorStopsTheParserAndTheImportEndsFailedWithTheDatabasesReason() throws Exception {
        long system = ScanTestSupport.system(data, unit);
        // 75,000 places: many more batches than the writer's queue holds, so the parser cannot reach the end by
        // running ahead of a writer that failed
        byte[] report = report(1500, 50);
        AtomicLong read = new AtomicLong();
        long queued = BackgroundImportFailureTest.queuedScanWithRaw(storage, scans, nodes, system);
        String ref = scans.find(queued).orElseThrow().reportRef();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Throwable[] thrown = {null};
        imports.runGuarded(queued, () -> {
            try {
                tx.executeWithoutResult(s -> {
                    // no scan of this id: the writer's first INSERT breaks a foreign key
                    try (ImportRun run = new ImportRun(
                                    jdbc, system, -1, null, LocalDate.now(), SlaDays.PLATFORM_DEFAULT, Instant.now());
                            InputStream in = counting(new ByteArrayInputStream(report), read)) {
                        new ReportParsers().parse("nessus", in, run);
                        run.endOfReport();
                        run.finish();
                    } catch (ReportFormatException | IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
            } catch (RuntimeException e) {
                thrown[0] = e;
                throw e;
            }
        });
        assertThat(thrown[0]).isNotNull();
        assertThat(read.get()).as("the parser stopped early").isLessThan(report.length / 2);
        JsonNode scan = api.get("/api/v1/scans/" + queued).json();
        assertThat(scan.get("status").asString()).isEqualTo("FAILED");
        assertThat(scan.get("error").asString()).containsIgnoringCase("constraint");
        assertThatThrownBy(() -> storage.open(ref).close()).as("raw report removed");
        assertThat(findingsOf(system)).isZero();
    }

    static InputStream counting(InputStream in, AtomicLong read) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    read.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    read.addAndGet(n);
                }
                return n;
            }
        };
    }
}
