package vn.khien.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Production PostgreSQL settings applied whatever {@code KHIEN_DB_URL} says: {@code reWriteBatchedInserts=true}, so
 * the driver sends a JDBC batch of INSERTs as multi-row INSERTs (scan imports write findings, history and audit rows in
 * batches of 1,000), and {@code options=-c jit=off}: PostgreSQL's JIT compiles any query whose estimated cost passes
 * its threshold, which at national scale made the home page's dossier queries spend 0.5-0.9 s compiling for 36-98 ms
 * of work (bench/explain/plans/home-dossiers-late-province*.txt); Khiên's queries are short, so compiling never pays.
 * Only for {@code jdbc:postgresql:} URLs (the embedded H2 rejects unknown connection settings), and never over a value
 * the URL or {@code spring.datasource.hikari.data-source-properties} already sets.
 */
@Configuration(proxyBeanMethods = false)
class PostgresTuning {

    static final String REWRITE = "reWriteBatchedInserts";

    @Bean
    static BeanPostProcessor postgresDataSourceTuning() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource ds) {
                    tune(ds);
                }
                return bean;
            }
        };
    }

    static final String OPTIONS = "options";

    /** Adds {@value #REWRITE}=true and JIT off to a PostgreSQL pool that does not set them; leaves any other pool alone. */
    public static void tune(HikariDataSource ds) {
        String url = ds.getJdbcUrl();
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return;
        }
        setUnlessGiven(ds, url, REWRITE, "true");
        setUnlessGiven(ds, url, OPTIONS, "-c jit=off");
    }

    private static void setUnlessGiven(HikariDataSource ds, String url, String name, String value) {
        if (url.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT) + "=")
                || ds.getDataSourceProperties().containsKey(name)) {
            return;
        }
        ds.addDataSourceProperty(name, value);
    }
}
