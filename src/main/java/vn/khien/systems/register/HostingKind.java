package vn.khien.systems.register;

/** Where a system runs; DC/cloud hosting changes the separation requirements (TT 12/2022 Đ9.9–9.10; NĐ 331/2026 Đ30.8–9). */
public enum HostingKind {
    OWN_PREMISES,
    DATA_CENTRE,
    CLOUD,
    OTHER
}
