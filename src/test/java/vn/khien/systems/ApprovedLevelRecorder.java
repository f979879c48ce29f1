package vn.khien.systems;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test-only listener: the events other modules will receive when a level is approved. */
@Component
public class ApprovedLevelRecorder {
    private final List<SystemLevelApproved> received = new CopyOnWriteArrayList<>();

    @EventListener
    void on(SystemLevelApproved event) {
        received.add(event);
    }

    public List<SystemLevelApproved> received() {
        return received;
    }
}
