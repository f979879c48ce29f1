package vn.khien.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.compliance.ComplianceFixture;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.OpenApiOperations;
import vn.khien.support.RowCounts;
import vn.khien.support.TestData;
import vn.khien.systems.ProvinceFixture;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * The attacker's cross-unit probe of issue 10, generic over /v3/api-docs (eighth wave): unit B first does what the API
 * lets it do (every POST with a body built from its schema, every text carrying a secret marker, twice so that the
 * second round reaches what the first created), then reads everything; the ids in its answers are collected by the
 * name of the collection they came from ({@code /incidents/{id}} takes ids seen under {@code incidents}). Then the
 * administrator of the sibling unit A sends every operation with B's ids in its path and in its id-like query
 * parameters. Nothing may answer 5xx; no answer to A may carry B's marker, code or name; an operation on an id that B
 * created must be refused exactly like one on an id that does not exist (or 403/404); afterwards B reads exactly what it
 * read before and no table has gained or lost a row. A new operation is covered without editing this test; it prints
 * the operations it could not reach (no id of B for a path variable).
 */
class CrossSubtreeProbeTest extends IntegrationTest {

    static final long NOWHERE = 2_000_000_123L;
    static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** The first code a problem names as accepted ("…: ONCE, MONTHLY", "… phải là ANNUAL, FIVE_YEAR …"). */
    static final Pattern ACCEPTED = Pattern.compile("(?:^|[\\s:(])([A-Z][A-Z0-9_]{2,40})\\b");

    /**
     * Values the schema cannot know for free-text fields (rule data, formats checked by the service), by field name: a
     * generic body with them gets past the business checks, so that B really makes the object A then probes.
     */
    static final Map<String, String> TEXT_HINTS = Map.ofEntries(
            Map.entry("ipAddresses", "10.0.0.2"),
            Map.entry("taxCode", "0100109106"),
            Map.entry("phone", "0241234567"),
            Map.entry("contactPhone", "0241234567"),
            Map.entry("email", "b@khien.vn"),
            Map.entry("contactEmail", "b@khien.vn"),
            Map.entry("category", "MALWARE"),
            Map.entry("regime", "nd331-2026"),
            Map.entry("kind", "QUARTERLY_STATUS"),
            Map.entry("period", "2026-Q2"),
            Map.entry("topic", "PHISHING"),
            Map.entry("audience", "ORGANIZATION"),
            Map.entry("repeatEvery", "ONCE"),
            Map.entry("cpe", "cpe:2.3:a:apache:http_server:2.4.62:*:*:*:*:*:*:*"),
            Map.entry("purl", "pkg:generic/apache/httpd@2.4.62"));

    /**
     * Path variables that are not ids (a step, a part, a figure): one plausible value, the same in the request on B's
     * object and in the one on a missing object, so that the two differ only by whose id they carry.
     */
    static final Map<String, String> PATH_VALUES = Map.of(
            "action", "CHECK",
            "partKey", "DESIGN",
            "key", "DECISION",
            "figure", "drillsLevel3Plus",
            "skill", "FORENSICS");

    /** Other values the schema cannot know (a campaign starts tomorrow at the earliest), by field name. */
    static final Map<String, Object> VALUE_HINTS = Map.of(
            "startsOn", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString(),
            "recipients", List.of());

    /** Numbers the schema cannot know, by field name. */
    static final Map<String, Long> NUMBER_HINTS = Map.of("year", 2027L, "userCount", 200L);

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Ids by the collection (path segment or field name) they were seen under. */
    final Map<String, Set<Long>> seen = new TreeMap<>();
    /** Ids B's own POSTs answered with: certainly B's. */
    final Map<String, Set<Long>> created = new TreeMap<>();

