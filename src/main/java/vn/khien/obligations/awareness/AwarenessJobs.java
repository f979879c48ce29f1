package vn.khien.obligations.awareness;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.khien.platform.RequestIdJobDecorator;

/**
 * The awareness rounds on db-scheduler (docs/adr/0019, 0033), in the module's own table
 * {@code awareness_scheduled_tasks}: every {@code khien.awareness.rounds-every} (an hour by default) one node sends
 * the rounds that fell due and mails the deliveries still waiting (a mail the SMTP server refused is tried again).
 * One node runs an execution at a time, and a round's row is unique per campaign and number, so a round goes out
 * once whatever the number of nodes or runs.
 */
@Component
@ConditionalOnProperty(name = "khien.jobs.enabled", havingValue = "true", matchIfMissing = true)
class AwarenessJobs implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AwarenessJobs.class);
    static final String ROUNDS = "awareness-rounds";

    private final Scheduler scheduler;
    private volatile boolean running;

    AwarenessJobs(
            DataSource dataSource,
            AwarenessService awareness,
            AwarenessMailer mailer,
            @Value("${khien.jobs.polling-interval}") Duration polling,
            @Value("${khien.awareness.rounds-every:PT1H}") Duration every,
            @Value("${khien.jobs.node-name:}") String nodeName) {
        RecurringTask<Void> rounds = Tasks.recurring(ROUNDS, Schedules.fixedDelay(every))
                .execute((instance, context) -> {
                    int sent = awareness.sendDueRounds();
                    int mailed = mailer.sendPending(null);
                    LOG.info("Awareness: {} rounds sent, {} mails", sent, mailed);
                });
        this.scheduler = Scheduler.create(dataSource, List.of())
                .tableName("awareness_scheduled_tasks")
                .startTasks(rounds)
                .pollingInterval(polling)
                .schedulerName(new SchedulerName.Fixed(
                        nodeName.isBlank()
                                ? "khien-" + UUID.randomUUID().toString().substring(0, 8)
                                : nodeName))
                .threads(1)
                .addExecutionInterceptor(RequestIdJobDecorator.INSTANCE) // a job-… request id per run
                .build();
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
