package vn.khien.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every JSON request body is validated, whether or not its controller says {@code @Valid}: the length limits
 * ({@code @Size}, matching the column) of the body's record are checked before any service or database sees it.
 */
@ControllerAdvice
class ValidatedBodies extends RequestBodyAdviceAdapter {

    private final Validator validator;

    public ValidatedBodies(Validator validator) {
        this.validator = validator;
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        if (body == null
                || body instanceof String
                || body instanceof Collection<?>
                || body instanceof Map<?, ?>
                || body.getClass().getName().startsWith("java.")) {
            return body;
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
            for (ConstraintViolation<Object> v : violations) {
                problems.add(new FieldProblemException.FieldProblem(
                        v.getPropertyPath().toString(), v.getMessage()));
            }
            problems.sort(Comparator.comparing(FieldProblemException.FieldProblem::field));
            throw new FieldProblemException(problems);
        }
        return body;
    }
}
