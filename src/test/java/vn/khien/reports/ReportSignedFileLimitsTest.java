package vn.khien.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.ReportSteps;
import vn.khien.support.TestData;

/**
 * What the signing step takes (issue 10, eighth-wave probe): values wider than their columns are the signer's error
 * named by field, a signed file over 20 MB is refused before it is stored, and the type a client declares for the file
 * is served back only when it is a document type, so a stored file is never served as a page.
 */
class ReportSignedFileLimitsTest extends IntegrationTest {

    @Test
    void signingRefusesWhatDoesNotFitAndServesAnUnknownTypeAsAPlainDownload() {
        TestData.Org unit = data.org(data.root(), data.unique("Đơn vị thử tệp đã ký"));
        Http.Api officer = http.api(data.person(unit, Role.SECURITY_OFFICER).token());
        Http.Api leader = http.api(data.person(unit, Role.LEADER).token());
        long id = ReportSteps.checked(officer, unit.id(), "QUARTERLY_STATUS", "2026-Q2");

        Http.Response longNumber = leader.post("/api/v1/reports/" + id + "/actions/SIGN", sign("7".repeat(101), null));
        assertThat(longNumber.status()).as(longNumber.body()).isEqualTo(422);
        assertThat(longNumber.body()).contains("documentNumber").contains("100");

        byte[] tooLarge = new byte[20 * 1024 * 1024 + 3000];
        Map<String, Object> big = sign("7/BC", Base64.getEncoder().encodeToString(tooLarge));
        Http.Response refused = leader.post("/api/v1/reports/" + id + "/actions/SIGN", big);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("signedFileBase64").contains("20 MB");
        assertThat(officer.get("/api/v1/reports/" + id).json().get("status").asText())
                .isEqualTo("CHECKED");

        String page = "<html><script>alert(1)</script></html>";
        Map<String, Object> html =
                sign("7/BC", Base64.getEncoder().encodeToString(page.getBytes(StandardCharsets.UTF_8)));
        html.put("signedFileType", "text/html");
        Http.Response signed = leader.post("/api/v1/reports/" + id + "/actions/SIGN", html);
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        Http.Response download = officer.get("/api/v1/reports/" + id + "/signed-file");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith("application/octet-stream");
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
    }

    private static Map<String, Object> sign(String number, String base64) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentNumber", number);
        body.put("documentDate", "2026-06-15");
        body.put("signedFileName", "bao-cao-da-ky.html");
        if (base64 != null) {
            body.put("signedFileBase64", base64);
        }
        return body;
    }
}
