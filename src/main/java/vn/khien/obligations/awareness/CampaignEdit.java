package vn.khien.obligations.awareness;

import java.time.LocalDate;
import java.util.List;

/**
 * A change to a campaign; an absent field stays as it is. Before any round was sent the topic, title, message,
 * audience (with {@code recipients} for a LIST) and schedule ({@code repeatEvery}, {@code startsOn}) may change.
 * After a round was sent only the message of the later rounds and the schedule may: {@code repeatEvery} and
 * {@code nextRoundOn}, the day the next round goes out.
 */
record CampaignEdit(
        String topic,
        String title,
        String message,
        String audience,
        List<CampaignRequest.Recipient> recipients,
        String repeatEvery,
        LocalDate startsOn,
        LocalDate nextRoundOn) {}
