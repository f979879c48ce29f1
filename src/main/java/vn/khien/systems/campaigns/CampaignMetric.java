package vn.khien.systems.campaigns;

/** What a campaign target counts. */
public enum CampaignMetric {
    DOSSIER_PREPARED,
    LEVEL_APPROVED,
    PLAN_DEPLOYED,
    REVIEW_REPORTED,
    NEW_MEASURES_MET
}
