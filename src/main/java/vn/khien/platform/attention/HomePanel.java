package vn.khien.platform.attention;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A panel the home page shows above everything else (a leader's or supervising body's dashboard): a heading, the
 * link to the full page, and a few lines (a label, a value, whether it falls short of its goal, and a link).
 * Labels are already in the reader's language; {@code titleKey} and {@code linkKey} are message keys.
 */
public record HomePanel(
        String titleKey,
        String heading,
        String link,
        String linkKey,
        @Nullable String note,
        List<Line> lines) {

    public record Line(
            String label,
            String value,
            boolean shortfall,
            @Nullable String link) {}
}
