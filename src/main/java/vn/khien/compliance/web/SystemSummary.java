package vn.khien.compliance.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.khien.compliance.assessment.AssessmentSchedulePoint;
import vn.khien.compliance.catalogue.ComplianceTally;
import vn.khien.compliance.catalogue.RequirementGroup;

/**
 * Compliance of one system: share, "fully deployed" computed from its plan, per group, and its assessment schedule;
 * {@code flaggedEvidence} counts evidence of its plan that is expired or expiring.
 */
record SystemSummary(
        long systemId,
        String code,
        String name,
        long ownerOrganizationId,
        String ownerName,
        @Nullable Integer level,
        @Nullable String regime,
        ComplianceTally tally,
        int percent,
        boolean fullyDeployed,
        Map<RequirementGroup, ComplianceTally> byGroup,
        @Nullable AssessmentSchedulePoint assessment,
        boolean regulationMissing,
        long flaggedEvidence) {}
