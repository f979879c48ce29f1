package vn.khien.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import vn.khien.platform.RequestIdJobDecorator;

/**
 * Builds a module's db-scheduler (docs/adr/0019): its recurring tasks in the module's own table, polled every {@code
 * khien.jobs.polling-interval}, one thread, the node named by {@code khien.jobs.node-name} (or a random name). One
 * node picks an execution under db-scheduler's optimistic lock, so a task runs once whatever the number of nodes.
 */
public final class JobSchedulers {

    private JobSchedulers() {}

    /** A scheduler over {@code table} that starts {@code tasks}; the caller starts and stops it with its lifecycle. */
    public static Scheduler create(
            DataSource dataSource, String table, Duration polling, String nodeName, List<RecurringTask<?>> tasks) {
        return Scheduler.create(dataSource, List.of())
                .tableName(table)
                .startTasks(tasks)
                .pollingInterval(polling)
                .schedulerName(new SchedulerName.Fixed(nodeName(nodeName)))
                .threads(1)
                .addExecutionInterceptor(RequestIdJobDecorator.INSTANCE) // a job-… request id per run
                .build();
    }

    /** The configured node name, or {@code khien-} and a random suffix when none is configured. */
    static String nodeName(String configured) {
        return configured.isBlank() ? "khien-" + UUID.randomUUID().toString().substring(0, 8) : configured;
    }
}
