package vn.khien.incidents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.khien.incidents.cases.IncidentCatalogue;
import vn.khien.incidents.deadlines.DeadlineEngine;
import vn.khien.incidents.deadlines.ReportingRules;
import vn.khien.incidents.plans.PlanOutlines;

/** The incidents module's rule data as beans, loaded once at start. */
@Configuration
class IncidentsConfiguration {

    @Bean
    DeadlineEngine incidentDeadlineEngine() {
        return new DeadlineEngine(ReportingRules.loadDefault());
    }

    @Bean
    IncidentCatalogue incidentCatalogue() {
        return IncidentCatalogue.loadDefault();
    }

    @Bean
    PlanOutlines responsePlanOutlines() {
        return PlanOutlines.loadDefault();
    }
}
