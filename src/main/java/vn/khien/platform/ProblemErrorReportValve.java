package vn.khien.platform;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Errors Tomcat answers before the application runs (a request line or header over the limits, an invalid URI): a
 * problem+json body for the API paths (and for requests too broken to have a path), Tomcat's minimal page otherwise,
 * never a server version or stack trace. Such a request never reached {@link RequestLog}: it gets its request id here
 * (answered in {@code X-Request-Id}, in the problem+json body and in its log line), as every other request does.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    // its own logger, not khien.request: a refusal is worth a line even where per-request lines are turned down
    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        // Tomcat refused the request before any filter ran (no request id yet), or the application's request ended
        // in an error after RequestLog answered its id: either way the answer, the body and the log line carry one.
        if (response.getStatus() < 400 && throwable == null) {
            return; // Tomcat asks for every answer not yet committed; only errors are reported
        }
        String answered = response.getHeader(RequestLog.HEADER);
        boolean beforeTheApplication = answered == null;
        String id = beforeTheApplication ? RequestLog.idFor(header(request)) : answered;
        String previous = MDC.get(RequestLog.MDC_KEY);
        MDC.put(RequestLog.MDC_KEY, id);
        try {
            if (beforeTheApplication && !response.isCommitted()) {
                response.setHeader(RequestLog.HEADER, id);
            }
            if (beforeTheApplication) {
                LOG.info(
                        "{} {} {} refused by the server before the application",
                        request.getMethod(),
                        request.getRequestURI(),
                        response.getStatus());
            }
            answer(request, response, throwable);
        } finally {
            if (previous == null) {
                MDC.remove(RequestLog.MDC_KEY);
            } else {
                MDC.put(RequestLog.MDC_KEY, previous);
            }
        }
    }

    private static @Nullable String header(Request request) {
        try {
            return request.getHeader(RequestLog.HEADER);
        } catch (RuntimeException e) {
            return null; // headers too broken to read
        }
    }

    private void answer(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        if (uri != null && !uri.isEmpty() && !uri.startsWith("/api")) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            String detail = status == 400
                    ? "Yêu cầu không hợp lệ (đường dẫn, chuỗi truy vấn hoặc tiêu đề quá dài hay sai)."
                    : "Lỗi " + status + ".";
            String type = status == 400 ? "bad-request" : status >= 500 ? "internal" : "http-" + status;
            response.getReporter().write(ApiErrorFilter.problemJson(status, type, detail, null));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was already committed: nothing more to say
        }
    }
}
