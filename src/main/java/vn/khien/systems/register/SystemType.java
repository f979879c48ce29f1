package vn.khien.systems.register;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Business function of a system (NĐ 85/2016 Đ6.2; NĐ 331/2026 Đ9.2), with the same codes as the classification
 * rule data's {@code system_type} question (regulation.md §13), so the register and the classification speak one
 * vocabulary. The codes used before (PUBLIC_SERVICE, INDUSTRIAL_CONTROL) are still read from API clients and
 * import files.
 */
public enum SystemType {
    INTERNAL,
    CITIZEN_BUSINESS,
    INFRASTRUCTURE,
    ICS,
    OTHER;

    /** Codes of earlier versions, still accepted on input. */
    public static final Map<String, SystemType> FORMER_CODES =
            Map.of("PUBLIC_SERVICE", CITIZEN_BUSINESS, "INDUSTRIAL_CONTROL", ICS);

    /** The type for a code, current or former (case-insensitive). */
    @JsonCreator
    public static @Nullable SystemType fromCode(@Nullable String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        SystemType former = FORMER_CODES.get(c);
        return former != null ? former : valueOf(c);
    }
}
