package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.access.Role;
import vn.khien.identity.DemoData;
import vn.khien.support.DemoStart;
import vn.khien.support.HomePageReader;
import vn.khien.support.Http;

/**
 * The README's start command in miniature: the default embedded H2 file database, --demo, no
 * other setting. The demo gives every role, and its people can sign in and see their subtree.
 */
class EmbeddedDemoStartTest {

    @TempDir
    Path workDir;

    @Test
    void startsOnTheEmbeddedFileDatabaseWithAWorkingDemo() {
        try (ConfigurableApplicationContext ctx = DemoStart.run(workDir)) {
            assertThat(Files.exists(Path.of(DemoStart.database(workDir) + ".mv.db")))
                    .isTrue();
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            List<String> roles = jdbc.sql("""
                    SELECT DISTINCT g.role FROM role_grant g JOIN app_user u ON u.id = g.user_id WHERE u.demo = TRUE""").query(String.class).list();
            assertThat(roles)
                    .containsExactlyInAnyOrder(
                            Arrays.stream(Role.values()).map(Enum::name).toArray(String[]::new));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM organization WHERE demo = TRUE AND name_vi LIKE '%(demo)%'")
                            .query(Long.class)
                            .single())
                    .isGreaterThanOrEqualTo(8);
            // A generated one-time password was printed for 'admin': it exists, with no built-in password.
            assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = 'admin'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);

            Http http = new Http(DemoStart.base(ctx));
            Http.Response login = http.session().get("/login");
            assertThat(login.body()).contains("<html lang=\"vi\">").contains("Đăng nhập Khiên");
            Http.Session officer = http.session();
            assertThat(officer.login("demo.so.canbo", DemoData.PASSWORD).header("Location"))
                    .doesNotContain("error");
            String organizations = officer.get("/organizations").body();
            assertThat(organizations)
                    .contains("DEMO-SO-KHCN")
                    .contains("DEMO-TTCDS")
                    .doesNotContain("DEMO-BO-TTCNTT");
            Http.Response contacts = http.session().get("/public/contacts");
            assertThat(contacts.body()).contains("Tỉnh Demo (demo)");

            // The leaders' trend: the quarters stored by the figures job count the demo's systems (registered as of
            // 2021), whether the job's first run came before or after the demo was seeded.
            String previousQuarter = previousQuarter();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> count(
                                    jdbc,
                                    "SELECT COUNT(*) FROM figure_snapshot_period WHERE period = :s",
                                    previousQuarter)
                            > 0);
            assertThat(count(jdbc, """
                            SELECT COALESCE(SUM(f.figure_value), 0) FROM figure_snapshot f
                            JOIN organization o ON o.id = f.organization_id
                            WHERE o.demo = TRUE AND f.figure = 'systemsTotal' AND f.period = :s""", previousQuarter)).isPositive();

            // Every module has demo data on the approved hospital system.
            long his = jdbc.sql("SELECT id FROM information_system WHERE code = 'DEMO-HIS'")
                    .query(Long.class)
                    .single();
            assertThat(count(jdbc, "SELECT COUNT(*) FROM plan_item WHERE system_id = :s AND status = 'MET'", his))
                    .isGreaterThan(3);
            assertThat(count(
                            jdbc,
                            "SELECT COUNT(*) FROM plan_item WHERE system_id = :s AND status = 'PLANNED'"
                                    + " AND target_date IS NOT NULL",
                            his))
                    .isGreaterThan(1);
            assertThat(count(
                            jdbc,
                            "SELECT COUNT(*) FROM plan_item WHERE system_id = :s AND status = 'NOT_APPLICABLE'"
                                    + " AND justification IS NOT NULL",
                            his))
                    .isEqualTo(1);
            assertThat(count(
                            jdbc,
                            "SELECT COUNT(*) FROM plan_evidence WHERE system_id = :s AND url LIKE 'https://%'",
                            his))
                    .isGreaterThan(2);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM security_regulation WHERE system_id = :s", his))
                    .isEqualTo(1);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM assessment WHERE system_id = :s", his))
                    .isEqualTo(1);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM scan WHERE system_id = :s AND status = 'COMPLETED'", his))
                    .isEqualTo(2);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM finding WHERE system_id = :s AND cves LIKE '%CVE-%'", his))
                    .isGreaterThanOrEqualTo(12);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM finding WHERE system_id = :s AND status = 'FIXED'", his))
                    .isEqualTo(2);
            assertThat(count(
                            jdbc,
                            "SELECT COUNT(*) FROM finding WHERE system_id = :s AND status = 'ACCEPTED_RISK'",
                            his))
                    .isEqualTo(1);

            // The province's leader finds work from every module on the home page.
            List<String> attention = HomePageReader.attention(http, "demo.tinh.lanhdao", DemoData.PASSWORD);
            assertThat(attention).anyMatch(l -> l.contains("DEMO-DVC") && l.contains("chờ bạn thẩm định"));
            assertThat(attention).anyMatch(l -> l.contains("DEMO-HIS") && l.contains("phát hiện mức"));
            assertThat(attention)
                    .anyMatch(l ->
                            l.contains("DEMO-HIS") && (l.contains("nhiệm vụ khắc phục") || l.contains("minh chứng")));
            // Access reviews (ADR 0039): the province's review of its two administrators, opened and still to do.
            assertThat(attention)
                    .anyMatch(l -> l.contains("Hoàn thành đợt rà soát quyền quản trị") && l.contains("Tỉnh Demo"));
        }
    }

    private static long count(JdbcClient jdbc, String sql, long systemId) {
        return jdbc.sql(sql).param("s", systemId).query(Long.class).single();
    }

    private static long count(JdbcClient jdbc, String sql, String period) {
        return jdbc.sql(sql).param("s", period).query(Long.class).single();
    }

    private static String previousQuarter() {
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(3);
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }
}
