package vn.khien.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Every error of the API is problem+json, whoever raises it: Spring MVC's own resolvers (405, 406, 415, a missing
 * parameter), the security firewall (a {@code %00} or {@code %ff} in the path), a servlet-level failure. They all end in
 * {@code sendError}, which this filter turns into a problem body instead of the container's error page; and an
 * exception that escapes every handler becomes a logged 500 problem (never a stack trace, never HTML). Errors Tomcat
 * raises before any filter runs (an oversized header or query string) are written by {@link ProblemErrorReportValve}.
 * Also refuses control characters (NUL …) in any request parameter of any request, pages included: no text field
 * may carry them into the database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ApiErrorFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorFilter.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final MessageSource messages;
    private final LocaleResolver locales;

    public ApiErrorFilter(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && (uri.startsWith("/api/") || uri.equals("/api"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean api = isApi(request);
        String bad = refusedParameter(request);
        if (bad != null) {
            if (api) {
                writeProblem(response, 400, "invalid-parameter", text("error.controlCharacters", bad), bad);
            } else {
                response.sendError(400);
            }
            return;
        }
        if (!api) {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | IOException | RuntimeException e) {
                if (!isOverloaded(e) || response.isCommitted()) {
                    throw e;
                }
                LOG.warn(
                        "No database connection free for {} {}: answered 503",
                        request.getMethod(),
                        request.getRequestURI());
                response.reset();
                writeBusyPage(request, response);
            }
            return;
        }
        ProblemOnSendError wrapped = new ProblemOnSendError(response);
        try {
            chain.doFilter(request, wrapped);
        } catch (Exception | Error e) {
            if (isOverloaded(e)) {
                LOG.warn(
                        "No database connection free for {} {}: answered 503",
                        request.getMethod(),
                        request.getRequestURI());
                if (!response.isCommitted()) {
                    response.reset();
                    response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
                    writeProblem(response, 503, "busy", busyText(request, "error.busy"), null);
                }
                return;
            }
            if (isMalformedRequest(e)) {
                LOG.debug("Malformed request on {} {}", request.getMethod(), request.getRequestURI(), e);
                if (!response.isCommitted()) {
                    response.reset();
                    writeProblem(response, 400, "bad-request", statusText(400), null);
                }
                return;
            }
            LOG.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.reset();
                writeProblem(response, 500, "internal", text("error.internal"), null);
            }
        }
    }

    /**
     * Every connection of the pool stayed taken for the pool's whole wait (a burst of heavy requests): the server is
     * busy, not broken. A 503 with Retry-After tells a client, a person and a load balancer to come back, where a 500
     * said something failed (issue 15's load runs at national scale).
     */
    static boolean isOverloaded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    private void writeBusyPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Written here, not through a template: rendering the layout would itself ask the pool for a connection.
        response.setStatus(503);
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        String title = HtmlUtils.htmlEscape(busyText(request, "error.busy"));
        byte[] body = ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + title
                        + "</title></head><body><main><h1>" + title + "</h1><p><a href=\"/\">"
                        + HtmlUtils.htmlEscape(busyText(request, "nav.home")) + "</a></p></main></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** A body the container could not parse (a multipart request without boundary, a broken form): the client's fault. */
    static boolean isMalformedRequest(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof MultipartException
                    || name.equals("org.apache.tomcat.util.http.InvalidParameterException")
                    || name.startsWith("org.apache.tomcat.util.http.fileupload.")) {
                return true;
            }
        }
        return false;
    }

    /** The name of the first parameter (query or form) whose name or value holds a control character, or null. */
    private static @Nullable String refusedParameter(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            // Parsing parts here would spool an upload before its own size check; only the query string is checked.
            String q = request.getQueryString();
            if (q == null) {
                return null;
            }
            try {
                for (String pair : q.split("&")) {
                    String decoded = URLDecoder.decode(pair, StandardCharsets.UTF_8);
                    if (SafeText.firstRefused(decoded, true) >= 0) {
                        return SafeText.forStorage(decoded.split("=", 2)[0], 60);
                    }
                }
            } catch (IllegalArgumentException e) {
                return "?";
            }
            return null;
        }
        try {
            for (var e : request.getParameterMap().entrySet()) {
                if (SafeText.firstRefused(e.getKey(), false) >= 0) {
                    return SafeText.forStorage(e.getKey(), 60);
                }
                for (String v : e.getValue()) {
                    if (SafeText.firstRefused(v, true) >= 0) {
                        return SafeText.forStorage(e.getKey(), 60);
                    }
                }
            }
        } catch (RuntimeException e) {
            return "?"; // an unparsable query string or form body
        }
        return null;
    }

    /** In the person's language as the pages choose it (the request's locale context is gone once the chain returned). */
    private String busyText(HttpServletRequest request, String key) {
        return Objects.requireNonNullElse(messages.getMessage(key, null, key, locales.resolveLocale(request)), key);
    }

    private String text(String key, Object... args) {
        return Objects.requireNonNullElse(messages.getMessage(key, args, key, LocaleContextHolder.getLocale()), key);
    }

    private String statusText(int status) {
        HttpStatus s = HttpStatus.resolve(status);
        String reason = s == null ? "Error" : s.getReasonPhrase();
        return Objects.requireNonNullElse(
                messages.getMessage("error.status." + status, null, reason, LocaleContextHolder.getLocale()), reason);
    }

    static void writeProblem(
            HttpServletResponse response, int status, String type, String detail, @Nullable String field)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        byte[] body = problemJson(status, type, detail, field).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    static String problemJson(int status, String type, String detail, @Nullable String field) {
        HttpStatus s = HttpStatus.resolve(status);
        StringBuilder b = new StringBuilder("{\"type\":\"urn:khien:problem:")
                .append(type)
                .append("\",\"title\":")
                .append(quote(s == null ? "Error" : s.getReasonPhrase()))
                .append(",\"status\":")
                .append(status)
                .append(",\"detail\":")
                .append(quote(detail));
        if (field != null) {
            b.append(",\"errors\":[{\"field\":")
                    .append(quote(field))
                    .append(",\"message\":")
                    .append(quote(detail))
                    .append("}]");
        }
        String requestId = RequestLog.currentId();
        if (requestId != null) {
            b.append(",\"requestId\":").append(quote(requestId));
        }
        return b.append('}').toString();
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Turns {@code sendError} into a problem body written at once (the container's error page never runs). */
    private final class ProblemOnSendError extends HttpServletResponseWrapper {

        ProblemOnSendError(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        @Override
        public void sendError(int sc, @Nullable String msg) throws IOException {
            HttpServletResponse r = (HttpServletResponse) getResponse();
            if (r.isCommitted()) {
                super.sendError(sc, msg);
                return;
            }
            r.resetBuffer();
            String type = switch (sc) {
                case 400 -> "bad-request";
                case 401 -> "unauthenticated";
                case 403 -> "forbidden";
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 413 -> "too-large";
                case 415 -> "unsupported-media-type";
                default -> sc >= 500 ? "internal" : "http-" + sc;
            };
            writeProblem(r, sc, type, statusText(sc), null);
        }
    }
}
