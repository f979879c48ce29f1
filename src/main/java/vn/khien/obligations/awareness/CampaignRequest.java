package vn.khien.obligations.awareness;

/**
 * A campaign: topic (RANSOMWARE, PHISHING, PASSWORDS, OTHER), Vietnamese title and message, the audience (the
 * organisation's people, or its whole subtree) and how often a new round goes out (ONCE, MONTHLY, QUARTERLY).
 */
record CampaignRequest(
        Long organizationId, String topic, String title, String message, Boolean includeSubtree, String repeatEvery) {}
