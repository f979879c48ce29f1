package vn.khien.obligations.suppliers;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One recorded risk assessment of a supplier of an organisation's systems (R36).
 *
 * @param accessSummary the systems and access the supplier held when it was assessed, as the register said then
 * @param openIssues    the issues still open after the assessment, one per line
 * @param nextDueOn     the day the next assessment is due (assessedOn + the rule data's cycle)
 * @param taxCode       the supplier's tax code when the assessment was recorded, if it had one
 */
record SupplierAssessment(
        long id,
        long organizationId,
        String supplier,
        LocalDate assessedOn,
        String riskRating,
        @Nullable String dataProcessed,
        boolean securityClause,
        @Nullable String securityClauseRef,
        boolean incidentClause,
        @Nullable String incidentClauseRef,
        List<String> openIssues,
        String accessSummary,
        LocalDate nextDueOn,
        @Nullable String taxCode) {}
