package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.access.ActingAs;
import vn.khien.access.OrgScope;
import vn.khien.access.Role;
import vn.khien.access.ScopeFilter;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.systems.register.SystemRepository;

/**
 * The dossier visibility and "the system concerns this subtree" are written as constant path prefixes for a large
 * subtree and in the row-by-row form for a small one (ADR 0064): both forms match exactly the same rows, for the
 * owner's people, the appraising body's, a leader above them, someone outside and a subtree of each kind.
 */
class SizedVisibilityTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    /** Every subtree large: constant prefixes. */
    SystemRepository literal() {
        return new SystemRepository(jdbc, new OrgScope(jdbc, 0));
    }

    /** No subtree large: the EXISTS over the grants, the subtree bound as a parameter. */
    SystemRepository rowByRow() {
        return new SystemRepository(jdbc, new OrgScope(jdbc, Integer.MAX_VALUE));
    }

    @Test
    void bothFormsMatchTheSameDossiersAndSystems() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        TestData.Org elsewhere = data.org(data.root(), "Tỉnh Khác");
        TestData.Person outsider = data.person(elsewhere, Role.LEADER);
        Http.Api officer = http.api(p.officer.token());
        long submitted = ProvinceFixture.createSystem(officer, data, p.department, "Hệ thống hồ sơ đã nộp");
        long draft = ProvinceFixture.createSystem(officer, data, p.department, "Hệ thống hồ sơ nháp");
        long submittedDossier = ProvinceFixture.classifiedDossier(officer, submitted);
        assertThat(officer.post("/api/v1/dossiers/" + submittedDossier + "/actions/SUBMIT", Map.of())
                        .status())
                .isEqualTo(200);
        long draftDossier = ProvinceFixture.classifiedDossier(officer, draft);
        List<Long> systems = List.of(submitted, draft);

        ActingAs.run(p.officer.id(), p.officer.username(), () -> {
            assertThat(literal().dossierVisible("d").sql())
                    .as("constant prefixes")
                    .contains("po.path LIKE '" + p.department.path() + "%'")
                    .isNotEqualTo(rowByRow().dossierVisible("d").sql());
            assertThat(rowByRow().dossierVisible("d").sql()).contains(":partyPerson");
            return null;
        });
        assertThat(literal().concernsSubtreeAt("s.id", p.province.path()).sql())
                .contains("'" + p.province.path() + "%'");
        assertThat(rowByRow().concernsSubtreeAt("s.id", p.province.path()).sql())
                .contains(":subtreePath");

        Map<TestData.Person, Set<Long>> expected = Map.of(
                p.officer,
                Set.of(submittedDossier, draftDossier),
                p.provinceLeader,
                Set.of(submittedDossier, draftDossier),
                p.appraiser,
                Set.of(submittedDossier), // the appraising body, once submitted
                outsider,
                Set.of());
        expected.forEach((person, dossiers) -> {
            Set<Long> byLiteral = dossiersSeen(person, literal(), systems);
            Set<Long> byRows = dossiersSeen(person, rowByRow(), systems);
            assertThat(byLiteral).as(person.username()).isEqualTo(dossiers);
            assertThat(byRows).as(person.username()).isEqualTo(dossiers);
        });

        Map<TestData.Org, Set<Long>> concerned = Map.of(
                p.province,
                Set.of(submitted, draft),
                p.department,
                Set.of(submitted, draft),
                p.securityUnit,
                Set.of(submitted), // its appraiser party, once submitted
                elsewhere,
                Set.of(),
                data.root(),
                Set.of(submitted, draft));
        concerned.forEach((org, expectedSystems) -> {
            assertThat(concerning(org, literal(), systems)).as(org.path()).isEqualTo(expectedSystems);
            assertThat(concerning(org, rowByRow(), systems)).as(org.path()).isEqualTo(expectedSystems);
        });
    }

    private Set<Long> dossiersSeen(TestData.Person person, SystemRepository repository, List<Long> systems) {
        return ActingAs.run(person.id(), person.username(), () -> {
            ScopeFilter f = repository.dossierVisible("d");
            return new TreeSet<>(
                    jdbc.sql("SELECT d.id FROM level_dossier d WHERE d.system_id IN (:ours) AND " + f.sql())
                            .params(f.params())
                            .param("ours", systems)
                            .query(Long.class)
                            .list());
        });
    }

    private Set<Long> concerning(TestData.Org org, SystemRepository repository, List<Long> systems) {
        ScopeFilter f = repository.concernsSubtreeAt("s.id", org.path());
        return new TreeSet<>(jdbc.sql("SELECT s.id FROM information_system s WHERE s.id IN (:ours) AND " + f.sql())
                .params(f.params())
                .param("ours", systems)
                .query(Long.class)
                .list());
    }
}
