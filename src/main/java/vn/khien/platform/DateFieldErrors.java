package vn.khien.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Controller;
import org.springframework.validation.DataBinder;
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
        binder.setBindingErrorProcessor(new Labelled(binder));
    }

    /**
     * Spring's processor with the field's label and the years as the message's arguments. The form's type is read
     * when an error is met, not when the binder is made: a {@code @ModelAttribute} binder is initialised before its
     * target is constructed, so the target is still null then and every label fell back to "this field".
     */
    static final class Labelled extends DefaultBindingErrorProcessor {
        private final DataBinder binder;

        Labelled(DataBinder binder) {
            this.binder = binder;
        }

        /** {@code system} for a {@code SystemRequest}: the prefix of the form's labels. */
        static String base(@Nullable Class<?> type) {
            String name = type == null ? "" : type.getSimpleName();
            return name.isEmpty()
                    ? ""
                    : Character.toLowerCase(name.charAt(0))
                            + name.substring(1).replaceFirst("(Request|Form|Update|Command)$", "");
        }

        @Override
        protected Object[] getArgumentsForBindError(String objectName, String field) {
            Object target = binder.getTarget();
            ResolvableType type = binder.getTargetType();
            String base = base(target != null ? target.getClass() : type == null ? null : type.resolve());
            String leaf = field.replaceAll(".*[.\\]]", "");
            DefaultMessageSourceResolvable label = new DefaultMessageSourceResolvable(
                    new String[] {objectName + "." + field, base + "." + leaf, "field." + leaf, "error.form.thisField"
                    });
            return new Object[] {label, String.valueOf(DateRange.MIN_YEAR), String.valueOf(DateRange.MAX_YEAR)};
        }
    }
}
