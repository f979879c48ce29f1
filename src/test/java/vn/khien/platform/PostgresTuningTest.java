package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.support.IntegrationTest;

/**
 * reWriteBatchedInserts and JIT off are added to PostgreSQL pools only, never over an explicit setting; H2 runs
 * untouched.
 */
class PostgresTuningTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    static HikariDataSource pool(String url) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        PostgresTuning.tune(ds);
        return ds;
    }

    @Test
    void onlyPostgresqlPoolsGetIt() {
        assertThat(pool("jdbc:postgresql://db:5432/khien").getDataSourceProperties())
                .containsEntry("reWriteBatchedInserts", "true")
                .containsEntry("options", "-c jit=off");
        assertThat(pool("jdbc:h2:mem:x;MODE=PostgreSQL").getDataSourceProperties())
                .isEmpty();
        assertThat(pool("jdbc:postgresql://db/khien?reWriteBatchedInserts=false")
                        .getDataSourceProperties())
                .doesNotContainKey("reWriteBatchedInserts")
                .containsEntry("options", "-c jit=off");
        assertThat(pool("jdbc:postgresql://db/khien?options=-c%20work_mem%3D64MB")
                        .getDataSourceProperties())
                .doesNotContainKey("options");
        HikariDataSource explicit = new HikariDataSource();
        explicit.setJdbcUrl("jdbc:postgresql://db/khien");
        explicit.addDataSourceProperty("reWriteBatchedInserts", "false");
        PostgresTuning.tune(explicit);
        assertThat(explicit.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "false");
    }

    @Test
    void theRunningPoolHasItExactlyWhenItIsPostgresql() throws Exception {
        HikariDataSource ds = dataSource.unwrap(HikariDataSource.class);
        boolean postgres = ds.getJdbcUrl().startsWith("jdbc:postgresql:");
        assertThat(ds.getDataSourceProperties().containsKey("reWriteBatchedInserts"))
                .isEqualTo(postgres);
        try (var c = ds.getConnection()) {
            assertThat(c.isValid(2)).isTrue();
            if (postgres) {
                try (var s = c.createStatement();
                        var r = s.executeQuery("SHOW jit")) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getString(1)).isEqualTo("off");
                }
            }
        }
    }
}
