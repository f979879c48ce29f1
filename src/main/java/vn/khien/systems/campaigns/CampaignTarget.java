package vn.khien.systems.campaigns;

import java.time.LocalDate;

/**
 * A dated target, e.g. "100% of operating systems have an approved level by 30/09/2024".
 *
 * @param population   which systems count (see campaigns.yaml header); interpreted by the register
 * @param monthOnly    the source names only a month; {@code due} is its last day
 * @param legalRef     the target's own citation, or the campaign's legal source
 */
public record CampaignTarget(
        String id,
        CampaignMetric metric,
        String population,
        int sharePercent,
        LocalDate due,
        boolean monthOnly,
        String legalRef) {}
