package vn.khien.platform;

import java.net.URI;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.NestedRuntimeException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error is application/problem+json (RFC 9457); validation errors name their fields. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblemHandler.class);

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

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(fe -> errors.add(Map.of(
                        "field", fe.getField(), "message", messages.getMessage(fe, LocaleContextHolder.getLocale()))));
        return json(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // A value of the wrong type or outside an enum: name the field and the accepted values (issue 9).
        Class<?> target = null;
        List<tools.jackson.core.JacksonException.Reference> at = List.of();
        for (Throwable c = e.getCause(); c != null && target == null; c = c.getCause()) {
            if (c instanceof tools.jackson.databind.exc.MismatchedInputException m
                    && String.valueOf(m.getOriginalMessage()).contains(StrictJson.TOO_LONG)) {
                break; // a string over its field's ceiling: said below, with the ceiling
            }
            if (c instanceof tools.jackson.databind.exc.MismatchedInputException m) {
                target = m.getTargetType();
                at = m.getPath();
            } else if (c instanceof tools.jackson.databind.exc.ValueInstantiationException v) {
                // A @JsonCreator refused the value (e.g. an enum that also accepts former codes).
                target = v.getType() == null ? null : v.getType().getRawClass();
                at = v.getPath();
            }
        }
        if (target != null && !at.isEmpty()) {
            String field = fieldPath(at);
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", field);
            if (target != null && target.isEnum()) {
                List<String> accepted = Arrays.stream(target.getEnumConstants())
                        .map(Object::toString)
                        .toList();
                String values = String.join(", ", accepted);
                error.put("message", text("error.body.notOneOf", field, values));
                error.put("messageVi", textIn("vi", "error.body.notOneOf", field, values));
                error.put("messageEn", textIn("en", "error.body.notOneOf", field, values));
                error.put("accepted", accepted);
            } else {
                String type = target == null ? "unknown" : typeName(target);
                error.put("message", text("error.body.wrongType", field, text("error.type." + type)));
                error.put("messageVi", textIn("vi", "error.body.wrongType", field, textIn("vi", "error.type." + type)));
                error.put("messageEn", textIn("en", "error.body.wrongType", field, textIn("en", "error.type." + type)));
            }
            ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "unreadable-body", text("error.unreadableBody"));
            pd.setProperty("errors", List.of(error));
            return json(pd);
        }
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "unreadable-body", text("error.unreadableBody"));
        Throwable cause = e.getCause();
        String field = null;
        String why = null;
        // Any Jackson failure that knows where it happened names the field: a wrong type, a control character, but
        // also a number over 64 bits or a string over the ceiling (stream-level errors, not DatabindExceptions).
        if (cause instanceof tools.jackson.core.JacksonException d
                && !d.getPath().isEmpty()) {
            field = fieldPath(d.getPath());
            String m = String.valueOf(d.getOriginalMessage());
            Matcher tooLong = Pattern.compile(StrictJson.TOO_LONG + "(\\d+)").matcher(m);
            if (tooLong.find()) {
                why = text("error.json.tooLong", Long.parseLong(tooLong.group(1)));
            } else if (d instanceof tools.jackson.core.exc.StreamConstraintsException) {
                why = text("error.json.tooLong", StrictJson.MAX_DECLARED);
            } else if (d instanceof tools.jackson.core.exc.InputCoercionException) {
                why = text("error.json.numberOutOfRange");
            } else {
                why = m.contains("control character") ? text("error.json.control") : text("error.json.type");
            }
        }
        if (field == null
                && (cause instanceof tools.jackson.core.exc.StreamConstraintsException
                        || cause instanceof tools.jackson.core.exc.InputCoercionException)
                && ((tools.jackson.core.JacksonException) cause).processor()
                        instanceof tools.jackson.core.JsonParser parser) {
            // A stream-level limit hit before any deserializer ran: where the parser stood names the field.
            field = pointerToField(parser.streamReadContext().pathAsPointer().toString());
            why = cause instanceof tools.jackson.core.exc.StreamConstraintsException
                    ? text("error.json.tooLong", StrictJson.MAX_DECLARED)
                    : text("error.json.numberOutOfRange");
        }
        if (cause instanceof tools.jackson.core.exc.StreamReadException r
                && String.valueOf(r.getOriginalMessage()).startsWith("Duplicate")) {
            Matcher m = Pattern.compile("[\"'](.{1,100}?)[\"']").matcher(r.getOriginalMessage());
            field = m.find() ? m.group(1) : "?";
            why = text("error.json.duplicate");
        }
        if (field != null && !field.isEmpty() && why != null) { // why is found with the field
            pd.setProperty("errors", List.of(Map.of("field", field, "message", text("error.jsonField", field, why))));
        }
        return json(pd);
    }

    /** Spring MVC's own exceptions (405, 406, 415, missing parameter …): the same problem+json shape. */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> r = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (r == null) {
            return null;
        }
        HttpHeaders h = new HttpHeaders();
        h.putAll(r.getHeaders());
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Object b = r.getBody();
        if (b instanceof ProblemDetail pd
                && pd.getType() != null
                && "about:blank".equals(pd.getType().toString())) {
            pd.setType(URI.create("urn:khien:problem:http-" + statusCode.value()));
            pd.setDetail(text("error.status." + statusCode.value()));
        }
        return new ResponseEntity<>(b, h, r.getStatusCode());
    }

    /** A value the database refused (too long, a character it cannot store): the input's fault, never a 500. */
    @ExceptionHandler({DataIntegrityViolationException.class, InvalidDataAccessApiUsageException.class})
    ResponseEntity<Object> refusedByDatabase(NestedRuntimeException e) {
        LOG.warn(
                "A value reached the database unchecked and was refused: {}",
                e.getMostSpecificCause().getMessage());
        return json(problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", text("error.dataTooLong")));
    }

    /** "/a/0/b" → "a[0].b". */
    static String pointerToField(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String step : pointer.split("/")) {
            if (step.isEmpty()) {
                continue;
            }
            String name = step.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                out.append('[').append(name).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(name);
            }
        }
        return out.toString();
    }

    private static String fieldPath(List<tools.jackson.core.JacksonException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (tools.jackson.core.JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String typeName(Class<?> t) {
        if (Number.class.isAssignableFrom(t) || (t.isPrimitive() && t != boolean.class)) {
            return "number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "boolean";
        }
        if (Temporal.class.isAssignableFrom(t)) {
            return "date";
        }
        if (Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "list";
        }
        if (t == String.class) {
            return "text";
        }
        return "object";
    }

    private String textIn(String language, String key, Object... args) {
        return Objects.requireNonNullElse(messages.getMessage(key, args, key, Locale.forLanguageTag(language)), key);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The parameter's name and what it accepts, in Vietnamese and English (issue 9): ?status=FOO, /systems/abc.
        String name =
                String.valueOf(e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName());
        ParameterProblems.Problem p =
                ParameterProblems.of(name, e.getRequiredType(), messages, LocaleContextHolder.getLocale());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", name);
        error.put("message", p.message());
        error.put(
                "messageVi",
                ParameterProblems.of(name, e.getRequiredType(), messages, Locale.forLanguageTag("vi"))
                        .message());
        error.put(
                "messageEn",
                ParameterProblems.of(name, e.getRequiredType(), messages, Locale.forLanguageTag("en"))
                        .message());
        if (!p.accepted().isEmpty()) {
            error.put("accepted", p.accepted());
        }
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", p.message());
        pd.setProperty("errors", List.of(error));
        return json(pd);
    }

    /** Spring's own checks (type of a path variable, missing parameter …) with the same body shape. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        return handleTypeMismatch(e, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    private static ResponseEntity<Object> json(ProblemDetail pd) {
        return ResponseEntity.status(pd.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
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
        return Objects.requireNonNullElse(messages.getMessage(key, args, key, LocaleContextHolder.getLocale()), key);
    }
}
