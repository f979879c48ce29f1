package vn.khien.platform;

import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Pages answer like the API: unknown and out-of-scope alike show "not found". */
@ControllerAdvice(annotations = Controller.class)
class WebErrorPages {

    private final MessageSource messages;

    WebErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    /**
     * A query or path parameter of the wrong type or outside its list ({@code ?status=FOO}, {@code /systems/abc}):
     * a page saying which parameter and what it accepts, in the person's language (issue 9), not a bare 400.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String wrongParameter(MethodArgumentTypeMismatchException e, Model model) {
        model.addAttribute(
                "parameterProblems",
                shown(List.of(ParameterProblems.of(e, messages, LocaleContextHolder.getLocale()))));
        return "error/400";
    }

    /** The same for a search form bound from the query string ({@code @ModelAttribute} without a BindingResult). */
    @ExceptionHandler(BindException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String wrongParameters(BindException e, Model model) {
        model.addAttribute(
                "parameterProblems", shown(ParameterProblems.of(e, messages, LocaleContextHolder.getLocale())));
        return "error/400";
    }

    @ExceptionHandler(ForbiddenActionException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "error/403";
    }

    /** As the template reads them (the record itself is not public). */
    private static List<Map<String, String>> shown(List<ParameterProblems.Problem> problems) {
        return problems.stream()
                .map(p -> Map.of("name", p.name(), "message", p.message()))
                .toList();
    }
}
