package vn.khien.vulnerabilities.parsing;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Fingerprints that earlier versions of a parser gave the same finding, so an import can move a stored finding to
 * its current key instead of opening a new one and closing the old as fixed.
 *
 * <p>Nessus XML: until V22 the key was tool + plugin + severity, so a plugin whose severity changed between scans
 * became a new finding. It is now tool + plugin (severity only where one report has the plugin at two severities;
 * see NessusParser). The previous keys are tool + plugin + each severity, the finding's own first.
 */
public final class PreviousKeys {

    /**
     * Qualys VM CSV: until issue 9 point 22 one finding per row, i.e. per QID and host, keyed by tool + QID + the
     * host's place (key scheme {@code qualys/place}, as Qualys XML still is); it is now one finding per QID with a
     * location per host ({@code qualys/merged}). V159 gives the findings of the old CSV keying this scheme of their
     * own (those whose first scan was a {@code .csv} file), so they can be told from Qualys XML's.
     */
    public static final String QUALYS_CSV_PER_HOST = "qualys/csv-place";

    private PreviousKeys() {}

    /**
     * The key scheme of findings that an earlier version of this format's parser keyed per place and that the
     * format's merged findings now stand for; null when the format never changed that way.
     */
    public static @Nullable String perPlaceSchemeBefore(@Nullable String format) {
        return "qualys".equals(format) ? QUALYS_CSV_PER_HOST : null;
    }

    /**
     * The keys the earlier per-place keying ({@link #perPlaceSchemeBefore}) gave this merged finding's places: tool +
     * rule + each location's identity, in the finding's location order.
     */
    public static List<String> perPlace(ParsedFinding f) {
        if (!f.mergedKey()) {
            return List.of();
        }
        String rule = ParsedFinding.ruleKey(f.vulnIdFromTool(), f.title());
        List<String> keys = new ArrayList<>();
        for (Location l : f.locations()) {
            String key = ParsedFinding.locationFingerprint(f.toolName(), rule, l.identity());
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    public static List<String> of(@Nullable String format, ParsedFinding f) {
        if (!"nessus".equals(format) || !f.mergedKey()) {
            return List.of();
        }
        String rule = ParsedFinding.ruleKey(f.vulnIdFromTool(), f.title());
        List<String> keys = new ArrayList<>();
        keys.add(
                ParsedFinding.mergedFingerprint(f.toolName(), rule, f.severity().name()));
        for (Severity s : Severity.values()) {
            if (s != f.severity()) {
                keys.add(ParsedFinding.mergedFingerprint(f.toolName(), rule, s.name()));
            }
        }
        keys.remove(f.fingerprint());
        return keys;
    }
}
