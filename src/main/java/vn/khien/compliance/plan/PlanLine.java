package vn.khien.compliance.plan;

import java.util.List;
import vn.khien.compliance.catalogue.DesignProduct;
import vn.khien.compliance.catalogue.Requirement;
import vn.khien.compliance.evidence.Evidence;

/**
 * One requirement of a plan with the system's answer, its active evidence, the design products its level requires,
 * and the evidence withdrawn earlier (superseded or deleted), kept as history.
 */
public record PlanLine(
        Requirement requirement,
        PlanItem item,
        List<Evidence> evidence,
        List<DesignProduct> products,
        List<Evidence> withdrawnEvidence) {

    /** Internal policies may have no heading: their text is the title then. */
    public static String title(Requirement r) {
        return r.titleVi() != null ? r.titleVi() : r.textVi();
    }

    public String titleFor(String language) {
        Requirement r = requirement;
        if ("en".equals(language)) {
            return r.titleEn() != null ? r.titleEn() : r.textEn() != null ? r.textEn() : title(r);
        }
        return title(r);
    }

    public boolean evidenceFlagged() {
        return evidence.stream().anyMatch(Evidence::flagged);
    }
}
