package vn.khien.platform;

import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A form field that takes a date and received one that cannot be read or lies outside {@link DateRange} (issue 10:
 * {@code 0001-01-01}, {@code 99999-01-01}) is answered under the field, in the page's language, naming the field by
 * its label ({@code system.operatingSince} for the field {@code operatingSince} of a {@code SystemRequest})
 * and saying what it takes — not "Invalid value".
 */
@ControllerAdvice(annotations = Controller.class)
class DateFieldErrors {

    @InitBinder
    void dates(WebDataBinder binder) {
        binder.setBindingErrorProcessor(new DefaultBindingErrorProcessor() {
            @Override
            public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
                Class<?> type = ex instanceof TypeMismatchException t ? t.getRequiredType() : null;
                String field = ex.getPropertyName();
                if (type == null || field == null || !DateRangeConversion.DATES.contains(type)) {
                    super.processPropertyAccessException(ex, result);
                    return;
                }
                String form = result.getObjectName();
                // the label's key: the form class without its suffix (SystemRequest → system.operatingSince)
                Object target = result.getTarget();
                String formType = target == null ? form : target.getClass().getSimpleName();
                String base = Character.toLowerCase(formType.charAt(0))
                        + formType.substring(1).replaceFirst("(Request|Form|Update|Command)$", "");
                String leaf = field.replaceAll(".*[.\\]]", "");
                DefaultMessageSourceResolvable label = new DefaultMessageSourceResolvable(
                        new String[] {form + "." + field, base + "." + leaf, "field." + leaf, "error.form.thisDate"});
                result.addError(new FieldError(
                        form,
                        field,
                        ex.getValue(),
                        true,
                        new String[] {"error.form.date"},
                        new Object[] {label, String.valueOf(DateRange.MIN_YEAR), String.valueOf(DateRange.MAX_YEAR)},
                        "error.form.date"));
            }
        });
    }
}
