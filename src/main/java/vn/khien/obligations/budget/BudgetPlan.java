package vn.khien.obligations.budget;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import vn.khien.obligations.catalogue.BudgetShare;
import vn.khien.platform.FieldProblemException;

/**
 * One IT plan or project of an organisation's budget (the annual plan is the set of a year's rows). Its workflow:
 * DRAFT (recorded by hand or imported, editable) → APPROVED (adopted by the unit's leader, no longer editable).
 * Each step checks the current status and returns the new state.
 */
public record BudgetPlan(
        long id,
        long organizationId,
        int year,
        String kind,
        String name,
        BigDecimal total,
        BigDecimal security,
        @Nullable String fundingSource,
        @Nullable String linkedSystems,
        String status) {

    public static final String DRAFT = "DRAFT";
    public static final String APPROVED = "APPROVED";

    public BudgetShare share() {
        return new BudgetShare(total, security);
    }

    public boolean editable() {
        return DRAFT.equals(status);
    }

    /** The leader adopts the plan: only a draft can be approved. */
    public BudgetPlan approve() {
        if (!DRAFT.equals(status)) {
            throw new FieldProblemException("status", "budget.error.notDraft");
        }
        return new BudgetPlan(
                id, organizationId, year, kind, name, total, security, fundingSource, linkedSystems, APPROVED);
    }

    /** New figures for a draft; an approved plan is not edited (a new plan is recorded instead). */
    public BudgetPlan edit(BudgetPlanRequest r) {
        if (!editable()) {
            throw new FieldProblemException("status", "budget.error.notDraft");
        }
        return new BudgetPlan(
                id,
                organizationId,
                r.year(),
                r.kind(),
                r.name().strip(),
                r.totalAmount(),
                r.securityAmount(),
                blankToNull(r.fundingSource()),
                blankToNull(r.linkedSystems()),
                status);
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
