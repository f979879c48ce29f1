package vn.khien.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Templates format dates as ${@dates.date(x)}: dd/MM/yyyy in Asia/Ho_Chi_Minh, whatever the locale. */
@Component("dates")
public class DateDisplay {
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    public static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(PlatformConfiguration.ZONE);

    public String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    public String date(Instant i) {
        return i == null ? "" : DATE.format(i.atZone(PlatformConfiguration.ZONE));
    }

    /** What a date field shows: a day or an ISO text as dd/MM/yyyy, text refused as typed ({@link FormDates}). */
    public String field(@Nullable Object value) {
        return FormDates.shown(value);
    }

    /** A date field's {@code pattern} attribute: dd/MM/yyyy, or ISO ({@link FormDates#PATTERN}). */
    public String getPattern() {
        return FormDates.PATTERN;
    }

    public String dateTime(Instant i) {
        return i == null ? "" : DATE_TIME.format(i);
    }
}
