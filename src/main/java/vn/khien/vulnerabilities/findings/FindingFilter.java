package vn.khien.vulnerabilities.findings;

import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.Constructor;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.khien.vulnerabilities.parsing.Severity;

/**
 * The filters and paging of a findings list as the query string gives them, bound once (one record, a
 * {@code @ModelAttribute}) for the API and the pages: status, severity, cve (exact identifier), host (substring),
 * overdue, page (offset, when no cursor is given), size (the API's; pages show a fixed number), after and before
 * (keyset cursors, see {@link FindingQuery.Cursor}). Absent means "any"; overdue false, page 0, size 50.
 */
@ParameterObject
record FindingFilter(
        @Nullable FindingStatus status,
        @Nullable Severity severity,
        @Nullable String cve,
        @Nullable String host,
        @Schema(defaultValue = "false") @Nullable Boolean overdue,
        @Schema(defaultValue = "0") @Nullable Integer page,
        @Schema(defaultValue = "50") @Nullable Integer size,
        @Nullable String after,
        @Nullable String before) {

    static final int DEFAULT_SIZE = 50;

    /** The query over one system, or an organisation's subtree, or (both null) all the caller may see. */
    FindingQuery query(@Nullable Long systemId, @Nullable Long organizationId, int pageSize) {
        return new FindingQuery(
                systemId,
                organizationId,
                status,
                severity,
                cve,
                host,
                overdue != null && overdue,
                page == null ? 0 : page,
                pageSize,
                FindingQuery.Cursor.parse(after),
                FindingQuery.Cursor.parse("before", before));
    }

    /** The query with the page size the client asked for (the API). */
    FindingQuery query(@Nullable Long systemId, @Nullable Long organizationId) {
        return query(systemId, organizationId, size == null ? DEFAULT_SIZE : size);
    }

    /**
     * A query-string value of the wrong type ({@code ?status=FOO}, {@code ?page=x}) answers as it did when each filter
     * was its own request parameter: the parameter's name and what it accepts (a 400 problem in the API, the "wrong
     * parameter" page for pages), not a form validation error.
     */
    static void refuseMismatches(BindingResult binding) {
        for (FieldError error : binding.getFieldErrors()) {
            if (error.contains(TypeMismatchException.class)) {
                TypeMismatchException e = error.unwrap(TypeMismatchException.class);
                throw new MethodArgumentTypeMismatchException(
                        e.getValue(), e.getRequiredType(), error.getField(), parameter(error.getField()), e);
            }
        }
        if (binding.hasErrors()) {
            throw new IllegalStateException("unexpected binding problem: " + binding);
        }
    }

    private static MethodParameter parameter(String name) {
        Constructor<?> canonical = FindingFilter.class.getDeclaredConstructors()[0];
        var components = FindingFilter.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return new MethodParameter(canonical, i);
            }
        }
        throw new IllegalArgumentException(name);
    }
}
