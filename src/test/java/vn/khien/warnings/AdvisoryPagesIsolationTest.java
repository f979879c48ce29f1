package vn.khien.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The advisory page ({@code GET /advisories/{id}}, ADR 0062) shows national reference data owned by no organisation
 * (like the API's {@code GET /api/v1/advisories/{id}}): a person of any subtree reads it, and it carries nothing of an
 * organisation (not who imported it); an id that does not exist is 404.
 */
public class AdvisoryPagesIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of("GET /advisories/{id}");

    @Test
    void anAdvisoryPageIsReadFromAnySubtreeAndNamesNoOrganisation() {
        String provinceName = data.unique("Tỉnh nhập thư viện");
        TestData.Org province = data.org(data.root(), provinceName);
        data.org(province, "Đơn vị trực thuộc");
        TestData.Person importer = data.person(province, Role.SECURITY_OFFICER);
        Http.Response r = http.api(importer.token())
                .upload(
                        "/api/v1/advisory-feeds",
                        "accepted.json",
                        CsafChecksImportTest.csaf("checks/accepted-failures.json", data.unique("KHIEN-ISO")),
                        Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("advisoryId").asLong();

        TestData.Org other = data.org(data.root(), "Đơn vị khác cây");
        TestData.Person stranger = data.person(other, Role.ORG_ADMIN);
        Http.Session session = http.session();
        assertThat(session.login(stranger.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        Http.Response page = session.get("/advisories/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("§6.1.16").doesNotContain(provinceName).doesNotContain(importer.username());
        assertThat(session.get("/advisories/" + Long.MAX_VALUE).status()).isEqualTo(404);
    }
}
