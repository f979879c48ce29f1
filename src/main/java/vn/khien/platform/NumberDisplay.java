package vn.khien.platform;

import java.text.NumberFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Templates format counts as ${@numbers.count(x)}: thousands separated the reader's way (280.000 in Vietnamese,
 * 280,000 in English); null reads as empty. Percentages as ${@numbers.percent(part, whole)}: "no data" when the whole
 * is zero, never a 100% of nothing.
 */
@Component("numbers")
class NumberDisplay {
    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    public String count(Object n) {
        if (n == null) {
            return "";
        }
        if (!(n instanceof Number number)) {
            return n.toString();
        }
        return NumberFormat.getIntegerInstance(locale()).format(number.longValue());
    }

    /** The share rounded to a whole percent, or null when there is nothing to divide by. */
    public @Nullable Long percentOrNull(long part, long whole) {
        return whole <= 0 ? null : Math.round(100.0 * part / whole);
    }

    private static Locale locale() {
        Locale l = LocaleContextHolder.getLocale();
        return "en".equals(l.getLanguage()) ? Locale.UK : VI;
    }
}
