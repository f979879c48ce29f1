package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.HomePageReader;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** The register's lines on the home page reach the person who must act, and nobody outside the subtree. */
class SystemsAttentionTest extends IntegrationTest {

    @Test
    void submittedDossierWaitsForTheAppraiserAndLateDossiersShowInTheSubtreeOnly() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        TestData.Person outsider = data.person(data.org(data.root(), "Tỉnh Bên Ngoài"), Role.LEADER);
        Http.Api officer = http.api(p.officer.token());
        long systemId = ProvinceFixture.createSystem(officer, data, p.department, "Hệ thống một cửa điện tử");
        String code =
                officer.get("/api/v1/systems/" + systemId).json().get("code").asString();
        assertThat(officer.post(
                                "/api/v1/systems/" + systemId + "/classifications",
                                Map.of("regime", "nd331-2026", "answers", ProvinceFixture.LEVEL3_ND331))
                        .status())
                .isEqualTo(201);
        long dossierId = officer.post("/api/v1/systems/" + systemId + "/dossiers", "")
                .json()
                .get("dossier")
                .get("id")
                .asLong();
        ProvinceFixture.fillParts(officer, dossierId);
        assertThat(officer.post("/api/v1/dossiers/" + dossierId + "/actions/SUBMIT", Map.of())
                        .status())
                .isEqualTo(200);

        assertThat(HomePageReader.attention(http, p.appraiser))
                .anyMatch(line -> line.contains(code) && line.contains("chờ bạn thẩm định"));
        // The submitter may not appraise their own dossier; the outsider does not even see it.
        assertThat(HomePageReader.attention(http, p.officer))
                .noneMatch(line -> line.contains("chờ bạn thẩm định") && line.contains(code));
        assertThat(HomePageReader.attention(http, outsider)).noneMatch(line -> line.contains(code));

        data.jdbc()
                .sql("UPDATE level_dossier SET step_due_on = :d WHERE id = :id")
                .param("d", LocalDate.now().minusDays(3))
                .param("id", dossierId)
                .update();
        assertThat(HomePageReader.attention(http, p.provinceLeader))
                .anyMatch(line -> line.contains(code) && line.contains("quá hạn xử lý"));
        assertThat(HomePageReader.attention(http, outsider)).noneMatch(line -> line.contains(code));
    }
}
