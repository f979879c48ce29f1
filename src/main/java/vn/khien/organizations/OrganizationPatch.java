package vn.khien.organizations;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.khien.platform.FieldProblemException;

/** Applies a JSON merge-patch-like map onto the form, then validates the result as a whole. */
final class OrganizationPatch {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    private OrganizationPatch() {}

    static OrganizationForm apply(OrganizationForm f, Map<String, Object> changes) {
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        changes.forEach((field, value) -> {
            try {
                set(f, field, value);
            } catch (IllegalArgumentException | DateTimeParseException | ClassCastException e) {
                problems.add(new FieldProblemException.FieldProblem(field, "validation.invalid"));
            }
        });
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        Set<ConstraintViolation<OrganizationForm>> violations = VALIDATOR.validate(f);
        if (!violations.isEmpty()) {
            throw new FieldProblemException(violations.stream()
                    .map(v -> new FieldProblemException.FieldProblem(
                            v.getPropertyPath().toString(),
                            v.getMessageTemplate().replaceAll("[{}]", "")))
                    .toList());
        }
        return f;
    }

    private static void set(OrganizationForm f, String field, Object v) {
        String s = v == null ? null : v.toString();
        switch (field) {
            case "code" -> f.setCode(s);
            case "name" -> f.setName(s);
            case "nameEn" -> f.setNameEn(s);
            case "kind" -> f.setKind(s == null ? null : OrgKind.valueOf(s));
            case "parentId" -> f.setParentId(v == null ? null : ((Number) v).longValue());
            case "address" -> f.setAddress(s);
            case "contactPerson" -> f.setContactPerson(s);
            case "contactPhone" -> f.setContactPhone(s);
            case "contactEmail" -> f.setContactEmail(s);
            case "contactConfirmedOn" -> f.setContactConfirmedOn(s == null ? null : LocalDate.parse(s));
            case "contactPublic" -> f.setContactPublic(Boolean.TRUE.equals(v));
            case "requireMfa" -> f.setRequireMfa(Boolean.TRUE.equals(v));
            default -> throw new IllegalArgumentException(field);
        }
    }
}
