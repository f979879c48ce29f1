package vn.khien.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * The warnings list as a receiving unit reads it over the API: where each warning stands for its own systems (counted
 * in SQL), the "needs my answer" and text filters, the 200-row cap said in headers, and the declaration of a system
 * the matching missed (a reason required, the unit's own system in service only, audited).
 */
class WarningsListApiTest extends IntegrationTest {

    static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
    static final List<Map<String, Object>> LOG4J_RANGE = List.of(
            Map.of("purl", "pkg:maven/org.apache.logging.log4j/log4j-core", "vers", "vers:maven/>=2.0|<2.15.0"));

    private static List<JsonNode> rows(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return StreamSupport.stream(r.json().spliterator(), false).toList();
    }

    private static JsonNode row(Http.Response r, long id) {
        return rows(r).stream()
                .filter(n -> n.get("id").asLong() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("warning " + id + " not listed: " + r.body()));
    }

    @Test
    void eachWarningSaysWhereTheUnitsOwnSystemsStandAndNeedsMyAnswerNarrowsToTheUnanswered() {
        WarningsFixture f = new WarningsFixture(http, data);
        WarningsApiTest.Tree t = f.tree();
        Http.Api a = http.api(t.officerA().token());
        long one = ScanTestSupport.system(data, t.unitA());
        long two = ScanTestSupport.system(data, t.unitA());
        long three = ScanTestSupport.system(data, t.unitA());
        long other = ScanTestSupport.system(data, t.unitB());
        for (long s : List.of(one, two, three)) {
            f.component(a, s, null, LOG4J);
        }
        f.component(http.api(t.officerB().token()), other, null, LOG4J);
        Http.Response p = f.publish(
                http.api(t.publisher().token()),
                t.province().id(),
                "AMBER",
                LOG4J_RANGE,
                List.of("CVE-2021-44228"),
                null,
                LocalDate.now().minusDays(2));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        long id = p.json().get("id").asLong();
        String responses = "/api/v1/warnings/" + id + "/responses";
        assertThat(a.post(responses, Map.of("systemId", one, "status", "FIXED", "note", "Đã nâng cấp 2.17.1"))
                        .status())
                .isEqualTo(201);
        assertThat(a.post(responses, Map.of("systemId", two, "status", "ACKNOWLEDGED"))
                        .status())
                .isEqualTo(201);

        Http.Response list = a.get("/api/v1/warnings");
        JsonNode mine = row(list, id).get("mine");
        // unit A's three systems only (B's is not A's): one fixed, one acknowledged, one never acknowledged and late
        assertThat(mine.get("systems").asLong()).isEqualTo(3);
        assertThat(mine.get("acknowledged").asLong()).isEqualTo(2);
        assertThat(mine.get("fixed").asLong()).isEqualTo(1);
        assertThat(mine.get("fixing").asLong()).isZero();
        assertThat(mine.get("notAffected").asLong()).isZero();
        assertThat(mine.get("unanswered").asLong()).isEqualTo(2);
        assertThat(mine.get("overdue").asLong()).isEqualTo(1);
        assertThat(Long.parseLong(list.header("X-Total-Count")))
                .isEqualTo(rows(list).size());
        assertThat(list.header("X-Result-Limit")).isEqualTo("200");
        // the province's publisher sees its whole subtree, B's system included
        assertThat(row(http.api(t.publisher().token()).get("/api/v1/warnings"), id)
                        .get("mine")
                        .get("systems")
                        .asLong())
                .isEqualTo(4);

        String needs = "/api/v1/warnings?needsAnswer=true";
        assertThat(rows(a.get(needs))).extracting(n -> n.get("id").asLong()).contains(id);
        assertThat(a.post(
                                responses,
                                Map.of(
                                        "systemId",
                                        two,
                                        "status",
                                        "FIXING",
                                        "plannedFixOn",
                                        LocalDate.now().plusDays(3).toString()))
                        .status())
                .isEqualTo(201);
        assertThat(a.post(
                                responses,
                                Map.of(
                                        "systemId",
                                        three,
                                        "status",
                                        "NOT_AFFECTED",
                                        "justification",
                                        "component_not_present"))
                        .status())
                .isEqualTo(201);
        assertThat(rows(a.get(needs)))
                .as("every system of A has a verdict")
                .extracting(n -> n.get("id").asLong())
                .doesNotContain(id);
        // B still has to answer: the filter is the caller's own, not the warning's
        assertThat(rows(http.api(t.officerB().token()).get(needs)))
                .extracting(n -> n.get("id").asLong())
                .contains(id);
        JsonNode after = row(a.get("/api/v1/warnings"), id).get("mine");
        assertThat(after.get("fixing").asLong()).isEqualTo(1);
        assertThat(after.get("notAffected").asLong()).isEqualTo(1);
        assertThat(after.get("unanswered").asLong()).isZero();
        assertThat(after.get("overdue").asLong()).isZero();
    }

    @Test
    void aListCappedAt200SaysHowManyMatchAndTheSearchNarrowsIt() {
        WarningsApiTest.Tree t = new WarningsFixture(http, data).tree();
        String token = data.unique("CAP").replace('-', 'x');
        Instant now = Instant.now();
        for (int i = 0; i < 201; i++) {
            data.jdbc()
                    .sql("""
                            INSERT INTO warning (organization_id, title, severity, cves, acknowledge_by, fix_by, tlp,
                              scope_kind, published_at)
                            VALUES (:o, :t, 'LOW', ',CVE-2021-44228,', :ack, :fix, 'CLEAR', 'SUBTREE', :at)""")
                    .param("o", t.province().id())
                    .param("t", "Cảnh báo " + token + " số " + String.format("%04d", i))
                    .param("ack", Date.valueOf(LocalDate.now().plusDays(3)))
                    .param("fix", Date.valueOf(LocalDate.now().plusDays(9)))
                    .param("at", Timestamp.from(now.plusSeconds(i)))
                    .update();
        }
        Http.Api a = http.api(t.officerA().token());
        Http.Response all = a.get("/api/v1/warnings?q=" + token.toLowerCase(java.util.Locale.ROOT));
        assertThat(rows(all)).hasSize(200);
        assertThat(all.header("X-Total-Count")).isEqualTo("201");
        assertThat(rows(all).get(0).get("title").asString()).endsWith("số 0200");
        Http.Response narrowed = a.get("/api/v1/warnings?q=" + token + "%20s%E1%BB%91%200007");
        assertThat(rows(narrowed))
                .extracting(n -> n.get("title").asString())
                .containsExactly("Cảnh báo " + token + " số 0007");
        assertThat(narrowed.header("X-Total-Count")).isEqualTo("1");

        Http.Session s = http.session();
        assertThat(s.login(t.officerA().username(), TestData.PASSWORD).status()).isEqualTo(302);
        Http.Response page = s.get("/warnings?q=" + token);
        assertThat(page.body()).contains("Đang hiển thị 200 trên 201 cảnh báo");
        assertThat(s.get("/warnings?q=" + token + "%20s%E1%BB%91%200007").body())
                .doesNotContain("Đang hiển thị");
    }

    @Test
    void aUnitDeclaresItsOwnSystemAffectedWithAReasonAudited() {
        WarningsFixture f = new WarningsFixture(http, data);
        WarningsApiTest.Tree t = f.tree();
        long mine = ScanTestSupport.system(data, t.unitB());
        long retired = ScanTestSupport.system(data, t.unitB());
        data.jdbc()
                .sql("UPDATE information_system SET lifecycle_status = 'RETIRED' WHERE id = :s")
                .param("s", retired)
                .update();
        long notMine = ScanTestSupport.system(data, t.unitA());
        Http.Response p = f.publish(
                http.api(t.publisher().token()),
                t.province().id(),
                "CLEAR",
                List.of(Map.of("purl", "pkg:npm/lodash", "vers", "vers:npm/<4.17.21")),
                List.of(),
                null,
                LocalDate.now().plusDays(3));
        long id = p.json().get("id").asLong();
        Http.Api b = http.api(t.officerB().token());
        String responses = "/api/v1/warnings/" + id + "/responses";

        Http.Response noReason = b.post(responses, Map.of("systemId", mine, "status", "AFFECTED"));
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(422);
        assertThat(noReason.header("Content-Type")).startsWith("application/problem+json");
        assertThat(noReason.body()).contains("\"note\"");
        Http.Response old = b.post(responses, Map.of("systemId", retired, "status", "AFFECTED", "note", "vẫn chạy"));
        assertThat(old.status()).as(old.body()).isEqualTo(422);
        assertThat(old.body()).contains("\"systemId\"");
        assertThat(b.post(responses, Map.of("systemId", notMine, "status", "AFFECTED", "note", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(b.get("/api/v1/warnings/" + id + "/affected").json()).isEmpty();

        Http.Response ok = b.post(
                responses, Map.of("systemId", mine, "status", "AFFECTED", "note", "Giao diện dùng lodash 4.17.15"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        JsonNode row = b.get("/api/v1/warnings/" + id + "/affected").json().get(0);
        assertThat(row.get("matchedBy").asString()).isEqualTo("DECLARED");
        assertThat(row.get("reason").asString()).isEqualTo("Giao diện dùng lodash 4.17.15");
        String audited = data.jdbc()
                .sql("SELECT details FROM audit_event WHERE action = 'WARNING_DECLARED_AFFECTED' AND details LIKE :d")
                .param("d", "%\"systemId\":" + mine + "%")
                .query(String.class)
                .single();
        assertThat(audited).contains("Giao diện dùng lodash 4.17.15").contains("ACKNOWLEDGED");
    }
}
