package vn.khien.platform;

import com.github.kagkarlsson.scheduler.event.ExecutionChain;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.slf4j.MDC;

/**
 * A request id for every execution of a db-scheduler job (issue 15): each run gets its own {@code job-…} id in the
 * MDC key {@link RequestLog#MDC_KEY}, the key a request's id uses, so the run's log lines and the audit records it
 * writes ({@code audit_entry.request_id}) can be found together. Added to a scheduler with
 * {@code SchedulerBuilder.addExecutionInterceptor(RequestIdJobDecorator.INSTANCE)}; what was in the MDC before is
 * restored afterwards (the scheduler's threads are reused).
 */
public final class RequestIdJobDecorator implements ExecutionInterceptor {

    public static final RequestIdJobDecorator INSTANCE = new RequestIdJobDecorator();

    private RequestIdJobDecorator() {}

    @Override
    public CompletionHandler<?> execute(
            TaskInstance<?> taskInstance, ExecutionContext executionContext, ExecutionChain chain) {
        String previous = MDC.get(RequestLog.MDC_KEY);
        MDC.put(RequestLog.MDC_KEY, JobRequestIds.newJobId());
        try {
            return chain.proceed(taskInstance, executionContext);
        } finally {
            if (previous == null) {
                MDC.remove(RequestLog.MDC_KEY);
            } else {
                MDC.put(RequestLog.MDC_KEY, previous);
            }
        }
    }
}
