package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.identity.DemoData;
import vn.khien.support.DemoStart;
import vn.khien.support.Http;
import vn.khien.systems.demo.SystemsDemoData;

/**
 * Starting with --demo (as the README says) also gives designations for the demo ministry and province and demo
 * systems in every workflow state, so a demo officer can open a dossier straight away.
 */
class SystemsDemoDataTest {

    @TempDir
    Path workDir;

    @Test
    void demoStartSeedsDesignationsAndSystemsThroughTheWorkflow() {
        try (ConfigurableApplicationContext ctx = DemoStart.run(workDir)) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            List<String> designations = jdbc.sql("""
                    SELECT sc.code || ':' || d.authority_role || ':' || o.code FROM authority_designation d
                    JOIN organization sc ON sc.id = d.scope_organization_id JOIN organization o ON o.id = d.organization_id""").query(String.class).list();
            assertThat(designations)
                    .contains(
                            "DEMO-BO:OWNER_SECURITY_UNIT:DEMO-BO-TTCNTT",
                            "DEMO-BO:INDEPENDENT_APPRAISER:DEMO-BO-CUC",
                            "DEMO-TINH:OWNER_SECURITY_UNIT:DEMO-SO-KHCN",
                            "ROOT:NATIONAL_COMPETENT_BODY:DEMO-TTANM",
                            "ROOT:PRIME_MINISTER:DEMO-VPCP");

            // Seven systems of the ministry and province, and the digital transformation centre's two web systems.
            List<String> names = jdbc.sql(
                            "SELECT name FROM information_system WHERE code NOT LIKE 'DEMO-TTCDS-%' ORDER BY code")
                    .query(String.class)
                    .list();
            assertThat(names).hasSize(7).allMatch(n -> n.endsWith("(demo)"));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM information_system")
                            .query(Long.class)
                            .single())
                    .isEqualTo(9);
            // Registered since they started operating, so the demo's reports of past quarters count them.
            assertThat(jdbc.sql("SELECT COUNT(*) FROM information_system WHERE created_at < :d")
                            .param("d", Timestamp.valueOf("2021-01-05 00:00:00"))
                            .query(Long.class)
                            .single())
                    .isEqualTo(9);
            assertThat(String.join("|", names))
                    .contains(
                            "Cổng dịch vụ công tỉnh",
                            "Hệ thống quản lý văn bản và điều hành",
                            "Hệ thống thư điện tử công vụ",
                            "HIS",
                            "Cổng thông tin điện tử Bộ");
            Map<String, Object> his = jdbc.sql(
                            "SELECT approved_level, approved_regime FROM information_system WHERE code = 'DEMO-HIS'")
                    .query()
                    .singleRow();
            assertThat(his).containsEntry("approved_level", 3).containsEntry("approved_regime", "nd331-2026");
            assertThat(status(jdbc, "DEMO-HIS")).isEqualTo("APPROVED");
            assertThat(status(jdbc, "DEMO-DVC")).isEqualTo("SUBMITTED");
            assertThat(status(jdbc, "DEMO-QLVB")).isEqualTo("DRAFT");
            // The national appraiser has a level-4 dossier to appraise (issue 9 point 12 / 17).
            assertThat(status(jdbc, "DEMO-CSDL-BO")).isEqualTo("SUBMITTED");
            assertThat(jdbc.sql("""
                    SELECT o.code FROM level_dossier d JOIN information_system s ON s.id = d.system_id
                    JOIN organization o ON o.id = d.appraiser_org_id WHERE s.code = 'DEMO-CSDL-BO'""").query(String.class).single()).isEqualTo("DEMO-TTANM");
            // The level-5 path (NĐ 331/2026 Đ16–17, Đ20.3–20.4, Đ24): a level-4 system asked onto the critical list
            // follows the level-5 procedure, appraised by the national body; the minister's Mẫu 07 decision is
            // recorded, the Prime Minister's list decision pending, so the level is not yet approved.
            assertThat(status(jdbc, "DEMO-NDXP-BO")).isEqualTo("APPRAISED");
            Map<String, Object> platform = jdbc.sql("""
                    SELECT d.proposed_level, d.procedure_level, o.code AS appraiser, c.status AS list_status
                    FROM level_dossier d JOIN information_system s ON s.id = d.system_id
                    JOIN organization o ON o.id = d.appraiser_org_id
                    JOIN critical_list_entry c ON c.system_id = s.id WHERE s.code = 'DEMO-NDXP-BO'""").query().singleRow();
            assertThat(platform)
                    .containsEntry("proposed_level", 4)
                    .containsEntry("procedure_level", 5)
                    .containsEntry("appraiser", "DEMO-TTANM")
                    .containsEntry("list_status", "REQUESTED");
            assertThat(jdbc.sql("""
                    SELECT a.approval_key || ':' || CASE WHEN a.decision_number IS NULL THEN 'pending' ELSE 'recorded' END
                    FROM dossier_approval a JOIN level_dossier d ON d.id = a.dossier_id
                    JOIN information_system s ON s.id = d.system_id WHERE s.code = 'DEMO-NDXP-BO'""").query(String.class).list())
                    .containsExactlyInAnyOrder("owner-level5-plan:recorded", "pm-critical-list:pending");
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM system_component c JOIN information_system s ON s.id = c.system_id
                    WHERE c.kind = 'SOFTWARE' AND c.cpe LIKE 'cpe:2.3:a:%'""").query(Long.class).single()).isGreaterThanOrEqualTo(5);
            assertThat(jdbc.sql("SELECT COUNT(DISTINCT c.system_id) FROM system_component c WHERE c.kind = 'HOST'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(7);
            // The whole approval went through the workflow: steps and audit as for real use.
            assertThat(jdbc.sql("""
                    SELECT st.action FROM dossier_step st JOIN level_dossier d ON d.id = st.dossier_id
                    JOIN information_system s ON s.id = d.system_id WHERE s.code = 'DEMO-HIS' ORDER BY st.id""").query(String.class).list())
                    .containsExactly("CREATE", "SUBMIT", "APPRAISE", "APPROVE");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'system.levelApproved'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);

            // Seeding again (another start) adds nothing.
            ctx.getBean(SystemsDemoData.class).seedWhenReady();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM information_system")
                            .query(Long.class)
                            .single())
                    .isEqualTo(9);

            // A demo officer opens a dossier for the e-mail system without a 422.
            long mail = jdbc.sql("SELECT id FROM information_system WHERE code = 'DEMO-MAIL'")
                    .query(Long.class)
                    .single();
            Http http = new Http(DemoStart.base(ctx));
            Http.Session officer = http.session();
            assertThat(officer.login("demo.so.canbo", DemoData.PASSWORD).header("Location"))
                    .doesNotContain("error");
            assertThat(officer.get("/systems/" + mail).body()).contains("Hệ thống thư điện tử công vụ");
            Http.Response opened = officer.postForm("/systems/" + mail + "/dossiers", Map.of());
            assertThat(opened.status()).isEqualTo(302);
            assertThat(opened.header("Location")).matches(".*/dossiers/\\d+$");
            assertThat(officer.get(opened.header("Location").replaceFirst("^https?://[^/]+", ""))
                            .body())
                    .contains("Sở Khoa học và Công nghệ tỉnh Demo (demo)");

            // Issue 10: the hospital's HIS waits for demo.so.canbo to accept the digital transformation centre as
            // its operator; the ministry's IT centre is a published provider.
            assertThat(officer.get("/operators").body())
                    .contains("Hệ thống thông tin bệnh viện HIS")
                    .contains("Trung tâm Công nghệ thông tin - Bộ Demo (demo)");
            assertThat(jdbc.sql("SELECT status FROM operator_proposal")
                            .query(String.class)
                            .list())
                    .containsExactly("PROPOSED");
        }
    }

    private static String status(JdbcClient jdbc, String code) {
        return jdbc.sql("""
                SELECT d.status FROM level_dossier d JOIN information_system s ON s.id = d.system_id
                WHERE s.code = :c ORDER BY d.id DESC LIMIT 1""").param("c", code).query(String.class).single();
    }
}
