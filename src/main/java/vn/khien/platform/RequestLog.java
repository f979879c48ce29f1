package vn.khien.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request, and one request id that ties together that line, every other log line of the request
 * (MDC key {@code requestId}), the problem+json body of an error and the audit record it writes. A well-formed
 * {@code X-Request-Id} from the load balancer is kept, so its logs and Khiên's line up; otherwise one is made.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLog extends OncePerRequestFilter {

    public static final String MDC_KEY = "requestId";
    public static final String HEADER = "X-Request-Id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final Logger LOG = LoggerFactory.getLogger("khien.request");

    /** The id of the request being served on this thread, or null outside a request. */
    public static String currentId() {
        return MDC.get(MDC_KEY);
    }

    /** The load balancer's id when well-formed, else a new one. */
    static String idFor(@Nullable String given) {
        return given != null && WELL_FORMED.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = idFor(request.getHeader(HEADER));
        long started = System.nanoTime();
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        StatementCounter.start();
        try {
            chain.doFilter(request, response);
        } finally {
            long millis = (System.nanoTime() - started) / 1_000_000;
            int statements = StatementCounter.stop(id);
            if (!request.getRequestURI().startsWith("/webjars/")
                    && !request.getRequestURI().startsWith("/css/")
                    && !request.getRequestURI().startsWith("/js/")) {
                LOG.info(
                        "{} {} {} {} ms {} sql",
                        request.getMethod(),
                        request.getRequestURI(),
                        response.getStatus(),
                        millis,
                        statements);
            }
            MDC.remove(MDC_KEY);
        }
    }
}
