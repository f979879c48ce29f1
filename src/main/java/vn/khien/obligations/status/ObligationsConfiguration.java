package vn.khien.obligations.status;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.khien.obligations.catalogue.ObligationCatalogue;

/** The obligation catalogue, loaded and checked once at start-up: a broken catalogue stops the application. */
@Configuration
class ObligationsConfiguration {

    @Bean
    ObligationCatalogue obligationCatalogue() {
        return ObligationCatalogue.loadDefault();
    }
}
