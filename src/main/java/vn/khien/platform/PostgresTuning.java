package vn.khien.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Production PostgreSQL settings applied whatever {@code KHIEN_DB_URL} says: {@code reWriteBatchedInserts=true}, so
 * the driver sends a JDBC batch of INSERTs as multi-row INSERTs (scan imports write findings, history and audit rows in
 * batches of 1,000). Only for {@code jdbc:postgresql:} URLs (the embedded H2 rejects unknown connection settings), and
 * never over a value the URL or {@code spring.datasource.hikari.data-source-properties} already sets.
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

    /** Adds {@value #REWRITE}=true to a PostgreSQL pool that does not set it; leaves any other pool alone. */
    public static void tune(HikariDataSource ds) {
        String url = ds.getJdbcUrl();
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return;
        }
        if (url.toLowerCase(Locale.ROOT).contains(REWRITE.toLowerCase(Locale.ROOT))
                || ds.getDataSourceProperties().containsKey(REWRITE)) {
            return;
        }
        ds.addDataSourceProperty(REWRITE, "true");
    }
}
