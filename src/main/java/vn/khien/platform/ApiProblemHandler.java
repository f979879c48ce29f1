package vn.khien.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every API error is application/problem+json (RFC 9457); validation errors name their fields. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemHandler {

    private final MessageSource messages;

    public ApiProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", text("error.notFound"));
    }

    @ExceptionHandler(ForbiddenActionException.class)
    ProblemDetail forbidden(ForbiddenActionException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", text(e.messageKey()));
    }

    @ExceptionHandler(FieldProblemException.class)
    ProblemDetail fieldProblems(FieldProblemException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldProblemException.FieldProblem p : e.problems()) {
            errors.add(Map.of("field", p.field(), "message", text(p.messageKey(), p.args())));
        }
        return validation(errors);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(fe -> errors.add(Map.of("field", fe.getField(),
                "message", messages.getMessage(fe, LocaleContextHolder.getLocale()))));
        return validation(errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "unreadable-body", text("error.unreadableBody"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", text("error.invalidParameter", e.getName()));
        pd.setProperty("errors", List.of(Map.of("field", e.getName(), "message", text("error.invalidParameter", e.getName()))));
        return pd;
    }

    private ProblemDetail validation(List<Map<String, String>> errors) {
        ProblemDetail pd = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", text("error.validation"));
        pd.setProperty("errors", errors);
        return pd;
    }

    private ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create("urn:khien:problem:" + type));
        return pd;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
