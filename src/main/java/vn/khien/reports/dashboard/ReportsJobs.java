package vn.khien.reports.dashboard;

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
 * The reports module's background job on db-scheduler (docs/adr/0019, 0025): refreshes the dashboards'
 * pre-aggregated figures (running quarter and the trend's finished quarters) at start-up and then every
 * {@code khien.reports.snapshot-refresh} (15 minutes by default). Cluster-safe like the obligations' jobs (one node picks an execution under an optimistic lock), in the
 * module's own table {@code reports_scheduled_tasks}.
 */
@Component
@ConditionalOnProperty(name = "khien.jobs.enabled", havingValue = "true", matchIfMissing = true)
class ReportsJobs implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ReportsJobs.class);
    static final String TREND_REFRESH = "reports-figure-snapshots";

    private final Scheduler scheduler;
    private volatile boolean running;

    ReportsJobs(
            DataSource dataSource,
            FigureSnapshots snapshots,
            DashboardService dashboards,
            @Value("${khien.jobs.polling-interval}") Duration polling,
            @Value("${khien.reports.snapshot-refresh:PT15M}") Duration every,
            @Value("${khien.jobs.node-name:}") String nodeName) {
        RecurringTask<Void> refresh = Tasks.recurring(TREND_REFRESH, Schedules.fixedDelay(every))
                .execute((instance, context) -> {
                    long t = System.nanoTime();
                    int rows = snapshots.refreshAll(DashboardService.TREND_QUARTERS);
                    log.info(
                            "Dashboard figure snapshots refreshed: {} rows in {} ms",
                            rows,
                            (System.nanoTime() - t) / 1_000_000);
                    // docs/adr/0041: the first person's dashboard after a start (or a refresh) is not a cold one
                    long w = System.nanoTime();
                    int read = dashboards.warmUp();
                    log.info("{} root dashboard(s) read once in {} ms", read, (System.nanoTime() - w) / 1_000_000);
                });
        this.scheduler =
                JobSchedulers.create(dataSource, "reports_scheduled_tasks", polling, nodeName, List.of(refresh));
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
}
