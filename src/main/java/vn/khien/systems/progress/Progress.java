package vn.khien.systems.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.khien.systems.dossier.Dossier;

/**
 * Where a subtree stands toward "100% of systems with an approved level".
 *
 * @param perLevel systems per approved level; key 0 counts systems without an approved level
 * @param late     dossiers whose current step (appraisal or approval) is past its legal due day
 */
public record Progress(
        long organizationId,
        String organizationName,
        long total,
        long approved,
        Map<Integer, Long> perLevel,
        Map<String, Long> dossiersByStatus,
        List<Dossier> late,
        List<CampaignRow> campaigns) {

    public int sharePercent() {
        return total == 0 ? 0 : (int) Math.round(approved * 100.0 / total);
    }

    /** One dated target and the subtree's current share, or {@code null} when this module does not measure it. */
    public record CampaignRow(
            String campaignId,
            String campaignTitle,
            String targetId,
            String metric,
            String population,
            int targetPercent,
            LocalDate due,
            String legalRef,
            @Nullable Long counted,
            @Nullable Long met,
            @Nullable Integer currentPercent) {
        /** Whether the target is met, or null when there is nothing to count (no data). */
        public @Nullable Boolean achieved() {
            return currentPercent == null ? null : currentPercent >= targetPercent;
        }
    }
}
