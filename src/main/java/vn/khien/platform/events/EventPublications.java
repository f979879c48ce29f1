package vn.khien.platform.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Housekeeping of Spring Modulith's event publication registry (table {@code event_publication}, docs/adr/0041):
 * every event handed to an {@code @ApplicationModuleListener} is stored in the publishing transaction and marked
 * completed when the listener succeeds. Completed publications are kept for {@code khien.events.keep-completed} (a
 * week by default, to look at what ran) and then deleted once a day, so the table holds what is outstanding plus a
 * week. Deleting is idempotent, so every node of a cluster may run it. Incomplete publications (a listener failed,
 * or the node stopped between commit and listener) are republished at the next start
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}); an operator can resubmit them earlier
 * with {@code IncompleteEventPublications}.
 */
@Component
@ConditionalOnProperty(name = "khien.jobs.enabled", havingValue = "true", matchIfMissing = true)
class EventPublications {
    private static final Logger log = LoggerFactory.getLogger(EventPublications.class);

    private final CompletedEventPublications completed;
    private final Duration keep;

    EventPublications(
            CompletedEventPublications completed, @Value("${khien.events.keep-completed:P7D}") Duration keep) {
        this.completed = completed;
        this.keep = keep;
    }

    @Scheduled(cron = "${khien.events.purge-cron:0 40 3 * * *}", zone = "Asia/Ho_Chi_Minh")
    void purgeCompleted() {
        completed.deletePublicationsOlderThan(keep);
        log.info("Completed event publications older than {} deleted", keep);
    }
}
