package vn.khien.platform;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one reader and writer of a day typed into a form or a query string (issue 9 point 14, ADR 0079): dd/MM/yyyy
 * whatever the browser's locale ({@code 7/12/2026}, {@code 07.12.2026} and {@code 07-12-2026} too), or ISO
 * {@code yyyy-MM-dd} for old bookmarks and API-like clients; the year within {@link DateRange}. Spring binding reads
 * through it ({@link DateRangeConversion}), and so do the pages that read a day themselves. The JSON API stays ISO.
 */
public final class FormDates {

    /** What a date field's {@code pattern} attribute accepts (the same two shapes). */
    public static final String PATTERN = "[0-9]{1,2}[/.\\-][0-9]{1,2}[/.\\-][0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}";

    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final DateTimeFormatter STRICT_DAY =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private FormDates() {}

    /** Whether the text has the shape of a day typed day first ({@code dd/MM/yyyy}). */
    public static boolean dayFirst(@Nullable String typed) {
        return typed != null && DAY_FIRST.matcher(typed.strip()).matches();
    }

    /**
     * The day typed, or null when nothing was typed; a {@link DateTimeParseException} (every page's "not a date")
     * when it is neither dd/MM/yyyy nor ISO, does not exist (31/02/2026) or lies outside {@link DateRange}.
     */
    public static @Nullable LocalDate read(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String v = typed.strip();
        Matcher m = DAY_FIRST.matcher(v);
        LocalDate day = m.matches()
                ? LocalDate.parse(m.group(1) + "/" + m.group(2) + "/" + m.group(3), STRICT_DAY)
                : ISO.matcher(v).matches() ? LocalDate.parse(v) : null;
        if (day == null) {
            throw new DateTimeParseException("not dd/MM/yyyy", v, 0);
        }
        return DateRange.require(day, v);
    }

    /** The day, or null when nothing was typed or it cannot be read (filters that ignore a bad day). */
    public static @Nullable LocalDate readOrNull(@Nullable String typed) {
        try {
            return read(typed);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * What a date field shows: a day as dd/MM/yyyy; text that was typed and refused as typed, an ISO shape (even of a
     * day that does not exist) turned day first; nothing as the empty text.
     */
    public static String shown(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDate d) {
            return DateDisplay.DATE.format(d);
        }
        String v = value.toString().strip();
        Matcher iso = ISO.matcher(v);
        return iso.matches() ? iso.group(3) + "/" + iso.group(2) + "/" + iso.group(1) : v;
    }
}
