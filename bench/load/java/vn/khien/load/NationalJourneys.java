package vn.khien.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Realistic journeys per role against Khiên filled by {@code generate} (bench/load/README.md): a province leader's
 * home and roll-ups, the national leader's home over the whole country, a unit officer's register, findings with
 * filters, a system, its dossiers and a scan upload, an auditor's audit search. Targets of issue 15 as assertions: p95 under 300 ms for every request, no errors.
 *
 * <p>Settings (system properties): {@code khien.url} (default http://localhost:8080), {@code users} (concurrent
 * people, default 50), {@code duration} (seconds of steady load, default 120), {@code ramp} (seconds over which
 * they arrive, default 20), {@code provinces} and {@code units}
 * (how many generated organisations' people to sign in as).
 */
public class NationalJourneys extends Simulation {

    static final String URL = System.getProperty("khien.url", "http://localhost:8080");
    static final int USERS = Integer.getInteger("users", 50);
    static final int DURATION = Integer.getInteger("duration", 120);
    static final String PASSWORD = System.getProperty("password", "Khien@Scale2026");
    /** Seconds over which the users arrive (each signs in first: bcrypt, the costliest request). */
    static final int RAMP = Integer.getInteger("ramp", 20);

    HttpProtocolBuilder protocol = http.baseUrl(URL)
            .acceptLanguageHeader("vi")
            .disableCaching()
            .shareConnections()
            .warmUp(URL + "/login");

    /** Province leaders and officers t01…t34; unit officers of the first units of each province. */
    static Iterator<Map<String, Object>> people(String role) {
        return Stream.generate(() -> {
                    int t = 1 + (int) (Math.random() * 34);
                    return Map.<String, Object>of("username", String.format("t%02d.%s", t, role));
                })
                .iterator();
    }

    static ChainBuilder signIn = exec(http("login page")
                    .get("/login")
                    .check(css("input[name=_csrf]", "value").saveAs("csrf")))
            .exec(http("sign in")
                    .post("/login")
                    .formParam("username", "#{username}")
                    .formParam("password", PASSWORD)
                    .formParam("_csrf", "#{csrf}")
                    .check(status().is(200), currentLocationRegex(".*/$").exists()))
            // A person whose sign-in failed would otherwise walk the journey as the login page (200, counted as OK).
            .exitHereIfFailed();

    static ChainBuilder token = exec(http("api token")
                    .post("/api/v1/tokens")
                    .body(StringBody("{\"username\":\"#{username}\",\"password\":\"" + PASSWORD
                            + "\",\"name\":\"load\",\"expiresInDays\":1}"))
                    .asJson()
                    .check(status().is(201), jsonPath("$.token").saveAs("token")))
            .exitHereIfFailed();

    static ChainBuilder leader = feed(people("lanhdao"))
            .exec(signIn)
            .during(Duration.ofSeconds(DURATION))
            .on(exec(http("leader home").get("/").check(status().is(200)))
                    .pause(1, 3)
                    .exec(http("level progress").get("/level-progress").check(status().is(200)))
                    .pause(1, 3)
                    .exec(http("compliance roll-up").get("/compliance").check(status().is(200)))
                    .pause(1, 3)
                    .exec(http("findings overview").get("/findings").check(status().is(200)))
                    .pause(2, 5));

    static ChainBuilder officer = feed(people("canbo"))
            .exec(signIn)
            .exec(token)
            .exec(http("my systems (api)")
                    .get("/api/v1/systems")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$[*].id").findRandom().saveAs("systemId")))
            .exitHereIfFailed()
            .during(Duration.ofSeconds(DURATION))
            .on(exec(http("register").get("/systems").check(status().is(200)))
                    .pause(1, 3)
                    .exec(http("system").get("/systems/#{systemId}").check(status().is(200)))
                    .pause(1, 2)
                    .exec(http("findings critical open")
                            .get("/findings?severity=CRITICAL&status=OPEN")
                            .check(status().is(200)))
                    .pause(1, 2)
                    .exec(http("system findings (api)")
                            .get("/api/v1/systems/#{systemId}/findings")
                            .header("Authorization", "Bearer #{token}")
                            .check(status().is(200)))
                    .pause(1, 2)
                    .exec(http("system dossiers (api)")
                            .get("/api/v1/systems/#{systemId}/dossiers")
                            .header("Authorization", "Bearer #{token}")
                            .check(status().is(200)))
                    .pause(1, 3)
                    .randomSwitch()
                    .on(new Choice.WithWeight(
                            10.0,
                            exec(http("scan upload")
                                    .post("/api/v1/systems/#{systemId}/scans")
                                    .header("Authorization", "Bearer #{token}")
                                    .bodyPart(RawFileBodyPart("file", "load-scan.nessus")
                                            .fileName("load-scan.nessus")
                                            .contentType("application/xml"))
                                    .asMultipartForm()
                                    .check(status().in(200, 201, 202))))));

    /** The national leader ({@code vn.lanhdao}): the home page over the whole country (target p95 < 500 ms). */
    static ChainBuilder nationalLeader = exec(session -> session.set("username", "vn.lanhdao"))
            .exec(signIn)
            .during(Duration.ofSeconds(DURATION))
            .on(exec(http("national home").get("/").check(status().is(200))).pause(2, 5));

    static ChainBuilder auditor = exec(session -> session.set("username", "vn.thanhtra"))
            .exec(signIn)
            .during(Duration.ofSeconds(DURATION))
            .on(exec(http("audit search").get("/audit").check(status().is(200))).pause(2, 5));

    ScenarioBuilder leaders = scenario("province leader").exec(leader);
    ScenarioBuilder officers = scenario("security officer").exec(officer);
    ScenarioBuilder auditors = scenario("auditor").exec(auditor);
    ScenarioBuilder nationalLeaders = scenario("national leader").exec(nationalLeader);

    {
        int nationalCount = Math.max(1, USERS / 25);
        int leaderCount = Math.max(1, USERS * 3 / 10 - nationalCount);
        int auditorCount = Math.max(1, USERS / 10);
        int officerCount = Math.max(1, USERS - nationalCount - leaderCount - auditorCount);
        setUp(
                        nationalLeaders.injectOpen(rampUsers(nationalCount).during(Duration.ofSeconds(RAMP))),
                        leaders.injectOpen(rampUsers(leaderCount).during(Duration.ofSeconds(RAMP))),
                        officers.injectOpen(rampUsers(officerCount).during(Duration.ofSeconds(RAMP))),
                        auditors.injectOpen(rampUsers(auditorCount).during(Duration.ofSeconds(RAMP))))
                .protocols(protocol)
                .assertions(
                        forAll().responseTime().percentile(95.0).lt(300),
                        global().failedRequests().count().is(0L));
    }
}