    @Test
    void noOperationReadsOrChangesAnotherSubtree() {
        long started = System.nanoTime();
        String marker = data.unique("BiMatB");
        TestData.Org province = data.org(data.root(), "Tỉnh thăm dò");
        TestData.Org unitA = data.org(province, "Đơn vị A thăm dò");
        TestData.Org unitB = data.org(province, "Đơn vị B " + marker);
        TestData.Person adminA = person(unitA);
        TestData.Person adminB = person(unitB);
        // B has a unit below it (warnings go down the tree) and a second person (access reviews decide on others).
        TestData.Org belowB = data.org(unitB, "Phòng thuộc B " + marker);
        data.person(unitB, Role.SECURITY_OFFICER);
        String unitBName = "Đơn vị B " + marker;
        OpenApiOperations api =
                new OpenApiOperations(http.api(null).get("/v3/api-docs").json());
        List<OpenApiOperations.Operation> operations = api.all();
        add(created, "organizations", unitB.id());
        add(seen, "organizations", unitB.id());
        add(seen, "organizations", belowB.id());
        seed(adminB, province, unitB, marker);

        // 1. B works: every POST it can make, twice.
        int madeByB = 0;
        List<String> refusedToB = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (OpenApiOperations.Operation op : operations) {
                if (!"POST".equals(op.method()) || op.multipart() || op.path().startsWith("/api/v1/tokens")) {
                    continue;
                }
                String uri = fill(op.path(null), created, seen);
                if (uri == null) {
                    continue;
                }
                JsonNode json0 = op.jsonBody()
                        ? api.valid(
                                op.bodySchema(),
                                name -> TEXT_HINTS.getOrDefault(name, marker + "-" + name),
                                name -> NUMBER_HINTS.containsKey(name) ? NUMBER_HINTS.get(name) : idFor(name))
                        : null;
                for (Map.Entry<String, Object> d : VALUE_HINTS.entrySet()) {
                    if (json0 != null && json0.has(d.getKey())) {
                        json0 = OpenApiOperations.with(json0, List.of(d.getKey()), d.getValue());
                    }
                }
                Http.Response r = send("POST", uri, json0 == null ? null : json0.toString(), adminB.token());
                // A value from rule data the schema cannot know (a category, a topic): take the first one the problem
                // names and try again.
                for (int retry = 0; retry < 3 && r.status() == 422 && json0 != null; retry++) {
                    JsonNode fixed = json0;
                    for (JsonNode e : r.json().path("errors")) {
                        String field = e.path("field").asString("");
                        Matcher accepted = ACCEPTED.matcher(e.path("message").asString(""));
                        if (!field.isEmpty() && !field.contains(".") && !field.contains("[") && accepted.find()) {
                            fixed = OpenApiOperations.with(fixed, List.of(field), accepted.group(1));
                        } else if (e.has("accepted") && e.get("accepted").size() > 0 && !field.isEmpty()) {
                            fixed = OpenApiOperations.with(
                                    fixed,
                                    List.of(field),
                                    e.get("accepted").get(0).asString());
                        }
                    }
                    if (fixed == json0) {
                        break;
                    }
                    json0 = fixed;
                    r = send("POST", uri, json0.toString(), adminB.token());
                }
                if (round == 1 && r.status() >= 400) {
                    refusedToB.add(op.key() + " → " + r.status() + " " + cut(r.body()));
                }
                if (r.status() >= 200 && r.status() < 300 && isJson(r)) {
                    madeByB++;
                    String collection = lastSegment(op.path());
                    JsonNode json = r.json();
                    if (json.path("id").isIntegralNumber()) {
                        add(created, collection, json.get("id").asLong());
                    }
                    harvest(json, collection);
                }
            }
        }
        // 2. B reads everything it can (lists, then items).
        for (int round = 0; round < 2; round++) {
            for (OpenApiOperations.Operation op : operations) {
                if (!"GET".equals(op.method())) {
                    continue;
                }
                String uri = fill(op.path(null), created, seen);
                if (uri == null) {
                    continue;
                }
                Http.Response r = send("GET", uri, null, adminB.token());
                if (r.status() == 200 && isJson(r)) {
                    harvest(r.json(), lastSegment(op.path()));
                }
            }
        }
        Map<String, String> bBefore = readAll(operations, adminB);
        Map<String, String> bAgain = readAll(operations, adminB);
        bBefore.keySet().removeIf(uri -> !bBefore.get(uri).equals(bAgain.get(uri))); // volatile answers
        RowCounts rows = new RowCounts(data.jdbc());
        Map<String, Long> countsBefore = rows.read();
        Map<String, String> updatesBefore = rows.latestUpdates();
        long lastAudit = data.jdbc()
                .sql("SELECT COALESCE(MAX(id), 0) FROM audit_event")
                .query(Long.class)
                .single();

