package vn.khien.platform.events;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Test-only {@link ApplicationModuleListener}: fails once for a marker it was told to fail for (a listener that
 * breaks after the publisher committed, as a crash would leave it), succeeds otherwise, and records what it handled.
 */
@Component
public class ProbeListener {
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private final List<String> handled = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void on(ProbeEvent event) {
        if (failOnce.remove(event.marker())) {
            throw new IllegalStateException("probe listener fails once for " + event.marker());
        }
        handled.add(event.marker());
    }

    public void failOnceFor(String marker) {
        failOnce.add(marker);
    }

    public List<String> handled() {
        return handled;
    }
}
