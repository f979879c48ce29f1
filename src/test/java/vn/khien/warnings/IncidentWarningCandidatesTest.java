package vn.khien.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.access.ActingAs;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * The warnings an incident may link (reaching its affected systems) are never cut silently: the query answers at
 * most the rows asked with the total of all that qualify, narrows by title or CVE, leaves out those already linked,
 * and keeps the TLP rule (someone of another subtree finds none).
 */
class IncidentWarningCandidatesTest extends IntegrationTest {

    @Autowired
    IncidentWarningsQuery query;

    @Test
    void candidatesSayHowManyThereAreAndAreSearchable() {
        WarningsApiTest.Tree t = new WarningsFixture(http, data).tree();
        long system = ScanTestSupport.system(data, t.unitA());
        new WarningsFixture(http, data)
                .component(
                        http.api(t.officerA().token()),
                        system,
                        "cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*",
                        null);
        String token = data.unique("ung-vien");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = new HashMap<>();
            body.put("organizationId", t.province().id());
            body.put("title", "Apache httpd " + token + " số " + i);
            body.put("severity", "HIGH");
            body.put("cves", List.of("CVE-2021-4177" + i));
            body.put(
                    "affected",
                    List.of(Map.of(
                            "cpe", "cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*", "versionEndExcluding", "2.4.51")));
            body.put("acknowledgeBy", LocalDate.now().plusDays(2).toString());
            body.put("fixBy", LocalDate.now().plusDays(9).toString());
            body.put("tlp", "GREEN");
            Http.Response r = http.api(t.publisher().token()).post("/api/v1/warnings", body);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            ids.add(r.json().get("id").asLong());
        }

        IncidentWarningsQuery.Found some = as(t.officerA(), () -> query.reaching(List.of(system), null, Set.of(), 2));
        assertThat(some.total()).isEqualTo(5);
        assertThat(some.capped()).isTrue();
        assertThat(some.rows())
                .extracting(IncidentWarningsQuery.WarningRef::id)
                .containsExactly(ids.get(4), ids.get(3));

        IncidentWarningsQuery.Found searched =
                as(t.officerA(), () -> query.reaching(List.of(system), "cve-2021-41772", Set.of(), 2));
        assertThat(searched.total()).isEqualTo(1);
        assertThat(searched.capped()).isFalse();
        assertThat(searched.rows())
                .extracting(IncidentWarningsQuery.WarningRef::id)
                .containsExactly(ids.get(2));
        assertThat(as(t.officerA(), () -> query.reaching(List.of(system), token + " số 4", Set.of(), 200))
                        .rows())
                .extracting(IncidentWarningsQuery.WarningRef::id)
                .containsExactly(ids.get(4));

        IncidentWarningsQuery.Found rest =
                as(t.officerA(), () -> query.reaching(List.of(system), token, Set.of(ids.get(4), ids.get(0)), 200));
        assertThat(rest.total()).isEqualTo(3);
        assertThat(rest.rows())
                .extracting(IncidentWarningsQuery.WarningRef::id)
                .containsExactly(ids.get(3), ids.get(2), ids.get(1));

        TestData.Person outsider = data.person(data.org(data.root(), "Tỉnh ngoài"), Role.SECURITY_OFFICER);
        assertThat(as(outsider, () -> query.reaching(List.of(system), null, Set.of(), 200))
                        .total())
                .isZero();
    }

    private <T> T as(TestData.Person p, java.util.function.Supplier<T> step) {
        long id = data.jdbc()
                .sql("SELECT id FROM app_user WHERE username = :u")
                .param("u", p.username())
                .query(Long.class)
                .single();
        return ActingAs.run(id, p.username(), step);
    }
}