        // 3. A attacks.
        List<String> failures = new ArrayList<>();
        List<String> unreached = new ArrayList<>();
        List<String> answeredToA = new ArrayList<>();
        int attacks = 0;
        for (OpenApiOperations.Operation op : operations) {
            String body = op.jsonBody()
                    ? api.valid(op.bodySchema(), name -> "Giá trị của A", name -> null)
                            .toString()
                    : null;
            if (!op.hasPathVariables()) {
                if (!"GET".equals(op.method())) {
                    continue; // creations in A's own unit: module tests cover ids of B inside bodies
                }
                String query = queryWithIdsOfB(op);
                Http.Response r = send("GET", op.path() + query, null, adminA.token());
                attacks++;
                checkAnswer(op.key() + query, r, marker, unitB.code(), unitBName, failures);
                continue;
            }
            String uri = fill(op.path(null), created, null);
            boolean certainlyB = uri != null;
            if (uri == null) {
                uri = fill(op.path(null), seen, null);
            }
            if (uri == null) {
                unreached.add(op.key());
                continue;
            }
            String nowhere = fill(op.path(null), Map.of(), null);
            Http.Response r =
                    op.multipart() ? upload(uri, adminA.token()) : send(op.method(), uri, body, adminA.token());
            Http.Response absent =
                    op.multipart() ? upload(nowhere, adminA.token()) : send(op.method(), nowhere, body, adminA.token());
            attacks++;
            String what = op.method() + " " + uri;
            if (r.status() < 300) {
                answeredToA.add(what + " → " + r.status() + (certainlyB ? " (B's)" : " (seen by B)") + ", missing id → "
                        + absent.status());
            }
            checkAnswer(what, r, marker, unitB.code(), unitBName, failures);
            boolean bothRefused =
                    (r.status() == 403 || r.status() == 404) && (absent.status() == 403 || absent.status() == 404);
            if (certainlyB
                    && !bothRefused
                    && (r.status() != absent.status() || (r.status() < 300 && !same(r, absent, uri, nowhere)))) {
                failures.add("tells B's object from a missing one: " + what + " → " + r.status() + " (missing: "
                        + absent.status() + ") " + cut(r.body()));
            }
        }

