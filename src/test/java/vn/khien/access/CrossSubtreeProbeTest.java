package vn.khien.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
import org.springframework.beans.factory.annotation.Autowired;
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

    /**
     * Operations on what every signed-in person reads, national reference data that carries nothing of an organisation
     * (the advisory library, ADR 0035): A's answer on B's object must be B's answer, word for word.
     */
    static final Set<String> SHARED = Set.of("GET /api/v1/advisories/{id}");

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
    /** Path variables that are not numbers: {@link #PATH_VALUES} and what B's objects name (a requirement). */
    final Map<String, String> pathValues = new LinkedHashMap<>(PATH_VALUES);

    @Autowired
    ComplianceFixture compliance;

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
        complete(adminB, unitB, marker);
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
            if (SHARED.contains(op.key())) {
                Http.Response toB = send(op.method(), uri, body, adminB.token());
                if (r.status() != 200 || !same(r, toB, uri, uri)) {
                    failures.add("shared data answered A otherwise than B: " + what + " → " + r.status() + " "
                            + cut(r.body()) + "\n  to B " + toB.status() + " " + cut(toB.body()));
                }
                continue;
            }
            checkAnswer(what, r, marker, unitB.code(), unitBName, failures);
            if (certainlyB && r.status() < 300) {
                // an empty list is an answer too: another subtree's collection is refused like a missing one (ADR 0082)
                failures.add("answers A on B's object: " + what + " → " + r.status() + " " + cut(r.body()));
            }
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
        assertThat(unreached)
                .as("operations with a path id that A's probe cannot reach: make B's object of that kind in seed() or"
                        + " complete()")
                .isEmpty();
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
        data.designate(province, "OWNER_SECURITY_UNIT", data.org(province, "Đơn vị chuyên trách thăm dò"));
        // B coordinates the incidents of its own subtree (it issues orders on them)
        made(
                "authority-designations",
                api.post(
                        "/api/v1/authority-designations",
                        Map.of(
                                "scopeOrganizationId",
                                unitB.id(),
                                "role",
                                "INCIDENT_RESPONSE_UNIT",
                                "organizationId",
                                unitB.id())));
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
        String today = today().toString();
        // a dossier with an attachment
        Http.Response dossier = api.post("/api/v1/systems/" + system + "/dossiers", "");
        assertThat(dossier.status()).as(dossier.body()).isLessThan(300);
        long dossierId = dossier.json().get("dossier").get("id").asLong();
        add(created, "dossiers", dossierId);
        made(
                "attachments",
                api.upload(
                        "/api/v1/dossiers/" + dossierId + "/attachments",
                        "so-do.pdf",
                        ("%PDF-1.4 " + marker).getBytes(StandardCharsets.UTF_8),
                        Map.of("part", "DESIGN")));
        // a warning to the unit below B (the tree's own channel), with a product B's generic component matches
        Map<String, Object> warning = new LinkedHashMap<>();
        warning.put("organizationId", unitB.id());
        warning.put("title", "Cảnh báo " + marker);
        warning.put("description", "Mô tả " + marker);
        warning.put("severity", "CRITICAL");
        warning.put("cves", List.of("CVE-2024-38476"));
        warning.put("affected", List.of(Map.of("cpe", TEXT_HINTS.get("cpe"))));
        warning.put("acknowledgeBy", today().plusDays(1).toString());
        warning.put("fixBy", today().plusDays(8).toString());
        warning.put("tlp", "AMBER");
        made("warnings", api.post("/api/v1/warnings", warning));
        // an advisory of the national library (every signed-in person reads it: SHARED)
        Http.Response advisory =
                api.upload("/api/v1/advisory-feeds", "probe.json", csaf(data.unique("KHIEN-PROBE")), Map.of());
        assertThat(advisory.status()).as(advisory.body()).isEqualTo(201);
        add(created, "advisories", advisory.json().get("advisoryId").asLong());
        // a training record (multipart, which the generic rounds do not send)
        made(
                "training-records",
                api.upload(
                        "/api/v1/organizations/" + unitB.id() + "/training-records",
                        "cc.pdf",
                        "%PDF-1.4 chứng chỉ".getBytes(StandardCharsets.UTF_8),
                        Map.of(
                                "personName",
                                "Học viên " + marker,
                                "course",
                                "ATTT cơ bản",
                                "completedOn",
                                today,
                                "hours",
                                "8")));
        // an operator proposed outside B's subtree (not A: A may answer a proposal made to it)
        made(
                "operator-proposals",
                api.post(
                        "/api/v1/systems/" + system + "/operator-proposals",
                        Map.of(
                                "operatorOrganizationId",
                                data.org(data.root(), "Nhà vận hành ngoài thăm dò")
                                        .id(),
                                "note",
                                "Đề xuất " + marker)));
        // a response plan draft (approved by B's leader, or not: A may do neither)
        made(
                "response-plans",
                api.send(
                        "PUT",
                        "/api/v1/systems/" + system + "/response-plans/draft",
                        Map.of("sections", Map.of("scenarios", "Kịch bản " + marker))));
        // a supplier and its assessment
        String supplier = "Nhà cung cấp " + marker;
        Http.Response supplied = api.post(
                "/api/v1/systems/" + system + "/suppliers", Map.of("name", supplier, "accessKind", "REMOTE_ADMIN"));
        assertThat(supplied.status()).as(supplied.body()).isLessThan(300);
        Map<String, Object> assessment = new LinkedHashMap<>();
        assessment.put("supplier", supplier);
        assessment.put("assessedOn", today);
        assessment.put("riskRating", "HIGH");
        assessment.put("dataProcessed", "Hồ sơ " + marker);
        assessment.put("securityClause", true);
        assessment.put("securityClauseRef", "Điều 9");
        assessment.put("incidentClause", false);
        made(
                "supplier-assessments",
                api.post("/api/v1/organizations/" + unitB.id() + "/supplier-assessments", assessment));
        // a response team of B with a member holding a certificate
        long team = made(
                "response-teams",
                api.post(
                        "/api/v1/response-teams",
                        Map.of("organizationId", unitB.id(), "name", "Đội ứng cứu " + marker)));
        long member = made(
                "response-teams/members",
                api.post(
                        "/api/v1/response-teams/" + team + "/members",
                        Map.of(
                                "fullName",
                                "Thành viên " + marker,
                                "organisationName",
                                "Công ty B",
                                "phone",
                                "0912 999 777",
                                "role",
                                "EXPERT",
                                "skills",
                                List.of(Map.of("skill", PATH_VALUES.get("skill"), "certificate", "GIAC GCFA")))));
        Http.Response certificate = api.upload(
                "/api/v1/response-teams/" + team + "/members/" + member + "/certificates/" + PATH_VALUES.get("skill"),
                "cc.pdf",
                ("%PDF-1.4 " + marker).getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(certificate.status()).as(certificate.body()).isEqualTo(200);
        // a member of the incident-response network below B (a province-kind organisation) and its contact change
        TestData.Org networkMember = data.org(unitB, "Thành viên mạng lưới " + marker);
        data.jdbc()
                .sql("UPDATE organization SET kind = 'PROVINCE' WHERE id = :id")
                .param("id", networkMember.id())
                .update();
        add(created, "incident-network/members", networkMember.id());
        made(
                "contact-point",
                api.post(
                        "/api/v1/incident-network/members/" + networkMember.id() + "/contact-point",
                        Map.of(
                                "contactName",
                                "Trực " + marker,
                                "phone",
                                "0912 000 999",
                                "email",
                                "truc@example.test",
                                "receptionAddress",
                                "https://example.test/su-co")));
    }

    /**
     * What needs the generic rounds' objects: an order on B's incident, and the plan of B's system once its level is
     * approved (the way the dossier workflow approves it), with a requirement's evidence and an assessment.
     */
    void complete(TestData.Person b, TestData.Org unitB, String marker) {
        Http.Api api = http.api(b.token());
        long incident = first("incidents");
        Http.Response order = null;
        for (long target : List.of(unitB.id(), first("organizations"))) {
            order = api.post(
                    "/api/v1/incidents/" + incident + "/orders",
                    Map.of(
                            "targetOrganizationId",
                            target,
                            "instruction",
                            "Lệnh " + marker,
                            "dueAt",
                            OffsetDateTime.now(ZoneOffset.ofHours(7))
                                    .plusHours(6)
                                    .withNano(0)
                                    .toString()));
            if (order.status() < 300) {
                break;
            }
        }
        made("orders", order);
        long system = first("systems");
        compliance.approve(system, unitB, 3, "nd85-2016", today().minusMonths(1));
        String sys = "/api/v1/compliance/systems/" + system;
        JsonNode items = Http.JSON.createArrayNode();
        for (int i = 0; i < 50 && items.isEmpty(); i++) { // the plan follows the approval's event
            items = api.get(sys + "/plan").json().path("items");
            if (items.isEmpty()) {
                sleep();
            }
        }
        assertThat(items).as("the plan of B's approved system").isNotEmpty();
        String requirement = items.get(0).get("requirementId").asString();
        pathValues.put("requirementId", requirement);
        made(
                "evidence",
                api.post(
                        sys + "/plan/" + requirement + "/evidence",
                        Map.of("title", "Bằng chứng " + marker, "url", "https://vanban.example.test/b")));
        made(
                "assessments",
                api.post(
                        sys + "/assessments",
                        Map.of(
                                "kind",
                                "PERIODIC",
                                "assessorKind",
                                "LICENSED_ORGANISATION",
                                "assessorName",
                                "Đánh giá " + marker,
                                "scopes",
                                List.of("COMPLIANCE"),
                                "startedOn",
                                today().minusDays(10).toString(),
                                "completedOn",
                                today().minusDays(5).toString(),
                                "results",
                                List.of())));
    }

    /** B's object made through the API: its id, kept under {@code collection}. */
    long made(String collection, Http.Response r) {
        assertThat(r.status()).as(collection + ": " + r.body()).isBetween(200, 299);
        long id = r.json().get("id").asLong();
        add(created, collection, id);
        return id;
    }

    long first(String collection) {
        Set<Long> ids = created.get(collection);
        assertThat(ids).as("B's " + collection).isNotEmpty();
        return ids.iterator().next();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A CSAF 2.0 advisory of the test resources with its own tracking id. */
    static byte[] csaf(String trackingId) {
        try (var in = CrossSubtreeProbeTest.class.getResourceAsStream("/warnings/csaf/checks/accepted-failures.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("KHIEN-T-CHECKS-ID", trackingId)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
    String fill(String template, Map<String, Set<Long>> first, Map<String, Set<Long>> second) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = template.substring(0, m.start());
            String upTo = before.endsWith("/") ? before.substring(0, before.length() - 1) : "";
            String segment = lastSegment(upTo);
            // "response-teams/members" tells a team's member from a network member ("incident-network/members")
            String parent = upTo.isEmpty() ? "" : lastSegment(upTo.substring(0, upTo.lastIndexOf('/'))) + "/" + segment;
            String variable = m.group(1);
            if (pathValues.containsKey(variable)) {
                m.appendReplacement(out, Matcher.quoteReplacement(pathValues.get(variable)));
                continue;
            }
            if (first.isEmpty()) { // the same path with every id one that does not exist
                m.appendReplacement(out, String.valueOf(NOWHERE));
                continue;
            }
            Long id = null;
            for (Map<String, Set<Long>> ids : second == null ? List.of(first) : List.of(first, second)) {
                for (String key : List.of(parent, segment, variable)) {
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
