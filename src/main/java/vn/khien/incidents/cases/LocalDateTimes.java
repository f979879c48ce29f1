package vn.khien.incidents.cases;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import vn.khien.platform.DateRange;

/**
 * Date-times typed into the incident forms. The forms show a text field in the Vietnamese layout
 * {@code dd/MM/yyyy HH:mm} (a browser's {@code datetime-local} input follows the browser's locale, e.g. mm/dd/yyyy in
 * an English Chromium); the ISO form {@code yyyy-MM-ddTHH:mm} is still accepted from scripts.
 */
final class LocalDateTimes {

    public static final String PATTERN = "dd/MM/uuuu HH:mm";
    static final DateTimeFormatter VIETNAMESE =
            DateTimeFormatter.ofPattern(PATTERN).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter VIETNAMESE_SHORT_HOUR =
            DateTimeFormatter.ofPattern("d/M/uuuu H:mm").withResolverStyle(ResolverStyle.STRICT);

    private LocalDateTimes() {}

    /** The value as typed, or null when blank; {@link DateTimeParseException} when it is neither layout. */
    public static LocalDateTime parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().replaceAll("\\s+", " ");
        LocalDateTime parsed;
        try {
            parsed = LocalDateTime.parse(v, VIETNAMESE_SHORT_HOUR);
        } catch (DateTimeParseException notVietnamese) {
            parsed = LocalDateTime.parse(v);
        }
        // the platform's date range: year 1 or +99999 is a typing error, refused like any bad date
        return DateRange.require(parsed, v);
    }

    public static String format(LocalDateTime value) {
        return value == null ? "" : VIETNAMESE.format(value);
    }
}
