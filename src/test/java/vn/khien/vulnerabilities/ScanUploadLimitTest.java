package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * An upload over the configured limit ({@code khien.scans.max-upload-size}, which also sets the multipart limit) is a
 * 422 problem+json whose message names the limit in Vietnamese, and nothing is stored: no scan row, no raw file.
 * The same upload through the page form goes back to the page with the form message (UploadSizeLimitFilter), not
 * Tomcat's bare 413. Own context: the limit is lowered to 1 MB.
 */
@TestPropertySource(
        properties = {
            "khien.scans.max-upload-size=1MB",
            "spring.servlet.multipart.max-file-size=1MB",
            "spring.servlet.multipart.max-request-size=2MB",
            "khien.scans.reports-dir=target/test-reports-limit"
        })
class ScanUploadLimitTest extends IntegrationTest {

    static final Path REPORTS = Path.of("target/test-reports-limit");

    static long files() throws IOException {
        if (!Files.isDirectory(REPORTS)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(REPORTS)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void anOversizedUploadIsRefusedWithTheLimitAndLeavesNothing() throws Exception {
        TestData.Org unit = data.org(data.root(), "Đơn vị giới hạn tải lên");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        long system = ScanFixtures.system(data, unit);
        Http.Api api = http.api(officer.token());
        long filesBefore = files();

        byte[] big = new byte[1024 * 1024 + 200_000];
        Arrays.fill(big, (byte) ' ');
        byte[] head = "<?xml version=\"1.0\"?><NessusClientData_v2>".getBytes();
        System.arraycopy(head, 0, big, 0, head.length);
        Http.Response r = ScanFixtures.upload(api, system, "qua-lon.nessus", big, Map.of());

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = r.json();
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("message").asString()).isEqualTo("Tệp quá lớn: tối đa 1 MB.");
        assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM scan WHERE system_id = :s", system))
                .isZero();
        assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM finding WHERE system_id = :s", system))
                .isZero();
        assertThat(files()).as("no raw report kept").isEqualTo(filesBefore);

        // Just under the limit is read (and, being an empty Nessus report, imported with no findings).
        byte[] small = "<?xml version=\"1.0\"?><NessusClientData_v2><Report name=\"t\"></Report></NessusClientData_v2>"
                .getBytes();
        JsonNode ok = ScanFixtures.importReport(api, system, "nho.nessus", small, Map.of());
        assertThat(ok.get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void anOversizedUploadThroughThePageFormGetsTheFormMessageNotTomcats413() throws Exception {
        TestData.Org unit = data.org(data.root(), "Đơn vị giới hạn biểu mẫu");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        long system = ScanFixtures.system(data, unit);
        Http.Session session = http.session();
        assertThat(session.login(officer.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        assertThat(session.get("/systems/" + system + "/scans").status()).isEqualTo(200);
        long filesBefore = files();

        byte[] big = new byte[1024 * 1024 + 200_000];
        Arrays.fill(big, (byte) ' ');
        Http.Response r = session.upload("/systems/" + system + "/scans", "qua-lon.nessus", big, Map.of());
        // Refused before Spring Security's CSRF filter reads the body: back to the page (303), not Tomcat's 413.
        assertThat(r.status()).as(r.body()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo("/systems/" + system + "/scans?uploadTooLarge");
        r = session.get(r.header("Location"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body())
                .contains("id=\"scan-error\"")
                .contains("Tệp quá lớn: tối đa 1 MB.")
                .doesNotContain("Tệp tải lên vượt quá dung lượng cho phép");
        // Other pages with upload forms get the general message in the layout.
        assertThat(session.get("/?uploadTooLarge").body()).contains("Tệp tải lên vượt quá dung lượng cho phép");
        assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM scan WHERE system_id = :s", system))
                .isZero();
        assertThat(files()).as("no raw report kept").isEqualTo(filesBefore);
    }
}
