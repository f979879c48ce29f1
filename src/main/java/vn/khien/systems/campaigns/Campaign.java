package vn.khien.systems.campaigns;

import java.util.List;
import vn.khien.systems.rules.Confidence;

/** A directive or transitional provision with dated targets. */
public record Campaign(
        String id,
        String titleVi,
        String titleEn,
        String legalSource,
        Confidence confidence,
        List<CampaignTarget> targets) {

    public Campaign {
        targets = List.copyOf(targets);
    }
}
