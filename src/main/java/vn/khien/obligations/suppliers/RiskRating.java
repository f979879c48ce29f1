package vn.khien.obligations.suppliers;

/** The result of a supplier's risk assessment, least severe first (the ranking reads the ordinal). */
enum RiskRating {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