        // 4. Nothing of B changed.
        Map<String, String> changed = RowCounts.changes(countsBefore, rows.read());
        RowCounts.changes(updatesBefore, rows.latestUpdates())
                .forEach((table, change) -> changed.put(table + ".updated_at", change));
        // A's exports of its own documents (list operations answering a file) are audited under A: not a change to B.
        long othersAudited = data.jdbc()
                .sql(
                        "SELECT COUNT(*) FROM audit_event WHERE id > :id AND NOT (action = 'EXPORT' AND actor_username = :a"
                                + " AND organization_id = :o)")
                .param("id", lastAudit)
                .param("a", adminA.username())
                .param("o", unitA.id())
                .query(Long.class)
                .single();
        if (othersAudited == 0) {
            changed.remove("audit_event");
        }
        if (!changed.isEmpty()) {
            failures.add("rows changed during A's probe: " + changed + "; audit records: "
                    + data.jdbc()
                            .sql("SELECT action, actor_username, organization_id, target_type, target_id"
                                    + " FROM audit_event WHERE id > :id ORDER BY id")
                            .param("id", lastAudit)
                            .query((rs, i) -> rs.getString(1) + " by " + rs.getString(2) + " in " + rs.getString(3)
                                    + " on " + rs.getString(4) + " " + rs.getString(5))
                            .list());
        }
        Map<String, String> bAfter = readAll(operations, adminB);
        bBefore.forEach((uri, body) -> {
            if (!body.equals(bAfter.get(uri))) {
                failures.add("B's answer changed: GET " + uri + "\n  before " + cut(body) + "\n  after  "
                        + cut(String.valueOf(bAfter.get(uri))));
            }
        });
        System.out.printf(
                "CrossSubtreeProbeTest: B made %d objects (%s), A sent %d probes in %d s; not reached (no id of B): %s%n",
                madeByB, created.keySet(), attacks, (System.nanoTime() - started) / 1_000_000_000L, unreached);
        System.out.println("CrossSubtreeProbeTest: answered 2xx to A:\n" + String.join("\n", answeredToA));
        System.out.println("CrossSubtreeProbeTest: refused to B:\n" + String.join("\n", refusedToB));
        assertThat(madeByB).as("B's own work through the API").isGreaterThan(5);
        assertThat(attacks).isGreaterThan(100);
        assertThat(failures)
                .as(failures.size() + " findings:\n" + String.join("\n", failures))
                .isEmpty();
    }

    /**
     * What generic bodies cannot make, made by B through the API as a person would: a system with its level (so that
     * dossiers, plans and assessments follow in the generic rounds) and a scan with findings (an upload of a real
     * report format).
     */
    void seed(TestData.Person b, TestData.Org province, TestData.Org unitB, String marker) {
        Http.Api api = http.api(b.token());
        // the unit that appraises the province's dossiers, so that B can open one
        Http.Response designated = admin().post(
                        "/api/v1/authority-designations",
                        Map.of(
                                "scopeOrganizationId",
                                province.id(),
                                "role",
                                "OWNER_SECURITY_UNIT",
                                "organizationId",
                                data.org(province, "Đơn vị chuyên trách thăm dò")
                                        .id()));
        assertThat(designated.status()).as(designated.body()).isEqualTo(200);
        long system = ComplianceFixture.createSystem(api, data, unitB, "Hệ thống " + marker);
        add(created, "systems", system);
        Http.Response level = api.post(
                "/api/v1/systems/" + system + "/classifications",
                Map.of("regime", "nd331-2026", "answers", ProvinceFixture.LEVEL3_ND331));
        assertThat(level.status()).as(level.body()).isLessThan(300);
        Http.Response scan = api.upload(
                "/api/v1/systems/" + system + "/scans",
                "b.nessus",
                ScanTestSupport.nessus(Map.of("10.9.9.9", new int[] {1, 2})),
                Map.of());
        assertThat(scan.status()).as(scan.body()).isLessThan(300);
        add(created, "scans", scan.json().get("id").asLong());
        data.jdbc()
                .sql("SELECT id FROM finding WHERE system_id = :s")
                .param("s", system)
                .query(Long.class)
                .list()
                .forEach(id -> add(created, "findings", id));
    }

    /** Two answers alike but for the ids in their URIs. */
    static boolean same(Http.Response a, Http.Response b, String uriA, String uriB) {
        return a.bodyWithoutRequestId()
                .replace(uriA, "URI")
                .equals(b.bodyWithoutRequestId().replace(uriB, "URI"));
    }

    TestData.Person person(TestData.Org org) {
        TestData.Person p = data.person(org, Role.ORG_ADMIN);
        data.grant(p.id(), org, Role.SECURITY_OFFICER);
        data.grant(p.id(), org, Role.LEADER);
        data.grant(p.id(), org, Role.AUDITOR);
        return p;
    }

    static void checkAnswer(String what, Http.Response r, String marker, String code, String name, List<String> out) {
        String type = String.valueOf(r.header("Content-Type"));
        if (r.status() >= 500 || (r.status() >= 400 && !type.startsWith("application/problem+json"))) {
            out.add(what + " → " + r.status() + " " + type + " " + cut(r.body()));
        }
        if (r.body().contains(marker) || r.body().contains(code) || r.body().contains(name)) {
            out.add("leaks B: " + what + " → " + r.status() + " " + cut(r.body()));
        }
    }

    /** The GET answers B receives, by URI (request ids removed). */
    Map<String, String> readAll(List<OpenApiOperations.Operation> operations, TestData.Person who) {
        Map<String, String> out = new LinkedHashMap<>();
        for (OpenApiOperations.Operation op : operations) {
            if (!"GET".equals(op.method())) {
                continue;
            }
            String uri = fill(op.path(null), created, seen);
            if (uri != null && !out.containsKey(uri)) {
                Http.Response r = send("GET", uri, null, who.token());
                if (isJson(r) || r.status() >= 400) { // documents (docx, xlsx) carry the time they were made
                    out.put(uri, r.status() + " " + r.bodyWithoutRequestId());
                }
            }
        }
        return out;
    }

    /** Id-like query parameters (organizationId, systemId, …) set to B's ids. */
    String queryWithIdsOfB(OpenApiOperations.Operation op) {
        StringBuilder q = new StringBuilder();
        op.queryParameters().forEach((name, schema) -> {
            Long id = idFor(name);
            if (id != null && name.endsWith("Id")) {
                q.append(q.isEmpty() ? "?" : "&")
                        .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=')
                        .append(id);
            }
        });
        return q.toString();
    }

    /** An id of B for a field or parameter named like {@code systemId}, {@code incidentIds}, {@code organizationId}. */
    Long idFor(String name) {
        if (!name.endsWith("Id") && !name.endsWith("Ids")) {
            return null;
        }
        String base = name.substring(0, name.lastIndexOf("Id"));
        // the last word names the collection: ownerOrganizationId → organizations
        String word = base;
        for (int i = base.length() - 1; i > 0; i--) {
            if (Character.isUpperCase(base.charAt(i))) {
                word = Character.toLowerCase(base.charAt(i)) + base.substring(i + 1);
                break;
            }
        }
        for (String key :
                List.of(name.endsWith("Ids") ? base + "Id" : name, base + "s", base + "es", word + "s", word + "Id")) {
            for (Map<String, Set<Long>> ids : List.of(created, seen)) {
                Set<Long> s = ids.get(key);
                if (s != null && !s.isEmpty()) {
                    return s.iterator().next();
                }
            }
        }
        return null;
    }

    /** The template with each variable an id seen under the segment before it (or under its own name). */
    static String fill(String template, Map<String, Set<Long>> first, Map<String, Set<Long>> second) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = template.substring(0, m.start());
            String segment = before.endsWith("/") ? lastSegment(before.substring(0, before.length() - 1)) : "";
            String variable = m.group(1);
            if (PATH_VALUES.containsKey(variable)) {
                m.appendReplacement(out, PATH_VALUES.get(variable));
                continue;
            }
            if (first.isEmpty()) { // the same path with every id one that does not exist
                m.appendReplacement(out, String.valueOf(NOWHERE));
                continue;
            }
            Long id = null;
            for (Map<String, Set<Long>> ids : second == null ? List.of(first) : List.of(first, second)) {
                for (String key : List.of(segment, variable)) {
                    Set<Long> s = ids.get(key);
                    if (id == null && s != null && !s.isEmpty()) {
                        id = s.iterator().next();
                    }
                }
            }
            if (id == null) {
                return null;
            }
            m.appendReplacement(out, String.valueOf(id));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String lastSegment(String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].startsWith("{")) {
                return parts[i];
            }
        }
        return "";
    }

    /** Ids in an answer: {@code id} under the collection it is listed in, {@code xxxId} under its own name. */
    void harvest(JsonNode node, String collection) {
        if (node.isArray()) {
            for (JsonNode n : node) {
                harvest(n, collection);
            }
        } else if (node.isObject()) {
            for (var p : node.properties()) {
                String name = p.getKey();
                JsonNode v = p.getValue();
                if ("id".equals(name) && v.isIntegralNumber()) {
                    add(seen, collection, v.asLong());
                } else if (name.endsWith("Id") && v.isIntegralNumber()) {
                    add(seen, name, v.asLong());
                } else if (v.isContainer()) {
                    harvest(v, "items".equals(name) || "content".equals(name) ? collection : name);
                }
            }
        }
    }

    static void add(Map<String, Set<Long>> ids, String key, long id) {
        if (!key.isEmpty()) {
            ids.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
        }
    }

    static boolean isJson(Http.Response r) {
        return String.valueOf(r.header("Content-Type")).contains("json");
    }

    static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    Http.Response send(String method, String uri, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.base() + uri))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", "vi");
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(r.statusCode(), r.body(), r);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + uri, e);
        }
    }

    /** A small CSV as "file" (the probe is about whose object it is, not about the content). */
    Http.Response upload(String uri, String token) {
        return http.api(token).upload(uri, "a.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
