package vn.khien.platform;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A query or path parameter of the wrong type or outside its list (issue 9: {@code ?status=FOO}, {@code /systems/abc})
 * said in words: the parameter's name and the values it accepts (an enum's codes) or the kind of value it needs. Used
 * by the API's problem+json and by the pages' error page, so both say the same thing.
 */
final class ParameterProblems {

    private ParameterProblems() {}

    /** One refused parameter: its name, the accepted codes (empty unless a list), and the words for a person. */
    record Problem(String name, List<String> accepted, String message) {}

    static Problem of(MethodArgumentTypeMismatchException e, MessageSource messages, Locale locale) {
        // A date parameter with its own pattern (the pages take dd/MM/yyyy) is described by that pattern.
        DateTimeFormat format = e.getParameter().getParameterAnnotation(DateTimeFormat.class);
        if (format != null && !format.pattern().isEmpty()) {
            String kind = messages.getMessage("error.type.datePattern", new Object[] {format.pattern()}, locale);
            return new Problem(
                    e.getName(),
                    List.of(),
                    messages.getMessage("error.param.wrongType", new Object[] {e.getName(), kind}, locale));
        }
        return of(e.getName(), e.getRequiredType(), messages, locale);
    }

    static Problem of(String name, @Nullable Class<?> type, MessageSource messages, Locale locale) {
        if (type != null && type.isEnum()) {
            List<String> accepted =
                    Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
            return new Problem(
                    name,
                    accepted,
                    messages.getMessage(
                            "error.param.notOneOf", new Object[] {name, String.join(", ", accepted)}, locale));
        }
        String kind = messages.getMessage("error.type." + typeName(type), null, locale);
        return new Problem(
                name, List.of(), messages.getMessage("error.param.wrongType", new Object[] {name, kind}, locale));
    }

    /** The problems of a binding that failed on types (a search form bound from the query), in field order. */
    static List<Problem> of(BindException e, MessageSource messages, Locale locale) {
        return e.getFieldErrors().stream().map(fe -> of(fe, messages, locale)).collect(Collectors.toList());
    }

    private static Problem of(FieldError fe, MessageSource messages, Locale locale) {
        if (fe.contains(TypeMismatchException.class)) {
            return of(fe.getField(), fe.unwrap(TypeMismatchException.class).getRequiredType(), messages, locale);
        }
        return new Problem(fe.getField(), List.of(), messages.getMessage(fe, locale));
    }

    static String typeName(@Nullable Class<?> t) {
        if (t == null) {
            return "unknown";
        }
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
}
