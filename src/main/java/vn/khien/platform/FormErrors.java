package vn.khien.platform;

import org.springframework.validation.BindingResult;

/** Puts business-rule problems on the form fields they concern, next to bean-validation errors. */
public final class FormErrors {
    private FormErrors() {}

    public static void bind(FieldProblemException e, BindingResult result) {
        for (FieldProblemException.FieldProblem p : e.problems()) {
            String field = p.field().replaceAll("\\[\\d+]\\..*", "");
            if (result.getModel().containsKey(result.getObjectName()) && hasField(result, field)) {
                result.rejectValue(field, p.messageKey(), p.args(), p.messageKey());
            } else {
                result.reject(p.messageKey(), p.args(), p.messageKey());
            }
        }
    }

    private static boolean hasField(BindingResult result, String field) {
        try {
            result.getFieldType(field);
            return result.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
