package vn.khien.systems.classification;

import vn.khien.systems.rules.Confidence;

/**
 * One legal criterion of a security level.
 *
 * @param legalRef    article (and clause where known) the criterion comes from, e.g. "NĐ 85/2016 Đ9(b)"
 * @param clauseKnown false when the source names only the article, so the UI can say so
 */
public record Criterion(
        String id,
        int level,
        String legalRef,
        boolean clauseKnown,
        Confidence confidence,
        String descriptionVi,
        String descriptionEn,
        Condition condition) {

    public boolean isMetBy(Answers answers) {
        return condition.isMetBy(answers);
    }
}
