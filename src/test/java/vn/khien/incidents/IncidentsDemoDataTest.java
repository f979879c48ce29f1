package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.KhienApplication;

/** {@code --demo} gives the README's incident responder real work: a shared incident with a running clock and an order. */
class IncidentsDemoDataTest {

    @TempDir
    Path workDir;

    @Test
    void demoStartSeedsAnIncidentSharedWithTheProvinceResponseUnit() {
        Path db = workDir.resolve("data/khien");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(KhienApplication.class)
                .run(
                        "--server.port=0",
                        "--demo",
                        "--spring.datasource.url=jdbc:h2:file:" + db
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=",
                        "--khien.bootstrap.admin-password=")) {
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
            // The HIS response plan: version 1 approved and flagged for update, version 2 waiting for approval.
            assertThat(jdbc.sql("""
                    SELECT p.plan_version || ':' || p.status || ':' || CASE WHEN p.needs_update THEN 'update' ELSE 'current' END FROM response_plan p
                    JOIN information_system s ON s.id = p.system_id WHERE s.code = 'DEMO-HIS' ORDER BY p.plan_version""").query(String.class).list())
                    .containsExactly("1:APPROVED:update", "2:DRAFT:current");
        }
    }
}
