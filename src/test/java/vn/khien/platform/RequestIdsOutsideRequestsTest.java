package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.TaskScheduler;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * Issue 15: a request id where no request filter runs. Errors Tomcat answers before the application (here a path with
 * {@code %00}) carry an id in {@code X-Request-Id}, in the problem+json body and in their log line; a background scan
 * import logs under the id its upload answered; scheduled jobs log under a {@code job-…} id of each run.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdsOutsideRequestsTest extends IntegrationTest {

    private static final Pattern HEADER = Pattern.compile("(?im)^x-request-id: *([^\\r\\n]+)$");

    @Autowired
    TaskScheduler scheduler;

    String raw(String requestLineAndHeaders) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write((requestLineAndHeaders + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anErrorTomcatAnswersBeforeTheApplicationCarriesARequestIdInHeaderBodyAndLog(CapturedOutput output)
            throws Exception {
        String answer = raw("GET /api/v1/systems/%00 HTTP/1.1\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
        Matcher header = HEADER.matcher(answer);
        assertThat(header.find()).as(answer).isTrue();
        String id = header.group(1).trim();
        assertThat(id).matches("[A-Za-z0-9._-]{8,64}");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(body).contains("\"requestId\":\"" + id + "\"");
        assertThat(output.getAll())
                .as("the log line of the refused request")
                .containsPattern("\\[" + id + "\\].*400 refused by the server before the application");

        // A well-formed id from the load balancer is kept, as for requests the application serves.
        String given = raw("GET /api/v1/systems/%ff HTTP/1.1\r\nX-Request-Id: lb-0123456789abcdef\r\n");
        assertThat(given).containsIgnoringCase("X-Request-Id: lb-0123456789abcdef");
        assertThat(given).contains("\"requestId\":\"lb-0123456789abcdef\"");
    }

    @Test
    void aBackgroundImportLogsUnderTheIdItsUploadAnswered(CapturedOutput output) throws Exception {
        TestData.Org unit = data.org(data.root(), "Mã yêu cầu nền");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        long system = ScanTestSupport.system(data, unit);
        Http.Api api = http.api(officer.token());
        // Over the background threshold of the test profile, and not a report: the import fails in the background.
        Http.Response accepted =
                api.upload("/api/v1/systems/" + system + "/scans", "zeros.xml", new byte[700 * 1024], Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.header("X-Request-Id");
        long scan = accepted.json().get("id").asLong();
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode s = accepted.json();
        while (!s.get("status").asString().equals("FAILED")) {
            assertThat(s.get("status").asString()).as(s.toString()).isIn("QUEUED", "RUNNING");
            assertThat(System.nanoTime()).as("the import fails").isLessThan(deadline);
            Thread.sleep(100);
            s = api.get("/api/v1/scans/" + scan).json();
        }
        assertThat(output.getAll())
                .as("the failure's log line names the upload's request id")
                .containsPattern("\\[" + id + "\\].*Background import of scan " + scan + " failed");
    }

    @Test
    void scheduledJobsRunUnderAJobIdOfTheirOwnAndTasksOfARequestKeepItsId() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        scheduler.schedule(() -> seen.complete(String.valueOf(MDC.get(RequestLog.MDC_KEY))), Instant.now());
        String first = seen.get(30, TimeUnit.SECONDS);
        assertThat(first).as("a scheduled task's id").startsWith("job-");
        CompletableFuture<String> again = new CompletableFuture<>();
        scheduler.schedule(() -> again.complete(String.valueOf(MDC.get(RequestLog.MDC_KEY))), Instant.now());
        assertThat(again.get(30, TimeUnit.SECONDS)).startsWith("job-").isNotEqualTo(first);

        MDC.put(RequestLog.MDC_KEY, "req-0123456789");
        Runnable task;
        try {
            String[] inside = new String[1];
            task = JobRequestIds.withRequestId(() -> inside[0] = MDC.get(RequestLog.MDC_KEY));
            MDC.remove(RequestLog.MDC_KEY);
            task.run();
            assertThat(inside[0]).isEqualTo("req-0123456789");
            assertThat(MDC.get(RequestLog.MDC_KEY))
                    .as("restored after the task")
                    .isNull();
        } finally {
            MDC.remove(RequestLog.MDC_KEY);
        }
    }
}
