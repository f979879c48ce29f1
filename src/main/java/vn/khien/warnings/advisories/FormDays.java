package vn.khien.warnings.advisories;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.jspecify.annotations.Nullable;
import vn.khien.platform.DateRange;

/**
 * A day as the warnings' forms send it: ISO (the page's script turns dd/MM/yyyy into ISO on submit) or dd/MM/yyyy
 * when the script did not run; and the same day said back the way the person reads it.
 */
public final class FormDays {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private FormDays() {}

    /** The day, or null when nothing was typed; throws {@link DateTimeParseException} when it cannot be read. */
    public static @Nullable LocalDate read(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        // the platform's one range of years (1900-2199) for every date a person types
        return DateRange.require(v.contains("/") ? LocalDate.parse(v, DAY) : LocalDate.parse(v), v);
    }

    /** A day sent back into its field: an ISO shape (even of a day that does not exist) as dd/MM/yyyy. */
    public static @Nullable String shown(@Nullable String value) {
        return value == null ? null : value.strip().replaceFirst("^(\\d{4})-(\\d{2})-(\\d{2})$", "$3/$2/$1");
    }
}
