package vn.khien.systems.register;

/** Kinds of information by confidentiality (NĐ 85/2016 Đ6.1; NĐ 331/2026 Đ9; regulation.md §13). */
public enum InformationKind {
    PUBLIC,
    PRIVATE,
    PERSONAL,
    SENSITIVE_PERSONAL,
    STATE_SECRET
}
