package vn.khien.obligations.budget;

import java.math.BigDecimal;

/**
 * An IT plan or project: kind ANNUAL (yearly IT plan), FIVE_YEAR (five-year plan, filed under its first year) or
 * PROJECT; amounts in VND.
 */
record BudgetPlanRequest(Integer year, String kind, String name, BigDecimal totalAmount,
                                BigDecimal securityAmount, String fundingSource) { }
