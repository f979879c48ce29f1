package vn.khien.systems;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.khien.systems.campaigns.CampaignCatalog;
import vn.khien.systems.classification.ClassificationEngine;
import vn.khien.systems.classification.RegimeCatalog;
import vn.khien.systems.classification.RegimeSelector;
import vn.khien.systems.classification.authority.AuthorityResolver;
import vn.khien.systems.classification.authority.AuthorityRuleCatalog;
import vn.khien.systems.deadlines.DeadlineCalculator;
import vn.khien.systems.deadlines.TimeLimitCatalog;
import vn.khien.systems.deadlines.WorkingDayCalendar;

/** The pure rule layer (classification, authority, time limits, calendar, campaigns) as beans, loaded once at start. */
@Configuration
class SystemsRulesConfiguration {

    @Bean
    RegimeCatalog regimeCatalog() {
        return RegimeCatalog.loadDefault();
    }

    @Bean
    ClassificationEngine classificationEngine(RegimeCatalog catalog) {
        return new ClassificationEngine(catalog);
    }

    @Bean
    RegimeSelector regimeSelector(RegimeCatalog catalog) {
        return new RegimeSelector(catalog);
    }

    @Bean
    AuthorityResolver authorityResolver() {
        return new AuthorityResolver(AuthorityRuleCatalog.loadDefault());
    }

    @Bean
    TimeLimitCatalog timeLimitCatalog() {
        return TimeLimitCatalog.loadDefault();
    }

    @Bean
    WorkingDayCalendar workingDayCalendar() {
        return WorkingDayCalendar.loadDefault();
    }

    @Bean
    DeadlineCalculator deadlineCalculator(WorkingDayCalendar calendar, TimeLimitCatalog limits) {
        return new DeadlineCalculator(calendar, limits.counting());
    }

    @Bean
    CampaignCatalog campaignCatalog() {
        return CampaignCatalog.loadDefault();
    }
}
