package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import vn.khien.KhienApplication;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;

/**
 * Two application instances on one database, as behind a load balancer without sticky sessions: a person signed in
 * on one node is signed in on the other, and writes from both nodes at once land in one intact audit chain with
 * every acknowledged write kept. On PostgreSQL with -Ppostgres; on H2 both share this JVM's in-memory database.
 */
@Tag("database")
class TwoNodesTest {

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        nodeA = node();
        nodeB = node();
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(KhienApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.main.banner-mode=off");
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:"
                + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    @Test
    void aPersonSignedInOnOneNodeIsSignedInOnTheOther() throws Exception {
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(
                        HttpRequest.newBuilder(URI.create(base(nodeA) + "/login"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as("CSRF field on the login page").isTrue();
        String form = "username=" + IntegrationTest.ADMIN + "&password="
                + URLEncoder.encode(IntegrationTest.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signIn = browser.send(
                HttpRequest.newBuilder(URI.create(base(nodeA) + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        // The session cookie was set by node A; node B must know the session (Spring Session JDBC).
        HttpResponse<String> home = browser.send(
                HttpRequest.newBuilder(URI.create(base(nodeB) + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("/logout");
    }

    @Test
    void concurrentWritesOnBothNodesLandInOneIntactChainAndNoneIsLost() throws Exception {
        Http.Api a = new Http(base(nodeA)).api(IntegrationTest.ADMIN_TOKEN);
        Http.Api b = new Http(base(nodeB)).api(IntegrationTest.ADMIN_TOKEN);
        String prefix = "N2-" + UUID.randomUUID().toString().substring(0, 8);
        long root = a.get("/api/v1/organizations").json().get(0).get("id").asLong();
        Http.Response parentCreated = a.post(
                "/api/v1/organizations",
                Map.of("code", prefix, "name", "Gốc hai nút", "kind", "OTHER", "parentId", root));
        assertThat(parentCreated.status()).as(parentCreated.body()).isEqualTo(201);
        long parent = parentCreated.json().get("id").asLong();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> writes = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Http.Api node = t % 2 == 0 ? a : b;
            int thread = t;
            writes.add(pool.submit(() -> {
                int created = 0;
                for (int i = 0; i < 10; i++) {
                    Http.Response r = node.post(
                            "/api/v1/organizations",
                            Map.of(
                                    "code",
                                    prefix + "-" + thread + "-" + i,
                                    "name",
                                    "Đơn vị " + thread + "." + i,
                                    "kind",
                                    "UNIT",
                                    "parentId",
                                    parent));
                    if (r.status() == 201) {
                        created++;
                    }
                }
                return created;
            }));
        }
        int acknowledged = 0;
        for (Future<Integer> f : writes) {
            acknowledged += f.get();
        }
        pool.shutdown();
        assertThat(acknowledged).isEqualTo(40);

        JsonNode children = b.get("/api/v1/organizations").json();
        long kept = 0;
        for (JsonNode o : children) {
            if (o.get("code").asText().startsWith(prefix + "-")) {
                kept++;
            }
        }
        assertThat(kept).as("acknowledged writes kept").isEqualTo(40);
        JsonNode verdict = a.post("/api/v1/audit/verify", Map.of()).json();
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
    }
}
