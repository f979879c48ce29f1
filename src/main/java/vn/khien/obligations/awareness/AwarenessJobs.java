package vn.khien.obligations.awareness;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.khien.platform.jobs.JobSchedulers;

/**
 * The awareness rounds on db-scheduler (docs/adr/0019, 0033), in the module's own table
 * {@code awareness_scheduled_tasks}. Every {@code khien.awareness.due-rounds-every} (30 seconds by default) one node
 * sends the rounds that fell due and mails them: a campaign saved to go out today is sent within a minute, never
 * inside the request that saved it. Every {@code khien.awareness.rounds-every} (an hour by default) the deliveries
 * still waiting are mailed again (a mail the SMTP server refused is tried again). One node runs an execution at a
 * time, and a round's row is unique per campaign and number, so a round goes out once whatever the number of nodes
 * or runs.
 */
@Component
@ConditionalOnProperty(name = "khien.jobs.enabled", havingValue = "true", matchIfMissing = true)
class AwarenessJobs implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AwarenessJobs.class);
    static final String ROUNDS = "awareness-rounds";
    static final String DUE_ROUNDS = "awareness-due-rounds";

    private final Scheduler scheduler;
    private volatile boolean running;

    AwarenessJobs(
            DataSource dataSource,
            AwarenessService awareness,
            AwarenessMailer mailer,
            @Value("${khien.jobs.polling-interval}") Duration polling,
            @Value("${khien.awareness.rounds-every:PT1H}") Duration every,
            @Value("${khien.awareness.due-rounds-every:PT30S}") Duration dueEvery,
            @Value("${khien.jobs.node-name:}") String nodeName) {
        RecurringTask<Void> rounds = Tasks.recurring(ROUNDS, Schedules.fixedDelay(every))
                .execute((instance, context) -> {
                    int sent = awareness.sendDueRounds();
                    int mailed = mailer.sendPending(null);
                    LOG.info("Awareness: {} rounds sent, {} mails", sent, mailed);
                });
        RecurringTask<Void> due = Tasks.recurring(DUE_ROUNDS, Schedules.fixedDelay(dueEvery))
                .execute((instance, context) -> {
                    List<Long> sent = awareness.sendDueRoundsOf();
                    int mailed = 0;
                    for (long campaign : sent) {
                        mailed += mailer.sendPending(campaign);
                    }
                    if (!sent.isEmpty()) {
                        LOG.info("Awareness: rounds of {} campaigns sent, {} mails", sent.size(), mailed);
                    }
                });
        this.scheduler =
                JobSchedulers.create(dataSource, "awareness_scheduled_tasks", polling, nodeName, List.of(rounds, due));
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        scheduler.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
