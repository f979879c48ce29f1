package vn.khien.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A form field that takes a date and received one that cannot be read or lies outside {@link DateRange} (issue 10:
 * {@code 0001-01-01}, {@code 99999-01-01}) is answered under the field with Spring's own type-mismatch error, whose
 * words ({@code typeMismatch.java.time.LocalDate} …) name the field by its label ({@code system.operatingSince} for
 * the field {@code operatingSince} of a {@code SystemRequest}) and say what it takes — not "Invalid value".
 */
@ControllerAdvice(annotations = Controller.class)
class DateFieldErrors {

    @InitBinder
    void dates(WebDataBinder binder) {
        binder.setBindingErrorProcessor(new Labelled(binder.getTarget()));
    }

    /** Spring's processor with the field's label and the years as the message's arguments. */
    static final class Labelled extends DefaultBindingErrorProcessor {
        private final String base;

        Labelled(@Nullable Object target) {
            String type = target == null ? "" : target.getClass().getSimpleName();
            this.base = type.isEmpty()
                    ? ""
                    : Character.toLowerCase(type.charAt(0))
                            + type.substring(1).replaceFirst("(Request|Form|Update|Command)$", "");
        }

        @Override
        protected Object[] getArgumentsForBindError(String objectName, String field) {
            String leaf = field.replaceAll(".*[.\\]]", "");
            DefaultMessageSourceResolvable label = new DefaultMessageSourceResolvable(
                    new String[] {objectName + "." + field, base + "." + leaf, "field." + leaf, "error.form.thisField"
                    });
            return new Object[] {label, String.valueOf(DateRange.MIN_YEAR), String.valueOf(DateRange.MAX_YEAR)};
        }
    }
}
