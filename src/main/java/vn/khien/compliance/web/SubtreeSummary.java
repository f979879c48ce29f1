package vn.khien.compliance.web;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import vn.khien.compliance.catalogue.ComplianceTally;
import vn.khien.compliance.catalogue.RequirementGroup;

/** Compliance rolled up over the systems owned in an organisation subtree. */
record SubtreeSummary(
        long organizationId,
        String organizationName,
        ComplianceTally tally,
        int percent,
        long fullyDeployed,
        long overdueAssessments,
        Map<RequirementGroup, ComplianceTally> byGroup,
        SortedMap<Integer, ComplianceTally> byLevel,
        List<SystemSummary> systems) {}
