package vn.khien.warnings.vex;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One statement of a VEX document, whatever its format: a vulnerability (its id and aliases), the products it speaks
 * of, a status and, for {@code NOT_AFFECTED}, a justification as a CSAF 2.0 flag label. {@code field} is where the
 * statement sits in the document (e.g. {@code statements[2]}), so an error names it.
 */
public record VexStatement(
        String field,
        Set<String> vulnerabilities,
        List<Product> products,
        Status status,
        @Nullable String justification,
        @Nullable String detail) {

    public enum Status {
        NOT_AFFECTED,
        AFFECTED,
        FIXED,
        UNDER_INVESTIGATION
    }

    /**
     * A product as the document identifies it: a package URL, a CPE name and/or an id or name (which Khiên compares
     * with a system's code).
     */
    public record Product(
            String field,
            @Nullable String id,
            @Nullable String name,
            @Nullable String purl,
            @Nullable String cpe) {

        public String label() {
            return purl != null
                    ? purl
                    : cpe != null ? cpe : name != null ? name : Objects.requireNonNullElse(id, field);
        }
    }
}
