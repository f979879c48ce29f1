package vn.khien.platform;

import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.core.task.TaskDecorator;
import org.springframework.stereotype.Component;

/**
 * Request ids for work done outside a request (issue 15): background scan imports, {@code @Scheduled} jobs and tasks
 * of Spring's executors (Spring Boot applies this {@link TaskDecorator} bean to its task executor and scheduler).
 * A task submitted while a request is served keeps that request's id (the import started by an upload logs under the
 * id the upload answered); any other run gets its own {@code job-…} id, so every log line of one run can be found
 * together. The id is in the MDC key {@link RequestLog#MDC_KEY}, like a request's, and restored afterwards.
 */
@Component
public class JobRequestIds implements TaskDecorator {

    @Override
    public Runnable decorate(Runnable runnable) {
        return withRequestId(runnable);
    }

    /** The task, run under the submitting request's id, or under a new job id for each run. */
    public static Runnable withRequestId(Runnable task) {
        String caller = MDC.get(RequestLog.MDC_KEY);
        return () -> {
            String previous = MDC.get(RequestLog.MDC_KEY);
            MDC.put(RequestLog.MDC_KEY, caller != null ? caller : newJobId());
            try {
                task.run();
            } finally {
                if (previous == null) {
                    MDC.remove(RequestLog.MDC_KEY);
                } else {
                    MDC.put(RequestLog.MDC_KEY, previous);
                }
            }
        };
    }

    static String newJobId() {
        return "job-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
