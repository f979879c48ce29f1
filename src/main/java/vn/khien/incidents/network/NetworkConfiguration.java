package vn.khien.incidents.network;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The network duties' rule data as a bean, loaded once at start. */
@Configuration
class NetworkConfiguration {

    @Bean
    NetworkRules incidentNetworkRules() {
        return NetworkRules.loadDefault();
    }
}
