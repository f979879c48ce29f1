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

    public ProblemResponses(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    public void write(HttpServletResponse response, int status, String type, String messageKey) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String detail = messages.getMessage(messageKey, null, messageKey, LocaleContextHolder.getLocale());
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "urn:khien:problem:" + type);
        body.put("title", org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        response.getWriter().write(json.writeValueAsString(body));
    }
}
