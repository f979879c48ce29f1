package vn.khien.incidents.plans;

/** A version of a response plan: being written, approved by the owner (the plan in force), or replaced by a newer one. */
enum ResponsePlanStatus {
    DRAFT,
    APPROVED,
    SUPERSEDED
}
