package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.access.ActingAs;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionSource;
import vn.khien.support.DemoStart;

/**
 * {@code --demo} gives the README's incident responder real work: a shared incident with a running clock and an order,
 * the province's response team with an on-call rotation, and a threat-hunting campaign.
 */
class IncidentsDemoDataTest {

    @TempDir
    Path workDir;

    @Test
    void demoStartSeedsAnIncidentSharedWithTheProvinceResponseUnit() {
        try (ConfigurableApplicationContext ctx = DemoStart.run(workDir)) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            List<String> designations = jdbc.sql("""
                    SELECT sc.code || ':' || d.authority_role || ':' || o.code FROM authority_designation d
                    JOIN organization sc ON sc.id = d.scope_organization_id JOIN organization o ON o.id = d.organization_id""").query(String.class).list();
            assertThat(designations)
                    .contains(
                            "DEMO-TINH:INCIDENT_RESPONSE_UNIT:DEMO-SO-KHCN",
                            "ROOT:NATIONAL_INCIDENT_COORDINATOR:DEMO-TTANM");
            assertThat(jdbc.sql("""
                    SELECT o.code FROM incident_share s JOIN incident i ON i.id = s.incident_id
                    JOIN organization o ON o.id = s.organization_id WHERE i.external_ref = 'DEMO-INC-HIS-1'""").query(String.class).list()).containsExactly("DEMO-SO-KHCN");
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM incident_order r JOIN incident i ON i.id = r.incident_id
                    WHERE i.external_ref = 'DEMO-INC-HIS-1' AND r.status = 'OPEN'""").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT regime FROM incident WHERE external_ref = 'DEMO-INC-HIS-1'")
                            .query(String.class)
                            .single())
                    .isEqualTo("nd331-2026");
            // The HIS's live-fire drill, counted by Form 05's drill figure of the province's member report.
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM system_drill d JOIN information_system s ON s.id = d.system_id
                    WHERE s.code = 'DEMO-HIS' AND d.kind = 'LIVE_FIRE'""").query(Long.class).single()).isEqualTo(1);
            // Issue 12 case work: the HIS with an affected component, and links to a finding and a warning.
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM incident_affected_component c JOIN incident i ON i.id = c.incident_id
                    WHERE i.external_ref = 'DEMO-INC-HIS-1'""").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("""
                    SELECT CASE WHEN l.finding_id IS NULL THEN 'WARNING' ELSE 'FINDING' END FROM incident_link l
                    JOIN incident i ON i.id = l.incident_id WHERE i.external_ref = 'DEMO-INC-HIS-1' ORDER BY l.id""").query(String.class).list()).containsExactly("FINDING", "WARNING");
            // The HIS response plan: version 1 approved and flagged for update, version 2 waiting for approval.
            assertThat(jdbc.sql("""
                    SELECT p.plan_version || ':' || p.status || ':' || CASE WHEN p.needs_update THEN 'update' ELSE 'current' END FROM response_plan p
                    JOIN information_system s ON s.id = p.system_id WHERE s.code = 'DEMO-HIS' ORDER BY p.plan_version""").query(String.class).list())
                    .containsExactly("1:APPROVED:update", "2:DRAFT:current");
            // The province's response team (R26): its decision, three members, someone on call now, and a hunting
            // campaign whose finding became a remediation task of the document system.
            assertThat(jdbc.sql("""
                    SELECT t.decision_number || ':' || u.code FROM response_team t JOIN organization o ON o.id = t.organization_id
                    JOIN organization u ON u.id = t.unit_organization_id WHERE o.code = 'DEMO-TINH'""").query(String.class).single()).isEqualTo("1234/QĐ-UBND:DEMO-SO-KHCN");
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM response_team_member m JOIN response_team t ON t.id = m.team_id
                    JOIN organization o ON o.id = t.organization_id WHERE o.code = 'DEMO-TINH' AND m.active = TRUE""").query(Long.class).single()).isEqualTo(3);
            // One expert left (kept among former members); the lead's certificate is on file.
            assertThat(jdbc.sql("SELECT COUNT(*) FROM response_team_member_end")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("SELECT content_type FROM response_team_certificate")
                            .query(String.class)
                            .list())
                    .containsExactly("application/pdf");
            assertThat(jdbc.sql("""
                    SELECT m.full_name FROM response_team_shift s JOIN response_team_member m ON m.id = s.member_id
                    WHERE s.starts_at <= CURRENT_TIMESTAMP AND s.ends_at > CURRENT_TIMESTAMP""").query(String.class).list()).containsExactly("Bùi Đức Cứu (demo)");
            assertThat(jdbc.sql("""
                    SELECT t.title FROM hunting_finding f JOIN remediation_task t ON t.id = f.task_id
                    JOIN information_system s ON s.id = f.system_id WHERE s.code = 'DEMO-QLVB'""").query(String.class).list())
                    .containsExactly("[Săn lùng] Đóng trang quản trị Tomcat (/manager) với Internet (demo)");
            // Case work for the responder and the ministry (@Order 15): a verified defacement shared with the response
            // unit, with an open task, to contain; the ministry's verified phishing case.
            assertThat(jdbc.sql("""
                    SELECT i.external_ref || ':' || i.status || ':' || o.code FROM incident i
                    JOIN organization o ON o.id = i.organization_id
                    WHERE i.external_ref IN ('DEMO-INC-TTCDS-WEB-1', 'DEMO-INC-BO-PHISHING-1') ORDER BY i.external_ref""").query(String.class).list())
                    .containsExactly(
                            "DEMO-INC-BO-PHISHING-1:VERIFIED:DEMO-BO", "DEMO-INC-TTCDS-WEB-1:VERIFIED:DEMO-TTCDS");
            assertThat(jdbc.sql("""
                    SELECT o.code FROM incident_share s JOIN incident i ON i.id = s.incident_id
                    JOIN organization o ON o.id = s.organization_id WHERE i.external_ref = 'DEMO-INC-TTCDS-WEB-1'""").query(String.class).list())
                    .containsExactlyInAnyOrder("DEMO-SO-KHCN", "DEMO-TTANM");
            // The national coordinator's order on the defaced portal (@Order 17), issued by demo.dieuphoi through the
            // designated national coordinator to the centre, open; the HIS incident still waits for a national order.
            assertThat(jdbc.sql("""
                    SELECT oi.code || ':' || ot.code || ':' || r.status || ':' || u.username FROM incident_order r
                    JOIN incident i ON i.id = r.incident_id JOIN organization oi ON oi.id = r.issuer_org_id
                    JOIN organization ot ON ot.id = r.target_org_id JOIN app_user u ON u.id = r.issued_by
                    WHERE i.external_ref = 'DEMO-INC-TTCDS-WEB-1'""").query(String.class).list())
                    .containsExactly("DEMO-TTANM:DEMO-TTCDS:OPEN:demo.dieuphoi");
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM incident_order r JOIN incident i ON i.id = r.incident_id
                    JOIN organization oi ON oi.id = r.issuer_org_id
                    WHERE i.external_ref = 'DEMO-INC-HIS-1' AND oi.code = 'DEMO-TTANM'""").query(Long.class).single()).isZero();
            // On the home pages: demo.dieuphoi has the HIS to coordinate and the portal's order to follow up; the
            // national body's officer follows up the order too.
            assertThat(attention(ctx, jdbc, "demo.dieuphoi"))
                    .contains("incidents.attention.orderNeeded", "incidents.attention.orderIssued");
            assertThat(attention(ctx, jdbc, "demo.quocgia.thamdinh")).contains("incidents.attention.orderIssued");
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM incident_task t JOIN incident i ON i.id = t.incident_id
                    WHERE i.external_ref = 'DEMO-INC-TTCDS-WEB-1'""").query(Long.class).single()).isEqualTo(1);
        }
    }

    private static List<String> attention(ConfigurableApplicationContext ctx, JdbcClient jdbc, String username) {
        long person = jdbc.sql("SELECT id FROM app_user WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
        // The incidents' own lines (the other sources are tested with their modules).
        return ActingAs.run(
                person,
                username,
                () -> ctx.getBeansOfType(AttentionSource.class).values().stream()
                        .filter(source -> source.getClass().getName().contains("IncidentsAttention"))
                        .flatMap(source -> source.itemsFor(person).stream())
                        .map(AttentionItem::messageKey)
                        .toList());
    }
}
