package vn.khien.compliance.assessment;

/** Why an assessment was made (TT 12 Đ11; NĐ 331 Đ28.5.a). */
public enum AssessmentKind {
    BEFORE_GO_LIVE,
    PERIODIC,
    AD_HOC
}
