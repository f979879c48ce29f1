package vn.khien.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.support.IntegrationTest;

/**
 * Spring Modulith's JDBC event publication registry (docs/adr/0041): an event handed to an
 * {@code @ApplicationModuleListener} is stored in {@code event_publication} in the publishing transaction; when the
 * listener fails after the commit (as when the node stops between commit and listener) the publication stays
 * incomplete, and resubmitting it — what the application does at start-up — runs the listener again and completes it.
 */
class EventPublicationRegistryTest extends IntegrationTest {

    /** Listeners run after the commit on another thread; a publication's state is awaited, never slept for. */
    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    ProbeListener probe;

    @Test
    void aListenerThatSucceedsCompletesItsPublication() {
        String marker = data.unique("probe-ok");
        tx.executeWithoutResult(s -> events.publishEvent(new ProbeEvent(marker)));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(probe.handled()).contains(marker);
            assertThat(publications(marker))
                    .singleElement()
                    .satisfies(p -> assertThat(p.get("completion_date")).isNotNull());
        });
    }

    @Test
    void aFailedListenersEventStaysInTheRegistryAndCompletesOnResubmission() {
        String marker = data.unique("probe-failed");
        probe.failOnceFor(marker);
        tx.executeWithoutResult(s -> events.publishEvent(new ProbeEvent(marker)));

        // The publisher's transaction committed; the listener failed afterwards: the publication is still there,
        // marked failed and not completed.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(publications(marker))
                        .singleElement()
                        .satisfies(p -> assertThat(p.get("status")).isEqualTo("FAILED")));
        assertThat(probe.handled()).doesNotContain(marker);
        assertThat(publications(marker).get(0).get("completion_date")).isNull();

        // What the application does with outstanding publications at start-up.
        incomplete.resubmitIncompletePublications(
                p -> p.getEvent() instanceof ProbeEvent e && e.marker().equals(marker));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(probe.handled()).containsOnlyOnce(marker);
            assertThat(publications(marker))
                    .singleElement()
                    .satisfies(p -> assertThat(p.get("completion_date")).isNotNull());
        });
    }

    @Test
    void aRolledBackPublisherLeavesNoPublication() {
        String marker = data.unique("probe-rolled-back");
        tx.executeWithoutResult(s -> {
            events.publishEvent(new ProbeEvent(marker));
            s.setRollbackOnly();
        });

        assertThat(probe.handled()).doesNotContain(marker);
        assertThat(publications(marker)).isEmpty();
    }

    private List<Map<String, Object>> publications(String marker) {
        return data.jdbc()
                .sql("SELECT listener_id, completion_date, status FROM event_publication"
                        + " WHERE event_type = :type AND serialized_event LIKE :marker")
                .param("type", ProbeEvent.class.getName())
                .param("marker", "%" + marker + "%")
                .query()
                .listOfRows();
    }
}
