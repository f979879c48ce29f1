package vn.khien.compliance.catalogue;

import java.util.Collection;

/**
 * Counts of requirement statuses, the unit every roll-up adds up.
 * Compliance share = met / applicable, where not-applicable requirements are excluded; partly met counts as not met
 * because "fully deployed" is measured, not declared.
 */
public record ComplianceTally(int met, int partlyMet, int planned, int notStarted, int notApplicable) {

    public static final ComplianceTally EMPTY = new ComplianceTally(0, 0, 0, 0, 0);

    public static ComplianceTally of(Collection<RequirementStatus> statuses) {
        ComplianceTally tally = EMPTY;
        for (RequirementStatus status : statuses) {
            tally = tally.plus(status);
        }
        return tally;
    }

    public ComplianceTally plus(RequirementStatus status) {
        switch (status) {
            case MET:
                return new ComplianceTally(met + 1, partlyMet, planned, notStarted, notApplicable);
            case PARTLY_MET:
                return new ComplianceTally(met, partlyMet + 1, planned, notStarted, notApplicable);
            case PLANNED:
                return new ComplianceTally(met, partlyMet, planned + 1, notStarted, notApplicable);
            case NOT_STARTED:
                return new ComplianceTally(met, partlyMet, planned, notStarted + 1, notApplicable);
            case NOT_APPLICABLE:
                return new ComplianceTally(met, partlyMet, planned, notStarted, notApplicable + 1);
            default:
                throw new IllegalArgumentException("Unknown status " + status);
        }
    }

    public ComplianceTally plus(ComplianceTally other) {
        return new ComplianceTally(
                met + other.met,
                partlyMet + other.partlyMet,
                planned + other.planned,
                notStarted + other.notStarted,
                notApplicable + other.notApplicable);
    }

    public int applicable() {
        return met + partlyMet + planned + notStarted;
    }

    public int total() {
        return applicable() + notApplicable;
    }

    public boolean hasApplicable() {
        return applicable() > 0;
    }

    /** Met share of applicable requirements in [0, 1]; 0 when nothing is applicable (see {@link #hasApplicable()}). */
    public double share() {
        return hasApplicable() ? (double) met / applicable() : 0.0;
    }

    /** Share as a whole percentage, rounded half up, for tables and charts. */
    public int percent() {
        return hasApplicable() ? (int) Math.round(100.0 * met / applicable()) : 0;
    }

    /**
     * Every applicable requirement met. An empty plan (nothing applicable) is not "fully deployed": it means the plan
     * was never derived or everything was waved away, which a leader must not read as done.
     */
    public boolean fullyDeployed() {
        return hasApplicable() && met == applicable();
    }
}
