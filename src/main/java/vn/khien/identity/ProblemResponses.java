package vn.khien.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.platform.RequestLog;
import vn.khien.platform.WebConfiguration;

/** problem+json bodies for errors raised before a controller is reached (authentication, access). */
@Component
class ProblemResponses {
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ObjectProvider<LocaleResolver> locales;

    public ProblemResponses(MessageSource messages, ObjectProvider<LocaleResolver> locales) {
        this.messages = messages;
        this.locales = locales;
    }

    /**
     * The caller's language. These answers are written by security filters, before the DispatcherServlet sets the
     * locale, where LocaleContextHolder still holds the JVM's (English): ask the application's resolver (Vietnamese
     * unless the person chose English).
     */
    Locale locale() {
        LocaleResolver resolver = locales.getIfAvailable();
        if (resolver != null && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return resolver.resolveLocale(attrs.getRequest());
        }
        return WebConfiguration.VIETNAMESE;
    }

    public String text(String key) {
        return Objects.requireNonNullElse(messages.getMessage(key, null, key, locale()), key);
    }

    public void write(HttpServletResponse response, int status, String type, String messageKey) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String detail = messages.getMessage(messageKey, null, messageKey, locale());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:khien:problem:" + type);
        body.put("title", HttpStatus.valueOf(status).getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        if (RequestLog.currentId() != null) {
            body.put("requestId", RequestLog.currentId());
        }
        response.getWriter().write(json.writeValueAsString(body));
    }
}
