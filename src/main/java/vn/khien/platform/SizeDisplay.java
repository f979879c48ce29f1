package vn.khien.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Templates show a file's size as ${@sizes.bytes(n)}: in the unit that keeps the figure readable (byte, KB, MB, GB;
 * 1 KB = 1,024 bytes), one decimal at most, written the way the reader's language writes numbers ("1,2 MB" in
 * Vietnamese, "1.2 MB" in English).
 */
@Component("sizes")
public class SizeDisplay {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    public String bytes(long bytes) {
        return bytes(bytes, LocaleContextHolder.getLocale());
    }

    public static String bytes(long bytes, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        NumberFormat f = NumberFormat.getNumberInstance(english ? Locale.ENGLISH : Locale.forLanguageTag("vi-VN"));
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(0);
        if (bytes < 1024) {
            return f.format(bytes) + (english ? (bytes == 1 ? " byte" : " bytes") : " byte");
        }
        BigDecimal k = BigDecimal.valueOf(1024);
        BigDecimal value = BigDecimal.valueOf(bytes).divide(k, 10, RoundingMode.HALF_UP);
        int unit = 0;
        // Compared once rounded to one decimal, so 1,048,575 bytes reads "1 MB", never "1.024 KB".
        while (unit < UNITS.length - 1
                && value.setScale(1, RoundingMode.HALF_UP).compareTo(k) >= 0) {
            value = value.divide(k, 10, RoundingMode.HALF_UP);
            unit++;
        }
        return f.format(value.setScale(1, RoundingMode.HALF_UP)) + " " + UNITS[unit];
    }
}
