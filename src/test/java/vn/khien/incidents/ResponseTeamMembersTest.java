package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Editing and removing members of a response team (role, contact, skills, outsourced flag, on-call slots; a member who
 * leaves is gone from the roster and the rotation but kept in the history), certificate files (type by content, size
 * limit, SHA-256, who uploaded when, downloadable by whoever sees the team), and who must keep a team at all (R26 from
 * the rule data and designations, with the reason). Every change is audited; errors name the field.
 */
class ResponseTeamMembersTest extends IntegrationTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    TestData.Org province;
    TestData.Org unit;
    TestData.Org hospital;
    TestData.Person responder;
    TestData.Person leader;
    TestData.Person reader;
    TestData.Person hospitalOfficer;
    Http.Api api;
    long team;
    long person;
    long expert;

    @BeforeEach
    void teamWithTwoMembers() {
        province = province("Tỉnh thành viên đội");
        unit = data.org(province, "Sở thành viên đội");
        designate(province, unit);
        hospital = data.org(province, "Bệnh viện thành viên đội");
        responder = data.person(unit, Role.INCIDENT_RESPONDER);
        leader = data.person(province, Role.LEADER);
        reader = data.person(province, Role.AUDITOR);
        hospitalOfficer = data.person(hospital, Role.SECURITY_OFFICER);
        api = http.api(responder.token());
        team = api.post(
                        "/api/v1/response-teams",
                        Map.of("organizationId", province.id(), "name", "Đội ứng cứu thành viên thử"))
                .json()
                .get("id")
                .asLong();
        person = created(api.post(
                "/api/v1/response-teams/" + team + "/members",
                Map.of("personId", responder.id(), "role", "CONTACT", "phone", "0912 000 001")));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("fullName", "Chuyên gia rời đội thử");
        e.put("organisationName", "Công ty An ninh thử");
        e.put("phone", "0988 000 002");
        e.put("role", "EXPERT");
        e.put("skills", List.of(Map.of("skill", "FORENSICS", "certificate", "GIAC GCFA")));
        expert = created(api.post("/api/v1/response-teams/" + team + "/members", e));
        // Both on call in turn, one day each, from yesterday 08:00: three rounds, so each has past and future shifts.
        Http.Response rotation = api.post(
                "/api/v1/response-teams/" + team + "/rotation",
                Map.of(
                        "memberIds",
                        List.of(expert, person),
                        "startsOn",
                        LocalDate.now(VN).minusDays(1).toString(),
                        "days",
                        1,
                        "rounds",
                        3));
        assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);
    }

    @Test
    void aMemberIsEditedWithTheFieldNamedOnErrorAndAudited() {
        String m = "/api/v1/response-teams/" + team + "/members/" + expert;
        Map<String, Object> edit = new LinkedHashMap<>();
        edit.put("fullName", "Chuyên gia đã sửa thử");
        edit.put("organisationName", "Công ty An ninh mới");
        edit.put("phone", "0988 000 999");
        edit.put("email", "không-phải-thư");
        edit.put("role", "MEMBER");
        edit.put("outsourced", true);
        Http.Response bad = api.send("PUT", m, edit);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.header("Content-Type")).contains("application/problem+json");
        assertThat(bad.body()).contains("\"field\":\"email\"");
        edit.put("email", "chuyengia@example.invalid");
        edit.put("outsourced", false);
        edit.put("organisationName", "");
        edit.put(
                "skills",
                List.of(
                        Map.of("skill", "MALWARE_ANALYSIS", "certificate", "GIAC GREM", "validUntil", "2030-01-31"),
                        Map.of("skill", "FORENSICS", "certificate", "EC-Council CHFI")));
        edit.put("shifts", List.of());
        Http.Response ok = api.send("PUT", m, edit);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode member = ok.json().get("member");
        assertThat(member.get("fullName").asString()).isEqualTo("Chuyên gia đã sửa thử");
        assertThat(member.get("role").asString()).isEqualTo("MEMBER");
        assertThat(member.get("outsourced").asBoolean()).isFalse();
        assertThat(member.get("email").asString()).isEqualTo("chuyengia@example.invalid");
        assertThat(skills(member)).containsExactly("MALWARE_ANALYSIS", "FORENSICS");
        // Its upcoming on-call slots were replaced by none; the shift in progress or past stays.
        assertThat(ok.json().get("upcoming")).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM response_team_shift WHERE member_id = :id", expert))
                .isPositive();
        // A reader (auditor) of the province sees the member but may not edit them.
        Http.Api auditor = http.api(reader.token());
        assertThat(auditor.get(m).status()).isEqualTo(200);
        assertThat(auditor.send("PUT", m, edit).status()).isEqualTo(403);
        // Someone outside the team's subtrees does not learn it exists.
        assertThat(http.api(hospitalOfficer.token()).get(m).status()).isEqualTo(404);
        String audit = data.jdbc()
                .sql("SELECT details FROM audit_event WHERE action = 'team.member.update' AND target_id = :t")
                .param("t", String.valueOf(expert))
                .query(String.class)
                .single();
        assertThat(audit).contains("EXPERT").contains("MEMBER").contains("MALWARE_ANALYSIS");
    }

    @Test
    void aMemberWhoLeavesIsGoneFromRosterAndRotationButStaysInTheHistory() {
        String m = "/api/v1/response-teams/" + team + "/members/" + expert;
        Http.Response future =
                api.send("DELETE", m + "?endedOn=" + LocalDate.now(VN).plusDays(1), null);
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.body()).contains("\"field\":\"endedOn\"");
        assertThat(http.api(reader.token()).send("DELETE", m, null).status()).isEqualTo(403);

        Http.Response removed = api.send("DELETE", m + "?reason=Chuy%E1%BB%83n%20c%C3%B4ng%20t%C3%A1c", null);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        JsonNode view = removed.json();
        assertThat(ids(view.get("members"))).containsExactly(person);
        assertThat(ids(view.get("formerMembers"))).containsExactly(expert);
        JsonNode former = view.get("formerMembers").get(0);
        assertThat(former.get("endedOn").asString()).isEqualTo(LocalDate.now(VN).toString());
        assertThat(former.get("endReason").asString()).isEqualTo("Chuyển công tác");
        // Off the rotation from now on: no shift of theirs ends after now; the past ones still name them.
        Instant now = Instant.now();
        for (JsonNode s : view.get("upcoming")) {
            assertThat(s.get("memberId").asLong()).isEqualTo(person);
        }
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM response_team_shift WHERE member_id = :id AND ends_at > :now")
                        .param("id", expert)
                        .param("now", Timestamp.from(now.plusSeconds(5)))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM response_team_shift WHERE member_id = :id", expert))
                .isPositive();
        assertThat(http.api(reader.token())
                        .get(m)
                        .json()
                        .get("member")
                        .get("endedOn")
                        .asString())
                .isEqualTo(LocalDate.now(VN).toString());
        // A member who left can neither be edited, removed again nor put on the rotation.
        Http.Response edit = api.send(
                "PUT", m, Map.of("fullName", "x", "organisationName", "x", "phone", "0912 000 000", "role", "MEMBER"));
        assertThat(edit.status()).isEqualTo(422);
        assertThat(edit.body()).contains("\"field\":\"memberId\"");
        assertThat(api.send("DELETE", m, null).status()).isEqualTo(422);
        Http.Response rota = api.post(
                "/api/v1/response-teams/" + team + "/rotation",
                Map.of(
                        "memberIds",
                        List.of(expert),
                        "startsOn",
                        LocalDate.now(VN).toString()));
        assertThat(rota.status()).isEqualTo(422);
        assertThat(rota.body()).contains("\"field\":\"memberIds\"");
        assertThat(data.jdbc()
                        .sql("SELECT action FROM audit_event WHERE target_type = 'response_team_member'"
                                + " AND target_id = :t ORDER BY id")
                        .param("t", String.valueOf(expert))
                        .query(String.class)
                        .list())
                .containsExactly("team.member.add", "team.member.remove");
    }

    @Test
    void aCertificateFileIsCheckedByContentHashedAndDownloadableByReaders() throws Exception {
        String c = "/api/v1/response-teams/" + team + "/members/" + expert + "/certificates/";
        byte[] pdf = ("%PDF-1.4\nChứng chỉ GCFA " + data.unique("cert")).getBytes(StandardCharsets.UTF_8);
        Http.Response notHeld = api.upload(c + "MALWARE_ANALYSIS", "grem.pdf", pdf, Map.of());
        assertThat(notHeld.status()).isEqualTo(422);
        assertThat(notHeld.body()).contains("\"field\":\"skill\"");
        Http.Response script = api.upload(
                c + "FORENSICS", "gia.pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(script.status()).isEqualTo(422);
        assertThat(script.body()).contains("\"field\":\"file\"");
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 5);
        Http.Response tooBig = api.upload(c + "FORENSICS", "lon.pdf", big, Map.of());
        assertThat(tooBig.status()).isEqualTo(422);
        assertThat(tooBig.body()).contains("\"field\":\"file\"");
        assertThat(http.api(reader.token())
                        .upload(c + "FORENSICS", "gcfa.pdf", pdf, Map.of())
                        .status())
                .isEqualTo(403);

        Http.Response up = api.upload(c + "FORENSICS", "gcfa.pdf", pdf, Map.of());
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(up.json().get("sha256").asString()).isEqualTo(sha);
        assertThat(up.json().get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(up.json().get("sizeBytes").asLong()).isEqualTo(pdf.length);
        assertThat(up.json().get("uploadedBy").asString()).isNotBlank();

        Http.Response down = http.api(reader.token()).get(c + "FORENSICS");
        assertThat(down.status()).isEqualTo(200);
        assertThat(down.header("Content-Type")).startsWith("application/pdf");
        assertThat(down.header("Content-Disposition")).contains("attachment");
        assertThat(down.body()).isEqualTo(new String(pdf, StandardCharsets.UTF_8));
        assertThat(http.api(hospitalOfficer.token()).get(c + "FORENSICS").status())
                .isEqualTo(404);
        assertThat(api.get(c + "MONITORING").status()).isEqualTo(404);
        // The team view shows the file with its hash; a member who left keeps their certificate in the history.
        assertThat(api.get("/api/v1/response-teams/" + team).body()).contains(sha);
        assertThat(api.send("DELETE", "/api/v1/response-teams/" + team + "/members/" + expert, null)
                        .status())
                .isEqualTo(200);
        assertThat(http.api(reader.token()).get(c + "FORENSICS").status()).isEqualTo(200);
        assertThat(data.jdbc()
                        .sql("SELECT action FROM audit_event WHERE action LIKE 'team.certificate.%' AND target_id = :t"
                                + " ORDER BY id")
                        .param("t", String.valueOf(expert))
                        .query(String.class)
                        .list())
                .containsExactly("team.certificate.upload", "team.certificate.download", "team.certificate.download");
    }

    @Test
    void endsAndCertificateFilesBelongToAMemberByForeignKey() {
        String c = "/api/v1/response-teams/" + team + "/members/" + expert + "/certificates/FORENSICS";
        byte[] pdf = ("%PDF-1.4\nChứng chỉ khoá ngoại " + data.unique("fk")).getBytes(StandardCharsets.UTF_8);
        assertThat(api.upload(c, "gcfa.pdf", pdf, Map.of()).status()).isEqualTo(200);
        assertThat(api.send("DELETE", "/api/v1/response-teams/" + team + "/members/" + expert, null)
                        .status())
                .isEqualTo(200);
        // A member's end or certificate file without the member is refused by the database (V153).
        long nobody = 987_654_321L;
        assertThatThrownBy(() -> data.jdbc()
                        .sql("INSERT INTO response_team_member_end (member_id, ended_on, recorded_at)"
                                + " VALUES (:m, CURRENT_DATE, CURRENT_TIMESTAMP)")
                        .param("m", nobody)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> data.jdbc()
                        .sql("INSERT INTO response_team_certificate (member_id, skill_code, file_name, content_type,"
                                + " sha256, size_bytes, content, uploaded_at) VALUES (:m, 'FORENSICS', 'x.pdf',"
                                + " 'application/pdf', 'x', 1, :c, CURRENT_TIMESTAMP)")
                        .param("m", nobody)
                        .param("c", new byte[] {1})
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        // Deleting a member deletes its end and its files with it, as its skills and shifts.
        assertThat(rowsOf("response_team_member_end", expert)).isEqualTo(1);
        assertThat(rowsOf("response_team_certificate", expert)).isEqualTo(1);
        data.jdbc()
                .sql("DELETE FROM response_team_member WHERE id = :m")
                .param("m", expert)
                .update();
        assertThat(rowsOf("response_team_member_end", expert)).isZero();
        assertThat(rowsOf("response_team_certificate", expert)).isZero();
    }

    private long rowsOf(String table, long member) {
        return data.jdbc()
                .sql("SELECT COUNT(*) FROM " + table + " WHERE member_id = :m")
                .param("m", member)
                .query(Long.class)
                .single();
    }

    @Test
    void whoMustKeepATeamComesFromTheRuleDataAndDesignationsWithTheReason() {
        // A province with a designated response unit and no team: overdue, saying why.
        TestData.Org required = province("Tỉnh bắt buộc có đội");
        designate(required, data.org(required, "Sở chuyên trách bắt buộc"));
        TestData.Person requiredLeader = data.person(required, Role.LEADER);
        JsonNode overdue = r26(requiredLeader, required);
        assertThat(overdue.get("status").asString()).isEqualTo("OVERDUE");
        assertThat(overdue.get("reason").asString()).isEqualTo("teams.r26.noTeam");
        // A province with no designated response unit here: not applicable, saying why.
        TestData.Org exempt = province("Tỉnh không chỉ định đơn vị");
        TestData.Person exemptLeader = data.person(exempt, Role.LEADER);
        JsonNode notRequired = r26(exemptLeader, exempt);
        assertThat(notRequired.get("status").asString()).isEqualTo("NOT_APPLICABLE");
        assertThat(notRequired.get("reason").asString()).isEqualTo("teams.r26.noUnit");
        // A hospital (not a ministry or province): not applicable, saying why.
        JsonNode hospitalR26 = r26(hospitalOfficer, hospital);
        assertThat(hospitalR26.get("status").asString()).isEqualTo("NOT_APPLICABLE");
        assertThat(hospitalR26.get("reason").asString()).isEqualTo("teams.r26.kind");
        // The province of this test has a team without a decision: overdue, saying so.
        JsonNode noDecision = r26(leader, province);
        assertThat(noDecision.get("status").asString()).isEqualTo("OVERDUE");
        assertThat(noDecision.get("reason").asString()).isEqualTo("teams.r26.hasTeam");
        // The rule data is published with its legal source.
        JsonNode standard = api.get("/api/v1/response-teams/skill-standard").json();
        assertThat(standard.get("applicability").get("legalSource").asString()).contains("05/2017/QĐ-TTg");
    }

    private JsonNode r26(TestData.Person who, TestData.Org org) {
        Http.Response r = http.api(who.token()).get("/api/v1/organizations/" + org.id() + "/obligations");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode n : r.json()) {
            if ("R26".equals(n.get("rule").asString())) {
                return n;
            }
        }
        throw new AssertionError("no R26 in " + r.body());
    }

    private static List<String> skills(JsonNode member) {
        List<String> out = new ArrayList<>();
        member.get("skills").forEach(k -> out.add(k.get("skill").asString()));
        return out;
    }

    private static List<Long> ids(JsonNode members) {
        List<Long> out = new ArrayList<>();
        members.forEach(m -> out.add(m.get("id").asLong()));
        return out;
    }

    private long count(String sql, long id) {
        return data.jdbc().sql(sql).param("id", id).query(Long.class).single();
    }

    private static long created(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private TestData.Org province(String name) {
        TestData.Org p = data.org(data.root(), name);
        data.jdbc()
                .sql("UPDATE organization SET kind = 'PROVINCE' WHERE id = :id")
                .param("id", p.id())
                .update();
        return p;
    }

    private void designate(TestData.Org scope, TestData.Org unit) {
        data.designateResponseUnit(scope, unit);
    }
}
