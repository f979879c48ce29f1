package vn.khien.compliance.web;

import java.util.List;
import vn.khien.compliance.catalogue.DesignProduct;
import vn.khien.compliance.catalogue.Requirement;
import vn.khien.compliance.evidence.Evidence;
import vn.khien.compliance.plan.PlanItem;

/**
 * One requirement of a plan with the system's answer, its active evidence, the design products its level requires,
 * and the evidence withdrawn earlier (superseded or deleted), kept as history.
 */
record PlanLine(
        Requirement requirement,
        PlanItem item,
        List<Evidence> evidence,
        List<DesignProduct> products,
        List<Evidence> withdrawnEvidence) {

    public static String title(Requirement r) {
        return r.title();
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
