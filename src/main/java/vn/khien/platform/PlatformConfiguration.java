package vn.khien.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KhienProperties.class)
public class PlatformConfiguration {

    /** All dates shown and computed in Vietnam's time zone, whatever the server's own zone is. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Bean
    static ProductionModeGuard productionModeGuard() {
        return new ProductionModeGuard();
    }

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
