package vn.khien.obligations.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khien.obligations.jobs.ReminderService;
import vn.khien.systems.SystemsDemoReady;

/**
 * Demo: once the register, compliance and scan demos are in place, runs the reminder job once, so the demo officers
 * (demo.so.canbo, demo.bv.canbo) and leaders find their reminders and escalations at once instead of the next
 * morning; the obligations matrix needs no seed of its own (it reads the other modules' demo evidence). Idempotent:
 * notices are deduplicated per person and duty, so a restart adds nothing.
 */
@Component
class ObligationsDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(ObligationsDemoData.class);

    private final ReminderService reminders;

    ObligationsDemoData(ReminderService reminders) {
        this.reminders = reminders;
    }

    @EventListener
    @Order(5)
    public void on(SystemsDemoReady ready) {
        ReminderService.Run run = reminders.run();
        LOG.info("Demo obligations: {} reminders and {} escalations queued", run.reminders(), run.escalations());
    }
}
