package vn.khien.obligations.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * R39: at least a minimum share (rule data: 10%) of an IT plan or project goes to security products and services
 * (Chỉ thị 14/CT-TTg; Công điện 33/CĐ-TTg). Exact decimal arithmetic: 10.00% meets the rule, 9.99% does not.
 */
public record BudgetShare(BigDecimal total, BigDecimal security) {

    public BudgetShare {
        if (total.signum() < 0 || security.signum() < 0) {
            throw new IllegalArgumentException("amounts must not be negative");
        }
    }

    /** The share in percent, two decimals (HALF_DOWN so a hair below the threshold never shows as the threshold). */
    public BigDecimal percent() {
        if (total.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return security.multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.DOWN);
    }

    /** Whether security ≥ minimumShare × total; an empty plan (total 0) has nothing to meet. */
    public boolean meets(BigDecimal minimumShare) {
        return security.compareTo(total.multiply(minimumShare)) >= 0;
    }
}
