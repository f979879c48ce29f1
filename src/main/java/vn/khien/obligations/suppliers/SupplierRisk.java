package vn.khien.obligations.suppliers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A supplier of one organisation's systems with its risk standing, as the ranked list shows it.
 *
 * @param dutyApplies whether it holds access to a system at R36's minimum level or above
 * @param state       CURRENT, DUE_SOON (within the lead time), EXPIRED (the cycle has run out) or NEVER (never assessed)
 * @param unmet       the duty applies and there is no current assessment (EXPIRED or NEVER): an obligation not met
 * @param dueOn       when the next assessment is due: a cycle after the last one, or, never assessed with the duty
 *                    applying, the day the supplier was recorded; null otherwise
 * @param variants    the other spellings of the name in the register grouped under it (rules/suppliers/legal-forms.yaml)
 * @param taxCode     its tax code (mã số thuế): recorded in the register, or written in its name; null when unknown
 */
record SupplierRisk(
        long organizationId,
        String organizationName,
        String name,
        List<SystemAccess> systems,
        @Nullable Integer maxLevel,
        boolean dutyApplies,
        String state,
        boolean unmet,
        @Nullable LocalDate dueOn,
        @Nullable SupplierAssessment latest,
        List<String> variants,
        @Nullable String taxCode) {

    /** One system the supplier holds access to. */
    public record SystemAccess(
            long systemId,
            String code,
            String name,
            @Nullable Integer level,
            String access,
            @Nullable String details,
            @Nullable LocalDate contractTo) {}

    /** The name and its variants. */
    public List<String> spellings() {
        List<String> all = new ArrayList<>();
        all.add(name);
        all.addAll(variants);
        return all;
    }

    /** Whether {@code spelling} is one of this supplier's spellings (compared by their keys). */
    public boolean spelledAs(String spelling) {
        String key = SupplierNames.RULES.nameKey(spelling);
        return spellings().stream().anyMatch(s -> SupplierNames.RULES.nameKey(s).equals(key));
    }

    /** Open issues of the latest assessment. */
    public int openIssueCount() {
        return latest == null ? 0 : latest.openIssues().size();
    }
}
