package vn.khien.vulnerabilities.scans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;
import vn.khien.vulnerabilities.parsing.ReportFormatException;

/**
 * The background-import harness: every kind of failure (a report the parsers reject with a message copied from the
 * file, NUL bytes included; a storage failure; a runtime exception; running out of memory or stack) ends FAILED with
 * its reason, a reason PostgreSQL can store, and the raw report is removed.
 */
class BackgroundImportFailureTest extends IntegrationTest {

    @Autowired
    ScanImportService imports;

    @Autowired
    ScanRepository scans;

    @Autowired
    ReportStorage storage;

    @Autowired
    ScanNodes nodes;

    long system;
    Http.Api api;

    @BeforeEach
    void systemWithOfficer() {
        TestData.Org unit = data.org(data.root(), "Đơn vị nhập nền");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        system = ScanTestSupport.system(data, unit);
        api = http.api(officer.token());
    }

    JsonNode uploadAndWait(String name, byte[] content) {
        Http.Response r = api.upload("/api/v1/systems/" + system + "/scans", name, content, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode scan = r.json();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!scan.get("status").asString().equals("COMPLETED")
                && !scan.get("status").asString().equals("FAILED")) {
            assertThat(System.currentTimeMillis())
                    .as("background import ends: " + scan)
                    .isLessThan(deadline);
            sleep();
            scan = api.get("/api/v1/scans/" + scan.get("id").asLong()).json();
        }
        return scan;
    }

    static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    void assertFailedWithReason(JsonNode scan, String... fragments) {
        assertThat(scan.get("status").asString()).as(scan.toString()).isEqualTo("FAILED");
        String error = scan.get("error").asString();
        assertThat(error).isNotBlank().doesNotContain("\u0000");
        assertThat(error.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t').count())
                .isZero();
        for (String f : fragments) {
            assertThat(error).contains(f);
        }
        assertThat(data.jdbc()
                        .sql("SELECT report_ref FROM scan WHERE id = :id")
                        .param("id", scan.get("id").asLong())
                        .query(String.class)
                        .optional())
                .as("raw report reference dropped")
                .isEmpty();
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM finding WHERE first_scan_id = :id")
                        .param("id", scan.get("id").asLong())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void zeroBytesEndFailedWithAStorableReason() {
        assertFailedWithReason(uploadAndWait("zeros.xml", new byte[700 * 1024]));
    }

    @Test
    void randomBytesWithNulEndFailed() {
        byte[] noise = new byte[700 * 1024];
        new Random(42).nextBytes(noise);
        assertFailedWithReason(uploadAndWait("noise.bin", noise));
    }

    @Test
    void aReportWithNulInsideItsTextEndsFailed() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<NessusClientData_v2><Report name=\"\u0000\">");
        while (b.length() < 600 * 1024) {
            b.append("<ReportHost name=\"h\u0000\u0001\">");
        }
        assertFailedWithReason(uploadAndWait("nul.nessus", b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A QUEUED scan with a stored raw file, as an upload leaves it, to drive the harness with any failure. */
    long queuedScanWithRaw() throws Exception {
        return queuedScanWithRaw(storage, scans, nodes, system);
    }

    static long queuedScanWithRaw(ReportStorage storage, ScanRepository scans, ScanNodes nodes, long system)
            throws IOException {
        byte[] raw = "raw".getBytes(StandardCharsets.UTF_8);
        String ref = storage.store("r.xml", raw.length, new ByteArrayInputStream(raw));
        return scans.insert(
                new ScanRepository.NewScan(
                        system,
                        "r.xml",
                        raw.length,
                        ref,
                        LocalDate.now(),
                        true,
                        ScanStatus.QUEUED,
                        null,
                        null,
                        Instant.now()),
                nodes.nodeId());
    }

    void failsWith(Supplier<Throwable> failure, String... fragments) throws Exception {
        long id = queuedScanWithRaw();
        String ref = scans.find(id).orElseThrow().reportRef();
        imports.runGuarded(id, () -> {
            Throwable t = failure.get();
            if (t instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) t;
        });
        assertFailedWithReason(api.get("/api/v1/scans/" + id).json(), fragments);
        assertThatThrownBy(() -> storage.open(ref).close())
                .as("raw report removed")
                .isInstanceOf(Exception.class);
    }

    @Test
    void everyKindOfFailureEndsFailedWithItsReason() throws Exception {
        failsWith(
                () -> new ScanImportService.ImportFailed(
                        new ReportFormatException("line 1: \u0000\u0000 not XML", null)),
                "line 1",
                "not XML");
        failsWith(() -> new IllegalStateException("disk gone \u0000 away"), "IllegalStateException", "disk gone");
        failsWith(() -> new UncheckedIOException(new IOException("no such report")), "no such report");
        failsWith(() -> new RuntimeException((String) null), "RuntimeException");
        failsWith(() -> new RuntimeException("x".repeat(1_000_000)), "RuntimeException");
        failsWith(OutOfMemoryError::new, "OutOfMemoryError");
        failsWith(StackOverflowError::new, "StackOverflowError");
    }

    @Test
    void aVanishedRawFileEndsFailed() throws Exception {
        long id = queuedScanWithRaw();
        storage.delete(scans.find(id).orElseThrow().reportRef());
        imports.runGuarded(id, () -> {
            try {
                storage.open(scans.find(id).orElseThrow().reportRef()).close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertFailedWithReason(api.get("/api/v1/scans/" + id).json());
    }

    @Test
    void anImportInterruptedByAStoppedNodeEndsFailedAndItsRawFileIsRemoved() throws Exception {
        long id = queuedScanWithRaw();
        String ref = scans.find(id).orElseThrow().reportRef();
        data.jdbc()
                .sql("UPDATE scan SET node_id = :n WHERE id = :id")
                .param("n", "gone-" + data.unique("n"))
                .param("id", id)
                .update();
        assertThat(nodes.failScansOfDeadNodes()).isGreaterThanOrEqualTo(1);
        JsonNode scan = api.get("/api/v1/scans/" + id).json();
        assertFailedWithReason(scan, "gián đoạn");
        assertThatThrownBy(() -> storage.open(ref).close())
                .as("raw report removed")
                .isInstanceOf(Exception.class);
    }
}
