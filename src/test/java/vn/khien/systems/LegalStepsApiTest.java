package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.access.Role;
import vn.khien.platform.PlatformConfiguration;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.systems.deadlines.Deadline;
import vn.khien.systems.deadlines.ProcedureStep;
import vn.khien.systems.dossier.DossierDeadlines;

/** Issue 9 points 16–21 over the API: the legal steps of levels, dossiers and the critical list. */
class LegalStepsApiTest extends IntegrationTest {

    static final Map<String, Object> NATIONWIDE_NOT_24X7 = Map.of(
            "system_type",
            "INFRASTRUCTURE",
            "infrastructure_scope",
            "NATIONWIDE",
            "requires_24x7",
            false,
            "info_types",
            List.of("PUBLIC"),
            "serves_defence_security",
            false,
            "handles_administrative_procedures",
            false,
            "national_egov_system",
            false,
            "centralised_national_data",
            false);

    @Test
    void noCriterionMetAsksForAJustifiedProposalAndFlagsItForTheAppraiser() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        Http.Api officer = http.api(p.officer.token());
        long systemId = ProvinceFixture.createSystem(officer, data, p.department, "Mạng truyền số liệu toàn quốc");
        String classify = "/api/v1/systems/" + systemId + "/classifications";

        // Not an error the officer cannot get past: the answer names the fields to fill in.
        Http.Response gap = officer.post(classify, Map.of("regime", "nd331-2026", "answers", NATIONWIDE_NOT_24X7));
        assertThat(gap.status()).isEqualTo(422);
        assertThat(gap.body())
                .contains("chosenLevel")
                .contains("justification")
                .contains("không đáp ứng tiêu chí nào của Nghị định 331/2026");
        Http.Response tooShort = officer.post(
                classify,
                Map.of(
                        "regime",
                        "nd331-2026",
                        "answers",
                        NATIONWIDE_NOT_24X7,
                        "chosenLevel",
                        3,
                        "justification",
                        "Toàn quốc"));
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.body()).contains("justification").doesNotContain("\"chosenLevel\"");

        String why =
                "Hạ tầng phục vụ các cơ quan trên toàn quốc nhưng không yêu cầu vận hành 24/7: tương tự Đ13 (nhiều tỉnh).";
        Http.Response proposed = officer.post(
                classify,
                Map.of("regime", "nd331-2026", "answers", NATIONWIDE_NOT_24X7, "chosenLevel", 3, "justification", why));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.json().get("noCriterion").asBoolean()).isTrue();
        assertThat(proposed.json().get("chosenLevel").asInt()).isEqualTo(3);
        assertThat(proposed.json().get("deciding")).isEmpty();

        long dossierId = officer.post("/api/v1/systems/" + systemId + "/dossiers", "")
                .json()
                .get("dossier")
                .get("id")
                .asLong();
        ProvinceFixture.fillParts(officer, dossierId);
        assertThat(officer.post("/api/v1/dossiers/" + dossierId + "/actions/SUBMIT", Map.of())
                        .status())
                .isEqualTo(200);
        Http.Response seen = http.api(p.appraiser.token()).get("/api/v1/dossiers/" + dossierId);
        assertThat(seen.json()
                        .get("proposalWithoutCriterion")
                        .get("justification")
                        .asText())
                .isEqualTo(why);

        // An ordinary classification carries no flag.
        long other = ProvinceFixture.createSystem(officer, data, p.department, "Hệ thống một cửa");
        Http.Response ordinary = officer.post(
                "/api/v1/systems/" + other + "/classifications",
                Map.of("regime", "nd331-2026", "answers", ProvinceFixture.LEVEL3_ND331));
        assertThat(ordinary.json().get("noCriterion").asBoolean()).isFalse();
    }

    @Test
    void regimesEndpointGivesLabelsAndTheConditionsOfConditionalQuestions() {
        tools.jackson.databind.JsonNode regimes =
                admin().get("/api/v1/classification-regimes").json();
        tools.jackson.databind.JsonNode nd331 = null;
        for (tools.jackson.databind.JsonNode r : regimes) {
            if (r.get("id").asText().equals("nd331-2026")) {
                nd331 = r;
            }
        }
        assertThat(nd331).isNotNull();
        Map<String, tools.jackson.databind.JsonNode> byId = new HashMap<>();
        nd331.get("questions").forEach(q -> byId.put(q.get("id").asText(), q));
        tools.jackson.databind.JsonNode type = byId.get("system_type");
        assertThat(type.get("optionLabels").get("CITIZEN_BUSINESS").get("vi").asText())
                .isEqualTo("Phục vụ người dân, doanh nghiệp");
        assertThat(type.get("optionLabels").get("ICS").get("en").asText()).isEqualTo("Industrial control");
        assertThat(type.get("requiredWhen").isNull()).isTrue();
        tools.jackson.databind.JsonNode h24 = byId.get("requires_24x7");
        assertThat(h24.get("required").asBoolean()).isFalse();
        assertThat(h24.get("requiredWhen").get("any").get(0).get("question").asText())
                .isEqualTo("national_egov_system");
        assertThat(h24.get("requiredWhen").get("any").get(1).get("in").get(0).asText())
                .isEqualTo("NATIONWIDE");
        assertThat(byId.get("basic_pd_subjects")
                        .get("requiredWhen")
                        .get("value")
                        .asText())
                .isEqualTo("CITIZEN_BUSINESS");

        // The register answers in the same codes, and still reads the former ones.
        ProvinceFixture p = new ProvinceFixture(data, admin());
        Http.Response created = http.api(p.officer.token())
                .post(
                        "/api/v1/systems",
                        Map.of(
                                "code",
                                data.unique("HT"),
                                "name",
                                "Cổng dịch vụ công",
                                "ownerOrganizationId",
                                p.department.id(),
                                "operatorOrganizationId",
                                p.department.id(),
                                "systemType",
                                "PUBLIC_SERVICE"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("systemType").asText()).isEqualTo("CITIZEN_BUSINESS");
    }

    @Autowired
    DossierDeadlines deadlines;

    @Test
    void theReceivingBodyRecordsTheDayItGotTheDossierAndTheLimitsRunFromIt() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        Http.Api officer = http.api(p.officer.token());
        Http.Api appraiser = http.api(p.appraiser.token());
        long systemId = ProvinceFixture.createSystem(officer, data, p.department, "Hệ thống quản lý hồ sơ giấy");
        officer.post(
                "/api/v1/systems/" + systemId + "/classifications",
                Map.of("regime", "nd331-2026", "answers", ProvinceFixture.LEVEL3_ND331));
        long dossierId = officer.post("/api/v1/systems/" + systemId + "/dossiers", "")
                .json()
                .get("dossier")
                .get("id")
                .asLong();
        ProvinceFixture.fillParts(officer, dossierId);
        String receipt = "/api/v1/dossiers/" + dossierId + "/receipt";
        LocalDate today = LocalDate.now(PlatformConfiguration.ZONE);
        // Nothing to receive while drafting.
        assertThat(appraiser
                        .post(receipt, Map.of("receivedOn", today.toString()))
                        .status())
                .isIn(404, 422);
        officer.post("/api/v1/dossiers/" + dossierId + "/actions/SUBMIT", Map.of());

        // Only the receiving body; not in the future; not before the dossier existed.
        assertThat(officer.post(receipt, Map.of("receivedOn", today.toString())).status())
                .isEqualTo(403);
        Http.Response future =
                appraiser.post(receipt, Map.of("receivedOn", today.plusDays(1).toString()));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.body()).contains("receivedOn");
        assertThat(appraiser
                        .post(receipt, Map.of("receivedOn", today.minusYears(1).toString()))
                        .status())
                .isEqualTo(422);
        assertThat(appraiser.post(receipt, Map.of()).status()).isEqualTo(422);

        Http.Response received = appraiser.post(receipt, Map.of("receivedOn", today.toString(), "note", "Hồ sơ giấy"));
        assertThat(received.status()).as(received.body()).isEqualTo(200);
        tools.jackson.databind.JsonNode d = received.json().get("dossier");
        Deadline appraisal =
                deadlines.due("nd331-2026", ProcedureStep.APPRAISAL, 3, today).orElseThrow();
        Deadline validity = deadlines
                .due("nd331-2026", ProcedureStep.DOSSIER_VALIDITY_CHECK, 3, today)
                .orElseThrow();
        assertThat(d.get("receivedOn").asText()).isEqualTo(today.toString());
        assertThat(d.get("stepDueOn").asText()).isEqualTo(appraisal.due().toString());
        assertThat(d.get("stepDueEstimated").asBoolean()).isEqualTo(appraisal.reliesOnEstimates());
        assertThat(d.get("validityDueOn").asText()).isEqualTo(validity.due().toString());
        tools.jackson.databind.JsonNode last = received.json()
                .get("history")
                .get(received.json().get("history").size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("RECEIVE");
        assertThat(last.get("comment").asText()).isEqualTo("Hồ sơ giấy");
        assertThat(admin().get("/api/v1/audit?organizationId=" + p.department.id() + "&size=200")
                        .body())
                .contains("dossier.receive");

        // Once appraised, the approver records its own receipt; the approval limit runs from it.
        appraiser.post("/api/v1/dossiers/" + dossierId + "/actions/APPRAISE", Map.of("comment", "Đạt"));
        assertThat(appraiser
                        .post(receipt, Map.of("receivedOn", today.toString()))
                        .status())
                .isEqualTo(403);
        Http.Response byApprover = http.api(p.leader.token()).post(receipt, Map.of("receivedOn", today.toString()));
        assertThat(byApprover.status()).as(byApprover.body()).isEqualTo(200);
        assertThat(byApprover.json().get("dossier").get("stepDueOn").asText())
                .isEqualTo(deadlines
                        .due("nd331-2026", ProcedureStep.APPROVAL, 3, today)
                        .orElseThrow()
                        .due()
                        .toString());
    }

    static Map<String, Object> level4(String regime) {
        Map<String, Object> a = new HashMap<>(Map.of(
                "system_type",
                "INTERNAL",
                "info_types",
                List.of("PRIVATE"),
                "serves_defence_security",
                true,
                "defence_security_harm",
                "SERIOUS_HARM",
                "national_egov_system",
                false,
                "centralised_national_data",
                false));
        if (regime.equals("nd331-2026")) {
            a.put("handles_administrative_procedures", false);
        }
        return a;
    }

    @Test
    void eachRegimeReachesItsOwnNationalBody() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        TestData.Org mic = data.org(data.root(), "Cục An toàn thông tin (NĐ 85)");
        TestData.Org mps = data.org(data.root(), "Cục A05 - Bộ Công an (NĐ 331)");
        String designations = "/api/v1/authority-designations";
        Http.Response old = admin().post(
                        designations,
                        Map.of(
                                "scopeOrganizationId",
                                p.province.id(),
                                "role",
                                "NATIONAL_COMPETENT_BODY",
                                "organizationId",
                                mic.id(),
                                "regime",
                                "nd85-2016"));
        assertThat(old.status()).as(old.body()).isEqualTo(200);
        assertThat(old.json().get("regime").asText()).isEqualTo("nd85-2016");
        assertThat(admin().post(
                                designations,
                                Map.of(
                                        "scopeOrganizationId",
                                        p.province.id(),
                                        "role",
                                        "NATIONAL_COMPETENT_BODY",
                                        "organizationId",
                                        mps.id(),
                                        "regime",
                                        "nd331-2026"))
                        .status())
                .isEqualTo(200);
        assertThat(admin().post(
                                designations,
                                Map.of(
                                        "scopeOrganizationId",
                                        p.province.id(),
                                        "role",
                                        "NATIONAL_COMPETENT_BODY",
                                        "organizationId",
                                        mps.id(),
                                        "regime",
                                        "nd999"))
                        .status())
                .isEqualTo(422);

        Http.Api officer = http.api(p.officer.token());
        for (var expected :
                Map.of("nd85-2016", mic.id(), "nd331-2026", mps.id()).entrySet()) {
            long systemId = ProvinceFixture.createSystem(
                    officer, data, p.department, "Hệ thống quốc phòng " + expected.getKey());
            Http.Response c = officer.post(
                    "/api/v1/systems/" + systemId + "/classifications",
                    Map.of("regime", expected.getKey(), "answers", level4(expected.getKey())));
            assertThat(c.json().get("proposedLevel").asInt()).as(c.body()).isEqualTo(4);
            Http.Response d = officer.post("/api/v1/systems/" + systemId + "/dossiers", "");
            assertThat(d.status()).as(d.body()).isEqualTo(201);
            assertThat(d.json().get("dossier").get("appraiserOrgId").asLong())
                    .as(expected.getKey())
                    .isEqualTo(expected.getValue());
        }
    }

    @Test
    void aLevel3SystemProposedForTheCriticalListFollowsTheLevel5ProcedureToTheEnd() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        TestData.Org national = data.org(data.root(), "Cục A05 - Bộ Công an (thử)");
        TestData.Org government = data.org(data.root(), "Văn phòng Chính phủ (thử)");
        for (var role : Map.of("NATIONAL_COMPETENT_BODY", national.id(), "PRIME_MINISTER", government.id())
                .entrySet()) {
            assertThat(admin().post(
                                    "/api/v1/authority-designations",
                                    Map.of(
                                            "scopeOrganizationId",
                                            p.province.id(),
                                            "role",
                                            role.getKey(),
                                            "organizationId",
                                            role.getValue()))
                            .status())
                    .isEqualTo(200);
        }
        TestData.Person nationalAppraiser = data.person(national, Role.SECURITY_OFFICER);
        Http.Api officer = http.api(p.officer.token());
        Http.Api leader = http.api(p.leader.token());
        long systemId = ProvinceFixture.createSystem(officer, data, p.department, "Hệ thống điều hành tác chiến");
        String list = "/api/v1/systems/" + systemId + "/critical-list";
        assertThat(officer.get(list).json().get("status").asText()).isEqualTo("NONE");
        assertThat(officer.send("PUT", list, Map.of("grounds", "ngắn")).status())
                .isEqualTo(422);
        Http.Response requested = officer.send(
                "PUT",
                list,
                Map.of(
                        "grounds",
                        "Tự rà soát theo Đ16: hệ thống phục vụ chỉ huy, điều hành liên quan an ninh quốc gia."));
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        assertThat(requested.json().get("status").asText()).isEqualTo("REQUESTED");

        officer.post(
                "/api/v1/systems/" + systemId + "/classifications",
                Map.of("regime", "nd331-2026", "answers", ProvinceFixture.LEVEL3_ND331));
        Http.Response created = officer.post("/api/v1/systems/" + systemId + "/dossiers", "");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        tools.jackson.databind.JsonNode d = created.json().get("dossier");
        long dossierId = d.get("id").asLong();
        assertThat(d.get("proposedLevel").asInt()).isEqualTo(3);
        assertThat(d.get("procedureLevel").asInt()).isEqualTo(5);
        assertThat(d.get("appraiserOrgId").asLong()).isEqualTo(national.id());
        assertThat(created.json().get("parts"))
                .extracting(x -> x.get("key").asText())
                .contains("EXPERT_OPINION");
        ProvinceFixture.fillParts(officer, dossierId);
        officer.send(
                "PUT",
                "/api/v1/dossiers/" + dossierId + "/parts/EXPERT_OPINION",
                Map.of("content", "Ý kiến chuyên môn"));
        Http.Response submitted = officer.post("/api/v1/dossiers/" + dossierId + "/actions/SUBMIT", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("additionalDecisions"))
                .extracting(x -> x.get("key").asText())
                .containsExactly("owner-level5-plan", "pm-critical-list");
        // The level-5 appraisal limit (25 working days) applies.
        assertThat(submitted.json().get("dossier").get("stepLimitRef").asText()).isEqualTo("NĐ 331/2026 Đ23");

        Http.Api appraiser = http.api(nationalAppraiser.token());
        assertThat(appraiser
                        .post("/api/v1/dossiers/" + dossierId + "/actions/APPRAISE", Map.of("comment", "Đạt"))
                        .status())
                .isEqualTo(200);
        ProvinceFixture.recordRegulation(officer, systemId, "2026-11-02");
        Map<String, Object> approval =
                Map.of("decisionNumber", "5/QĐ-SYT", "decisionDate", "2026-11-20", "decisionSigner", "Giám đốc Sở");
        Http.Response pending = leader.post("/api/v1/dossiers/" + dossierId + "/actions/APPROVE", approval);
        assertThat(pending.status()).isEqualTo(422);
        assertThat(pending.body())
                .contains("additionalDecisions.pm-critical-list")
                .contains("NĐ 331/2026 Đ16–17, Đ20.3")
                .contains("additionalDecisions.owner-level5-plan")
                .contains("Mẫu 07");

        String decisions = "/api/v1/dossiers/" + dossierId + "/decisions/";
        assertThat(officer.post(
                                decisions + "pm-critical-list",
                                Map.of(
                                        "decisionNumber",
                                        "1/QĐ-TTg",
                                        "decisionDate",
                                        "2026-11-10",
                                        "decisionSigner",
                                        "Thủ tướng"))
                        .status())
                .isEqualTo(403);
        assertThat(leader.post(decisions + "pm-critical-list", Map.of()).status())
                .isEqualTo(422);
        assertThat(leader.post(
                                decisions + "owner-level5-plan",
                                Map.of(
                                        "decisionNumber",
                                        "4/QĐ-SYT",
                                        "decisionDate",
                                        "2026-11-15",
                                        "decisionSigner",
                                        "Giám đốc Sở"))
                        .status())
                .isEqualTo(200);
        Http.Response pm = leader.post(
                decisions + "pm-critical-list",
                Map.of(
                        "decisionNumber",
                        "1/QĐ-TTg",
                        "decisionDate",
                        "2026-11-10",
                        "decisionSigner",
                        "Thủ tướng Chính phủ"));
        assertThat(pm.status()).as(pm.body()).isEqualTo(200);
        assertThat(officer.get(list).json().get("status").asText()).isEqualTo("LISTED");
        assertThat(officer.get(list).json().get("decisionNumber").asText()).isEqualTo("1/QĐ-TTg");

        Http.Response approved = leader.post("/api/v1/dossiers/" + dossierId + "/actions/APPROVE", approval);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("history"))
                .extracting(x -> x.get("action").asText())
                .containsSubsequence("APPRAISE", "RECORD_DECISION", "RECORD_DECISION", "APPROVE");
        assertThat(officer.get("/api/v1/systems/" + systemId)
                        .json()
                        .get("approvedLevel")
                        .asInt())
                .isEqualTo(3);
    }
}
