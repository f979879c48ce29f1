package vn.khien.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** problem+json bodies for errors raised before a controller is reached (authentication, access). */
@Component
class ProblemResponses {
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();
    private final org.springframework.beans.factory.ObjectProvider<org.springframework.web.servlet.LocaleResolver> locales;

    public ProblemResponses(MessageSource messages,
                            org.springframework.beans.factory.ObjectProvider<org.springframework.web.servlet.LocaleResolver> locales) {
        this.messages = messages;
        this.locales = locales;
    }

    /**
     * The caller's language. These answers are written by security filters, before the DispatcherServlet sets the
     * locale, where LocaleContextHolder still holds the JVM's (English): ask the application's resolver (Vietnamese
     * unless the person chose English).
     */
    java.util.Locale locale() {
        org.springframework.web.servlet.LocaleResolver resolver = locales.getIfAvailable();
        if (resolver != null && org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attrs) {
            return resolver.resolveLocale(attrs.getRequest());
        }
        return vn.khien.platform.WebConfiguration.VIETNAMESE;
    }

    public String text(String key) {
        return messages.getMessage(key, null, key, locale());
    }

    public void write(HttpServletResponse response, int status, String type, String messageKey) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String detail = messages.getMessage(messageKey, null, messageKey, locale());
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "urn:khien:problem:" + type);
        body.put("title", org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        if (vn.khien.platform.RequestLog.currentId() != null) {
            body.put("requestId", vn.khien.platform.RequestLog.currentId());
        }
        response.getWriter().write(json.writeValueAsString(body));
    }
}
