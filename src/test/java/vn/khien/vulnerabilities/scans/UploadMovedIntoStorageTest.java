package vn.khien.vulnerabilities.scans;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * Issue 15: an uploaded report is written once. The container writes the multipart body into {@code .incoming} of
 * the raw-report directory (same file system), the upload is moved from there into the storage, and the parser reads
 * the stored file: nothing is left in {@code .incoming}, the stored file is the upload byte for byte, and the local
 * storage takes a movable upload by moving it, never by reading it.
 */
class UploadMovedIntoStorageTest extends IntegrationTest {

    @Autowired
    MultipartConfigElement multipart;

    @Autowired
    ScanProperties properties;

    @Autowired
    ScanRepository scans;

    Path incoming() {
        return properties.reportsDir().toAbsolutePath().normalize().resolve(".incoming");
    }

    static long filesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void theContainerWritesUploadsNextToTheReportsAndTheImportMovesThemIntoStorage() throws Exception {
        assertThat(Path.of(multipart.getLocation())).isEqualTo(incoming());
        assertThat(incoming()).isDirectory();

        TestData.Org unit = data.org(data.root(), "Đơn vị tải lên một lần");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        long system = ScanTestSupport.system(data, unit);
        byte[] report = ScanTestSupport.nessus(Map.of("10.11.0.1", new int[] {1, 2, 3}));
        Http.Response r = http.api(officer.token())
                .upload("/api/v1/systems/" + system + "/scans", "mot-lan.nessus", report, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode scan = r.json();
        assertThat(scan.get("status").asString()).isEqualTo("COMPLETED");

        String ref = scans.find(scan.get("id").asLong()).orElseThrow().reportRef();
        Path stored = properties.reportsDir().toAbsolutePath().normalize().resolve(ref);
        assertThat(Files.readAllBytes(stored)).isEqualTo(report);
        assertThat(filesIn(incoming()))
                .as("the upload was moved, not left behind")
                .isZero();
    }

    @Test
    void theLocalStorageMovesAMovableUploadInsteadOfReadingIt() throws Exception {
        LocalReportStorage storage = new LocalReportStorage(properties);
        byte[] content = "<NessusClientData_v2/>".getBytes();
        MockMultipartFile file = new MockMultipartFile("file", "r.nessus", "application/xml", content);
        Upload movable = new Upload(
                "r.nessus",
                content.length,
                () -> {
                    throw new IOException("read instead of moved");
                },
                file::transferTo);
        String ref = storage.store(movable);
        try {
            assertThat(ref).endsWith(".nessus");
            try (var in = storage.open(ref)) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        } finally {
            storage.delete(ref);
        }
    }
}
