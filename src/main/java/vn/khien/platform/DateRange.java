package vn.khien.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * The years a date typed into Khiên may carry: 1900–2199 (issue 10: due dates {@code +99999-01-01} and
 * {@code 0001-01-01} were accepted). One check for every way a date arrives: JSON bodies ({@link StrictJson}), query
 * and path parameters and form fields bound by Spring ({@link DateRangeConversion}), and the dates that pages and
 * modules parse themselves ({@link #require}). Year 1 or +99999 is a typing error, refused like any bad date.
 */
public final class DateRange {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2199;
    public static final LocalDate MIN = LocalDate.of(MIN_YEAR, 1, 1);
    public static final LocalDate MAX = LocalDate.of(MAX_YEAR, 12, 31);

    /** How a date out of range is described to Jackson, Spring and logs. */
    static final String OUT_OF_RANGE = "out of range " + MIN_YEAR + "-" + MAX_YEAR;

    private DateRange() {}

    /** Whether the value's year (an instant's year in UTC) lies in the range; values without a year are. */
    public static boolean contains(@Nullable Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof Instant i) {
            return !i.isBefore(MIN.atStartOfDay().toInstant(ZoneOffset.UTC))
                    && i.isBefore(MAX.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (value instanceof TemporalAccessor t && t.isSupported(ChronoField.YEAR)) {
            int year = t.get(ChronoField.YEAR);
            return year >= MIN_YEAR && year <= MAX_YEAR;
        }
        return true;
    }

    /**
     * The value itself, or a {@link DateTimeParseException} (the exception every date parser of Khiên already answers
     * as "not a date") when its year is out of range; {@code typed} is the text it was read from.
     */
    public static <T> @Nullable T require(@Nullable T value, @Nullable CharSequence typed) {
        if (!contains(value)) {
            throw new DateTimeParseException(OUT_OF_RANGE, typed == null ? String.valueOf(value) : typed, 0);
        }
        return value;
    }
}
