package vn.khien.platform;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Errors Tomcat answers before the application runs (a request line or header over the limits, an invalid URI): a
 * problem+json body for the API paths (and for requests too broken to have a path), Tomcat's minimal page otherwise,
 * never a server version or stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
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
