package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.access.ActingAs;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The open findings an incident may link (of its affected systems) are never cut silently (issue 12 review): the
 * query answers at most the rows asked with the total of all that qualify, narrows by title or CVE, leaves out those
 * already linked and the closed ones, and keeps the register's scope (someone of another subtree finds none).
 */
class IncidentFindingCandidatesTest extends IntegrationTest {

    @Autowired
    IncidentFindingsQuery query;

    @Test
    void candidatesSayHowManyThereAreAndAreSearchable() {
        TestData.Org province = data.org(data.root(), "Tỉnh ứng viên phát hiện");
        TestData.Org unit = data.org(province, "Đơn vị ứng viên phát hiện");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        long system = ScanTestSupport.system(data, unit);
        // five findings of one severity (plugin % 5 == 3), so they come by id
        int base = 5 * (14000 + ThreadLocalRandom.current().nextInt(2000)) + 3;
        int[] plugins = {base, base + 5, base + 10, base + 15, base + 20};
        Http.Response scan = admin().upload(
                        "/api/v1/systems/" + system + "/scans",
                        "r.nessus",
                        ScanTestSupport.nessus(Map.of("10.8.8.8", plugins)),
                        Map.of());
        assertThat(scan.status()).as(scan.body()).isEqualTo(201);
        List<Long> ids = data.jdbc()
                .sql("SELECT id FROM finding WHERE system_id = :s ORDER BY id")
                .param("s", system)
                .query(Long.class)
                .list();
        assertThat(ids).hasSize(5);

        IncidentFindingsQuery.Found some = as(officer, () -> query.openOfSystems(List.of(system), null, Set.of(), 2));
        assertThat(some.total()).isEqualTo(5);
        assertThat(some.capped()).isTrue();
        assertThat(some.rows())
                .extracting(IncidentFindingsQuery.FindingRef::id)
                .containsExactly(ids.get(0), ids.get(1));

        String cve = "cve-2024-" + (10000 + plugins[2]);
        IncidentFindingsQuery.Found byCve = as(officer, () -> query.openOfSystems(List.of(system), cve, Set.of(), 2));
        assertThat(byCve.total()).isEqualTo(1);
        assertThat(byCve.capped()).isFalse();
        assertThat(byCve.rows())
                .extracting(IncidentFindingsQuery.FindingRef::id)
                .containsExactly(ids.get(2));
        IncidentFindingsQuery.Found byTitle =
                as(officer, () -> query.openOfSystems(List.of(system), " Plugin " + plugins[4] + " ", Set.of(), 200));
        assertThat(byTitle.rows())
                .extracting(IncidentFindingsQuery.FindingRef::id)
                .containsExactly(ids.get(4));

        // linked ones are left out of the rows and of the total; a fixed one is no candidate
        data.jdbc()
                .sql("UPDATE finding SET status = 'FIXED' WHERE id = :id")
                .param("id", ids.get(3))
                .update();
        IncidentFindingsQuery.Found rest =
                as(officer, () -> query.openOfSystems(List.of(system), null, Set.of(ids.get(0)), 200));
        assertThat(rest.total()).isEqualTo(3);
        assertThat(rest.capped()).isFalse();
        assertThat(rest.rows())
                .extracting(IncidentFindingsQuery.FindingRef::id)
                .containsExactly(ids.get(1), ids.get(2), ids.get(4));

        TestData.Person outsider = data.person(data.org(data.root(), "Tỉnh ngoài phát hiện"), Role.SECURITY_OFFICER);
        assertThat(as(outsider, () -> query.openOfSystems(List.of(system), null, Set.of(), 200))
                        .total())
                .isZero();
        assertThat(as(officer, () -> query.openOfSystems(List.of(), null, Set.of(), 200)))
                .isEqualTo(IncidentFindingsQuery.Found.NONE);
    }

    private <T> T as(TestData.Person p, Supplier<T> step) {
        long id = data.jdbc()
                .sql("SELECT id FROM app_user WHERE username = :u")
                .param("u", p.username())
                .query(Long.class)
                .single();
        return ActingAs.run(id, p.username(), step);
    }
}
