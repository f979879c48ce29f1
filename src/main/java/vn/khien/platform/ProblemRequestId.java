package vn.khien.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem+json body a controller or handler returns carries the request's id ({@code requestId}, see
 * {@link RequestLog}), so a person can quote it and the operator finds the log lines and the audit record.
 * Bodies written outside Spring MVC (filters, Tomcat's error valve, the security chain) add it themselves.
 */
@ControllerAdvice
class ProblemRequestId implements ResponseBodyAdvice<Object> {

    static final String PROPERTY = "requestId";

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public @Nullable Object beforeBodyWrite(
            @Nullable Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail pd
                && RequestLog.currentId() != null
                && (pd.getProperties() == null || !pd.getProperties().containsKey(PROPERTY))) {
            pd.setProperty(PROPERTY, RequestLog.currentId());
        }
        return body;
    }
}
