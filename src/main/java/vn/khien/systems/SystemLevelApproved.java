package vn.khien.systems;

import java.time.LocalDate;

/**
 * Published (in the approving transaction) when a level dossier is approved; other modules derive the
 * security plan from it. {@code regime} is the rule-data regime id, e.g. "nd85-2016" or "nd331-2026".
 */
public record SystemLevelApproved(
        long systemId, long ownerOrganizationId, int level, String regime, LocalDate approvedOn) {}
