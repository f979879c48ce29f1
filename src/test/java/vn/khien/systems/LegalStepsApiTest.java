package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;

/** Issue 9 points 16–21 over the API: the legal steps of levels, dossiers and the critical list. */
class LegalStepsApiTest extends IntegrationTest {

    static final Map<String, Object> NATIONWIDE_NOT_24X7 = Map.of("system_type", "INFRASTRUCTURE",
            "infrastructure_scope", "NATIONWIDE", "requires_24x7", false, "info_types", java.util.List.of("PUBLIC"),
            "serves_defence_security", false, "handles_administrative_procedures", false,
            "national_egov_system", false, "centralised_national_data", false);

    @Test
    void noCriterionMetAsksForAJustifiedProposalAndFlagsItForTheAppraiser() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        Http.Api officer = http.api(p.officer.token());
        long systemId = ProvinceFixture.createSystem(officer, data, p.department, "Mạng truyền số liệu toàn quốc");
        String classify = "/api/v1/systems/" + systemId + "/classifications";

        // Not an error the officer cannot get past: the answer names the fields to fill in.
        Http.Response gap = officer.post(classify, Map.of("regime", "nd331-2026", "answers", NATIONWIDE_NOT_24X7));
        assertThat(gap.status()).isEqualTo(422);
        assertThat(gap.body()).contains("chosenLevel").contains("justification")
                .contains("không đáp ứng tiêu chí nào của Nghị định 331/2026");
        Http.Response tooShort = officer.post(classify, Map.of("regime", "nd331-2026", "answers", NATIONWIDE_NOT_24X7,
                "chosenLevel", 3, "justification", "Toàn quốc"));
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.body()).contains("justification").doesNotContain("\"chosenLevel\"");

        String why = "Hạ tầng phục vụ các cơ quan trên toàn quốc nhưng không yêu cầu vận hành 24/7: tương tự Đ13 (nhiều tỉnh).";
        Http.Response proposed = officer.post(classify, Map.of("regime", "nd331-2026", "answers", NATIONWIDE_NOT_24X7,
                "chosenLevel", 3, "justification", why));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.json().get("noCriterion").asBoolean()).isTrue();
        assertThat(proposed.json().get("chosenLevel").asInt()).isEqualTo(3);
        assertThat(proposed.json().get("deciding")).isEmpty();

        long dossierId = officer.post("/api/v1/systems/" + systemId + "/dossiers", "").json().get("dossier").get("id").asLong();
        ProvinceFixture.fillParts(officer, dossierId);
        assertThat(officer.post("/api/v1/dossiers/" + dossierId + "/actions/SUBMIT", Map.of()).status()).isEqualTo(200);
        Http.Response seen = http.api(p.appraiser.token()).get("/api/v1/dossiers/" + dossierId);
        assertThat(seen.json().get("proposalWithoutCriterion").get("justification").asText()).isEqualTo(why);

        // An ordinary classification carries no flag.
        long other = ProvinceFixture.createSystem(officer, data, p.department, "Hệ thống một cửa");
        Http.Response ordinary = officer.post("/api/v1/systems/" + other + "/classifications",
                Map.of("regime", "nd331-2026", "answers", ProvinceFixture.LEVEL3_ND331));
        assertThat(ordinary.json().get("noCriterion").asBoolean()).isFalse();
    }
}
