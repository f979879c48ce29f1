package vn.khien.systems.register;

import org.springframework.modulith.NamedInterface;

/** Where a system stands in its life; "under investment" matters for the transition rules of NĐ 331/2026 Đ39.1. */
@NamedInterface("register")
public enum LifecycleStatus {
    PLANNED,
    UNDER_INVESTMENT,
    OPERATING,
    RETIRED
}
