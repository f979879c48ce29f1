package vn.khien.compliance.plan;

import java.util.List;
import vn.khien.compliance.catalogue.DesignProduct;
import vn.khien.compliance.catalogue.Requirement;

/** One requirement of a plan with the system's answer, its evidence and the design products its level requires. */
public record PlanLine(Requirement requirement, PlanItem item, List<Evidence> evidence, List<DesignProduct> products) {

    public boolean evidenceFlagged() {
        return evidence.stream().anyMatch(Evidence::flagged);
    }
}
