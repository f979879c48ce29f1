package vn.khien.obligations.budget;

import java.math.BigDecimal;

/**
 * An IT plan or project: kind ANNUAL (yearly IT plan), FIVE_YEAR (five-year plan, filed under its first year) or
 * PROJECT; amounts in VND; linkedSystems: the codes or names of the information systems it funds (free text).
 */
public record BudgetPlanRequest(
        Integer year,
        String kind,
        String name,
        BigDecimal totalAmount,
        BigDecimal securityAmount,
        String fundingSource,
        String linkedSystems) {}
