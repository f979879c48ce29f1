/**
 * Evidence for the items of a system's security plan: files (stored as BYTEA, 10 MB at most) or links with a validity
 * date ({@link vn.khien.compliance.evidence.EvidenceService}), and their withdrawal without losing the record
 * ({@link vn.khien.compliance.evidence.EvidenceWithdrawals}); table {@code plan_evidence}.
 */
@NullMarked
package vn.khien.compliance.evidence;

import org.jspecify.annotations.NullMarked;
