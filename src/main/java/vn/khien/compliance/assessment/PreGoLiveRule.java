package vn.khien.compliance.assessment;

import java.util.List;
import vn.khien.compliance.catalogue.Confidence;

/**
 * Levels for which a regime requires an assessment before the system goes live, as a duty of its own beside the
 * periodic ones (NĐ 331 Đ28.3: "đánh giá điều kiện an ninh mạng", regulation.md §6.1 and §12 R18).
 */
record PreGoLiveRule(List<Integer> levels, String legalSource, Confidence confidence, String note) {

    public PreGoLiveRule {
        levels = List.copyOf(levels);
    }

    public boolean appliesTo(int level) {
        return levels.contains(level);
    }
}
