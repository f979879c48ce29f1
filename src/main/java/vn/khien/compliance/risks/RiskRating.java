package vn.khien.compliance.risks;

/** Risk rating of a system from its latest cyber-risk assessment (NĐ 331 Đ10); drives new-regime intervals. */
public enum RiskRating {
    LOW,
    MEDIUM,
    HIGH
}
