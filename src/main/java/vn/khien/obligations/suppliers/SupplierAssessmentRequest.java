package vn.khien.obligations.suppliers;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * A new assessment of a supplier, as the API and the form send it.
 *
 * @param supplier   the supplier's name as written in the register (case and surrounding spaces ignored)
 * @param assessedOn yyyy-MM-dd, not in the future
 * @param riskRating LOW, MEDIUM, HIGH or CRITICAL
 * @param openIssues the open issues, one per line
 *     <p>Serializable: the form keeps it in the (database-backed) session as a flash attribute after a problem.
 */
record SupplierAssessmentRequest(
        @Nullable String supplier,
        @Nullable String assessedOn,
        @Nullable String riskRating,
        @Nullable String dataProcessed,
        @Nullable Boolean securityClause,
        @Nullable String securityClauseRef,
        @Nullable Boolean incidentClause,
        @Nullable String incidentClauseRef,
        @Nullable String openIssues)
        implements Serializable {}
