package vn.khien.obligations.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.khien.obligations.mail.DigestService;
import vn.khien.platform.RequestIdJobDecorator;

/**
 * The obligations' background jobs on db-scheduler (docs/adr/0019): a daily reminder run, a daily digest planner,
 * and one digest execution per person and day. Every node runs a scheduler over the same {@code scheduled_tasks}
 * table; an execution is picked by one node under an optimistic lock, heartbeats while it runs, and is picked up
 * again by another node when its node stops heartbeating (dead execution), so a node dying mid-run loses nothing.
 * The digest instance id is {@code person@day}: planning twice never schedules two digests.
 */
@Component
@ConditionalOnProperty(name = "khien.jobs.enabled", havingValue = "true", matchIfMissing = true)
public class ObligationJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ObligationJobs.class);

    public static final String REMINDERS = "obligation-reminders";
    public static final String DIGEST_PLANNER = "mail-digest-planner";
    public static final String DIGEST = "mail-digest";

    private final Scheduler scheduler;
    private final OneTimeTask<Long> digest;
    private final DigestService digests;
    private final Clock clock;
    private volatile boolean running;

    ObligationJobs(
            DataSource dataSource,
            ReminderService reminders,
            DigestService digests,
            Clock clock,
            @Value("${khien.jobs.polling-interval}") Duration polling,
            @Value("${khien.jobs.heartbeat-interval:PT5M}") Duration heartbeat,
            @Value("${khien.jobs.reminders-at}") LocalTime remindersAt,
            @Value("${khien.jobs.digest-at}") LocalTime digestAt,
            @Value("${khien.jobs.node-name:}") String nodeName) {
        this.digests = digests;
        this.clock = clock;
        this.digest = Tasks.oneTime(DIGEST, Long.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10)))
                .execute((instance, context) -> {
                    String[] parts = instance.getId().split("@");
                    boolean sent = digests.send(instance.getData(), LocalDate.parse(parts[1]));
                    log.info("Digest {} {}", instance.getId(), sent ? "sent" : "already sent or empty");
                });
        RecurringTask<Void> reminderTask = Tasks.recurring(REMINDERS, Schedules.daily(clock.getZone(), remindersAt))
                .execute((instance, context) -> {
                    ReminderService.Run run = reminders.run();
                    log.info("Obligation reminders: {} reminders, {} escalations", run.reminders(), run.escalations());
                });
        RecurringTask<Void> plannerTask = Tasks.recurring(DIGEST_PLANNER, Schedules.daily(clock.getZone(), digestAt))
                .execute((instance, context) -> planDigests(context.getSchedulerClient()));
        this.scheduler = Scheduler.create(dataSource, List.of(digest))
                .startTasks(reminderTask, plannerTask)
                .pollingInterval(polling)
                .heartbeatInterval(heartbeat)
                .schedulerName(new SchedulerName.Fixed(
                        nodeName.isBlank()
                                ? "khien-" + UUID.randomUUID().toString().substring(0, 8)
                                : nodeName))
                .threads(2)
                .enableImmediateExecution()
                .addExecutionInterceptor(RequestIdJobDecorator.INSTANCE) // a job-… request id per run
                .build();
    }

    /** Schedules one digest per person waiting, for today; an instance that exists already is left alone. */
    public int planDigests(SchedulerClient client) {
        LocalDate today = LocalDate.now(clock);
        int planned = 0;
        for (long person : digests.peopleWaiting()) {
            TaskInstance<Long> instance = digest.instance(person + "@" + today, person);
            if (client.scheduleIfNotExists(instance, clock.instant())) {
                planned++;
            }
        }
        log.info("Digests planned: {}", planned);
        return planned;
    }

    public int planDigests() {
        return planDigests(scheduler);
    }

    public Scheduler scheduler() {
        return scheduler;
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

    /** Start after the web server and everything else, stop first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
