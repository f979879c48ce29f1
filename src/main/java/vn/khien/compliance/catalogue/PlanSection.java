package vn.khien.compliance.catalogue;

/** The seven parts of a level security plan (NĐ 85 Đ19; regulation.md §3.7), used to lay out the plan document. */
enum PlanSection {
    DESIGN_BUILD,
    OPERATION,
    INSPECTION,
    RISK,
    MONITORING,
    CONTINGENCY,
    END_OF_LIFE
}
