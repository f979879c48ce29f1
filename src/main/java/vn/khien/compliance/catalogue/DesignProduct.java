package vn.khien.compliance.catalogue;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A product type a design item requires at some levels (WAF, SIEM, PAM, DLP, backup site ≥ 30 km …).
 * {@code conditionVi/En} is null when the product is required for every system of those levels, otherwise it names
 * the systems the circular restricts the product to (e.g. "systems under NĐ 85 Đ9.2").
 */
public record DesignProduct(
        String code,
        String nameVi,
        String nameEn,
        List<Integer> levels,
        @Nullable String conditionVi,
        @Nullable String conditionEn) {

    public DesignProduct {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    public boolean appliesTo(int level) {
        return levels.contains(level);
    }

    public boolean isConditional() {
        return conditionEn != null || conditionVi != null;
    }
}
