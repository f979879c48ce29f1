package vn.khien.obligations.awareness;

import java.time.LocalDate;
import java.util.List;

/**
 * A campaign: topic (an id of {@code rules/awareness/topics.yaml}), Vietnamese title and message, the audience
 * (ORGANIZATION: the organisation's people; SUBTREE: its whole subtree; LIST: the {@code recipients} given), how
 * often a new round goes out (ONCE, MONTHLY, QUARTERLY) and from which day (today when absent). {@code
 * includeSubtree} is the first API's way of saying SUBTREE and is still understood when {@code audience} is absent.
 */
record CampaignRequest(
        Long organizationId,
        String topic,
        String title,
        String message,
        Boolean includeSubtree,
        String repeatEvery,
        String audience,
        List<Recipient> recipients,
        LocalDate startsOn) {

    record Recipient(String email, String name) {}

    CampaignRequest(
            Long organizationId,
            String topic,
            String title,
            String message,
            Boolean includeSubtree,
            String repeatEvery) {
        this(organizationId, topic, title, message, includeSubtree, repeatEvery, null, null, null);
    }

    String audienceOrDefault() {
        if (audience != null && !audience.isBlank()) {
            return audience;
        }
        return Boolean.TRUE.equals(includeSubtree) ? "SUBTREE" : "ORGANIZATION";
    }
}
