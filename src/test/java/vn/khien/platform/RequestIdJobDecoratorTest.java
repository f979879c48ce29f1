package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.event.ExecutionChain;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.support.IntegrationTest;

/**
 * Issue 15: every execution of a db-scheduler job runs under its own {@code job-…} request id, in the MDC key a
 * request's id uses, so the audit record the job writes carries it. The scheduler is a real db-scheduler over the
 * application's database and its {@code scheduled_tasks} table (the application's own schedulers are off in tests),
 * with a task of a name no other test uses.
 */
class RequestIdJobDecoratorTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachJobRunWritesItsAuditRecordUnderItsOwnJobId() throws Exception {
        String action = "test.job." + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> idOfRun = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(2);
        OneTimeTask<Void> task = Tasks.oneTime("request-id-" + action).execute((instance, context) -> {
            idOfRun.put(instance.getId(), String.valueOf(MDC.get(RequestLog.MDC_KEY)));
            audit.record(AuditEntry.of(action, null, "job", instance.getId()));
            done.countDown();
        });
        Scheduler scheduler = Scheduler.create(dataSource, task)
                .pollingInterval(Duration.ofMillis(200))
                .enableImmediateExecution()
                .threads(1)
                .addExecutionInterceptor(RequestIdJobDecorator.INSTANCE)
                .build();
        scheduler.start();
        try {
            scheduler.schedule(task.instance("first"), Instant.now());
            scheduler.schedule(task.instance("second"), Instant.now());
            assertThat(done.await(60, TimeUnit.SECONDS))
                    .as("both runs finished")
                    .isTrue();
        } finally {
            scheduler.stop();
        }

        assertThat(idOfRun.values()).hasSize(2).allMatch(id -> id.matches("job-[0-9a-f]{12}"));
        assertThat(idOfRun.get("first")).isNotEqualTo(idOfRun.get("second"));
        Map<String, String> recorded = new ConcurrentHashMap<>();
        jdbc.sql("SELECT target_id, request_id FROM audit_event WHERE action = :a")
                .param("a", action)
                .query((rs, n) -> recorded.put(rs.getString(1), rs.getString(2)))
                .list();
        assertThat(recorded).isEqualTo(idOfRun);
    }

    @Test
    void theThreadsOwnIdIsRestoredAfterTheRun() {
        MDC.put(RequestLog.MDC_KEY, "the-thread-before");
        try {
            String[] during = new String[1];
            RequestIdJobDecorator.INSTANCE.execute(null, null, new ExecutionChain(List.of(), (instance, context) -> {
                during[0] = MDC.get(RequestLog.MDC_KEY);
                return null;
            }));
            assertThat(during[0]).startsWith("job-");
            assertThat(MDC.get(RequestLog.MDC_KEY)).isEqualTo("the-thread-before");
        } finally {
            MDC.remove(RequestLog.MDC_KEY);
        }
    }
}
