package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.scans.ReportStorage;
import vn.khien.vulnerabilities.scans.ReportStorageProperties;
import vn.khien.vulnerabilities.scans.S3ReportStorage;

/**
 * Raw reports in an S3-compatible bucket ({@code khien.reports.storage=s3}) against a real server: S3Proxy, copied to
 * target/s3proxy by the build (maven-dependency-plugin) and run as a separate process with in-memory storage and
 * AWS v2/v4 signatures. Its own Spring context: imports through the API store the uploaded bytes as an object, a
 * background import reads its report back from the bucket, a rejected import leaves no object, and a report of
 * unknown size goes up as a multipart upload.
 */
class S3ReportStorageTest extends IntegrationTest {

    static final String BUCKET = "khien-reports";
    static final String PREFIX = "bao-cao/";
    static final String ACCESS_KEY = "khien-test";
    static final String SECRET_KEY = "khien-test-secret-0123456789";
    static Process server;
    static String endpoint;

    @Autowired
    ReportStorage storage;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) throws Exception {
        start();
        registry.add("khien.reports.storage", () -> "s3");
        registry.add("khien.reports.s3.endpoint", () -> endpoint);
        registry.add("khien.reports.s3.bucket", () -> BUCKET);
        registry.add("khien.reports.s3.region", () -> "us-east-1");
        registry.add("khien.reports.s3.access-key", () -> ACCESS_KEY);
        registry.add("khien.reports.s3.secret-key", () -> SECRET_KEY);
        registry.add("khien.reports.s3.path-style", () -> "true");
        registry.add("khien.reports.s3.prefix", () -> PREFIX);
        registry.add("khien.reports.s3.part-size", () -> "5MB");
        registry.add("khien.scans.background-threshold", () -> "64KB");
    }

    static synchronized void start() throws Exception {
        if (server != null) {
            return;
        }
        Path jar = Path.of("target", "s3proxy", "s3proxy.jar");
        assertThat(jar)
                .as("S3Proxy is copied by maven-dependency-plugin in process-test-resources")
                .exists();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        endpoint = "http://127.0.0.1:" + port;
        Path dir = Files.createTempDirectory("s3proxy");
        Path props = dir.resolve("s3proxy.properties");
        Files.writeString(
                props,
                String.join(
                        "\n",
                        "s3proxy.endpoint=" + endpoint,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + ACCESS_KEY,
                        "s3proxy.credential=" + SECRET_KEY,
                        "jclouds.provider=transient",
                        "jclouds.identity=" + ACCESS_KEY,
                        "jclouds.credential=" + SECRET_KEY,
                        ""));
        Path log = Path.of("target", "s3proxy", "s3proxy.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        server = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "--properties", props.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                break;
            } catch (IOException notYet) {
                assertThat(server.isAlive())
                        .as("S3Proxy runs; its log: %s", Files.readString(log))
                        .isTrue();
                assertThat(System.currentTimeMillis())
                        .as("S3Proxy listens within 60 s")
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
        }
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
    }

    static S3Client client() {
        return S3ReportStorage.client(new ReportStorageProperties.S3(
                endpoint, BUCKET, "us-east-1", ACCESS_KEY, SECRET_KEY, true, PREFIX, null, null));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    static List<String> keys() {
        try (S3Client s3 = client()) {
            return s3.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents().stream()
                    .map(S3Object::key)
                    .toList();
        }
    }

    static byte[] object(String key) {
        try (S3Client s3 = client()) {
            ResponseBytes<GetObjectResponse> b =
                    s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key));
            return b.asByteArray();
        }
    }

    @Test
    void importsKeepTheRawReportInTheBucketAndARejectedOneLeavesNoObject() {
        assertThat(storage).isInstanceOf(S3ReportStorage.class);
        TestData.Org unit = data.org(data.root(), "Đơn vị lưu trữ S3");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        long system = ScanFixtures.system(data, unit);
        Http.Api api = http.api(officer.token());

        // Imported while the request waits (under the 64 KB background threshold).
        byte[] report = ScanFixtures.nessus(Map.of("10.0.0.1", new int[] {11, 12}, "10.0.0.2", new int[] {11}));
        JsonNode scan = ScanFixtures.importReport(api, system, "quet.nessus", report, Map.of());
        assertThat(scan.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(scan.get("findings").get("created").asInt()).isEqualTo(2);
        String ref = reportRef(scan.get("id").asLong());
        assertThat(ref).endsWith(".nessus");
        assertThat(keys()).contains(PREFIX + ref);
        assertThat(object(PREFIX + ref)).isEqualTo(report);

        // In the background: the import reads the report back from the bucket.
        Map<String, int[]> many = new LinkedHashMap<>();
        for (int h = 1; h <= 120; h++) {
            many.put("10.1.0." + h, new int[] {11, 12, 21});
        }
        byte[] big = ScanFixtures.nessus(many);
        assertThat(big.length).isGreaterThan(64 * 1024);
        JsonNode background = ScanFixtures.importReport(api, system, "lon.nessus", big, Map.of());
        assertThat(background.get("status").asString())
                .as(background.toString())
                .isEqualTo("COMPLETED");
        assertThat(background.get("findings").get("created").asInt()).isEqualTo(1);
        assertThat(object(PREFIX + reportRef(background.get("id").asLong()))).isEqualTo(big);

        // A rejected report: 422, no scan row, no object left behind.
        List<String> before = keys();
        long scansBefore = ScanFixtures.count(data, "SELECT COUNT(*) FROM scan WHERE system_id = :s", system);
        Http.Response bad = ScanFixtures.upload(
                api,
                system,
                "hong.nessus",
                "<?xml version=\"1.0\"?><NessusClientData_v2><Report name=\"t\"><ReportHost name=\"a\">"
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM scan WHERE system_id = :s", system))
                .isEqualTo(scansBefore);
        assertThat(keys()).isEqualTo(before);
    }

    @Test
    void aReportOfUnknownSizeGoesUpInPartsAndReadsBackWhole() throws IOException {
        byte[] content = new byte[11 * 1024 * 1024 + 123];
        new Random(4).nextBytes(content);
        String ref = storage.store("nhieu-phan.xml", new ByteArrayInputStream(content));
        assertThat(keys()).contains(PREFIX + ref);
        try (InputStream in = storage.open(ref)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        storage.delete(ref);
        assertThat(keys()).doesNotContain(PREFIX + ref);
        storage.delete(ref); // unknown references are ignored
    }

    private String reportRef(long scanId) {
        return data.jdbc()
                .sql("SELECT report_ref FROM scan WHERE id = :id")
                .param("id", scanId)
                .query(String.class)
                .single();
    }
}
