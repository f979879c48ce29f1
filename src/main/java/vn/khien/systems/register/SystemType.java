package vn.khien.systems.register;

/** Business function of a system (NĐ 85/2016 Đ6.2; NĐ 331/2026 Đ9.2). */
public enum SystemType {
    INTERNAL, PUBLIC_SERVICE, INFRASTRUCTURE, INDUSTRIAL_CONTROL, OTHER
}
