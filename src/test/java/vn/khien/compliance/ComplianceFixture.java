package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.support.Http;
import vn.khien.support.TestData;
import vn.khien.systems.SystemLevelApproved;

/**
 * Approves levels the way the dossier workflow does (approved_level set and SystemLevelApproved published in one
 * transaction), and small HTTP helpers for the compliance tests.
 */
@Component
public class ComplianceFixture {

    private final TestData data;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    public ComplianceFixture(TestData data, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.data = data;
        this.tx = tx;
        this.events = events;
    }

    public static long createSystem(Http.Api api, TestData data, TestData.Org owner, String name) {
        Http.Response r = api.post(
                "/api/v1/systems",
                Map.of(
                        "code",
                        data.unique("HT"),
                        "name",
                        name,
                        "ownerOrganizationId",
                        owner.id(),
                        "operatorOrganizationId",
                        owner.id(),
                        "systemType",
                        "INTERNAL",
                        "informationKinds",
                        List.of("PRIVATE"),
                        "userCount",
                        200));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    public void approve(long systemId, TestData.Org owner, int level, String regime, LocalDate on) {
        tx.executeWithoutResult(status -> {
            data.jdbc()
                    .sql("UPDATE information_system SET approved_level = :l, approved_regime = :r, approved_on = :on"
                            + " WHERE id = :id")
                    .param("l", level)
                    .param("r", regime)
                    .param("on", on)
                    .param("id", systemId)
                    .update();
            events.publishEvent(new SystemLevelApproved(systemId, owner.id(), level, regime, on));
        });
    }

    public static Http.Response postYaml(String base, String token, String yaml) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/compliance/catalogues"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/yaml")
                                    .header("Accept-Language", "vi")
                                    .POST(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(r.statusCode(), r.body(), r);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] getBytes(String base, String token, String path) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                    .header("Authorization", "Bearer " + token)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs in with a form like a browser and downloads a page file (pages take a session, not a bearer token). */
    public static byte[] pageBytes(String base, String username, String password, String path) {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        try {
            String login = client.send(
                            HttpRequest.newBuilder(URI.create(base + "/login"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
            assertThat(csrf.find()).isTrue();
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            client.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<byte[]> r = client.send(
                    HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String orgLayer(String orgCode) {
        return """
                catalogue:
                  id: ORG-%1$s
                  version: "2026.1"
                  layer: ORGANISATION
                  regime: LEGACY
                  organisation: %1$s
                  basedOn: TT12-2022
                  titleVi: Quy định nội bộ
                  titleEn: Internal policies
                  legalSource: "Quyết định 123/QĐ-SYT ngày 01/03/2026"
                requirements:
                  - id: ORG.%1$s.USB
                    kind: MANAGEMENT
                    group: OPERATIONS
                    textVi: Cấm sử dụng thiết bị USB trên máy chủ
                    textEn: No USB storage on servers
                    levels: [3, 4, 5]
                    sources:
                      - {document: "Quyết định 123/QĐ-SYT", clause: "Điều 5"}
                """.formatted(orgCode);
    }
}
