package vn.khien.vulnerabilities.parsing;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Normalised severity of a finding, independent of the scanner's own vocabulary. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFO;

    /**
     * Maps a scanner word ("High", "informational", "None", "Log" ...) to a level.
     * Returns {@code null} when the word is none of the five levels so each parser can apply
     * its own fallback (some formats fall back to Info, Nuclei to Low).
     */
    public static @Nullable Severity fromWord(@Nullable String word) {
        if (word == null) {
            return null;
        }
        switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "critical":
                return CRITICAL;
            case "high":
                return HIGH;
            case "medium":
            case "moderate":
                return MEDIUM;
            case "low":
                return LOW;
            case "info":
            case "informational":
            case "information":
                return INFO;
            default:
                return null;
        }
    }

    public static Severity fromWordOr(@Nullable String word, Severity fallback) {
        Severity s = fromWord(word);
        return s == null ? fallback : s;
    }

    /** The common CVSS v3 qualitative scale (9 / 7 / 4 / >0). */
    public static Severity fromCvssScore(double score) {
        if (score >= 9.0) return CRITICAL;
        if (score >= 7.0) return HIGH;
        if (score >= 4.0) return MEDIUM;
        if (score > 0.0) return LOW;
        return INFO;
    }

    /** Display form used in reports and the manifest ("Critical", "Info"...). */
    public String label() {
        String n = name();
        return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }
}
