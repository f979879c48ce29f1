package vn.khien.vulnerabilities.parsing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Lenient conversions shared by the parsers. Report values are messy; none of these throw. */
public final class Text {
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}", Pattern.CASE_INSENSITIVE);
    private static final Pattern CWE = Pattern.compile("CWE[-_ :]?(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SLASH_DATE = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?)?");

    private Text() {}

    public static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public static @Nullable Double parseDouble(@Nullable String s) {
        if (s == null || s.isBlank()) return null;
        try {
            double d = Double.parseDouble(s.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static @Nullable Integer parseInt(@Nullable String s) {
        Double d = parseDouble(s);
        return d == null || d != Math.floor(d) || Math.abs(d) > Integer.MAX_VALUE ? null : d.intValue();
    }

    /** "79", "CWE-79", "cwe-79" → 79; anything else → null. */
    public static @Nullable Integer cwe(@Nullable String s) {
        if (s == null) return null;
        String t = s.trim();
        Integer plain = parseInt(t);
        if (plain != null) return plain > 0 ? plain : null;
        Matcher m = CWE.matcher(t);
        return m.matches() ? Integer.valueOf(m.group(1)) : null;
    }

    /** All "CWE-n" mentions in free text, in order. */
    public static List<Integer> cwesIn(@Nullable String s) {
        List<Integer> out = new ArrayList<>();
        if (s == null) return out;
        Matcher m = CWE.matcher(s);
        while (m.find()) {
            Integer v = Integer.valueOf(m.group(1));
            if (!out.contains(v)) out.add(v);
        }
        return out;
    }

    public static List<String> cvesIn(@Nullable String s) {
        List<String> out = new ArrayList<>();
        if (s == null) return out;
        Matcher m = CVE.matcher(s);
        while (m.find()) out.add(m.group().toUpperCase(Locale.ROOT));
        return out;
    }

    public static boolean isCve(@Nullable String s) {
        return s != null && CVE.matcher(s.trim()).matches();
    }

    public static @Nullable String titleCase(@Nullable String s) {
        if (s == null || s.isBlank()) return s;
        String t = s.trim().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    /**
     * Parses ISO-8601 date / date-time (with or without zone; naive values are taken as UTC)
     * and slash dates. {@code dayFirst} decides ambiguous slash dates like 03/04/2021;
     * unambiguous ones (28/02/2021) are read correctly either way.
     */
    public static @Nullable OffsetDateTime date(@Nullable String s, boolean dayFirst) {
        if (s == null || s.isBlank()) return null;
        String t = s.trim();
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        try {
            return LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t)
                    .atStartOfDay()
                    .atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME);
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        Matcher m = SLASH_DATE.matcher(t);
        if (m.lookingAt()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            int year = Integer.parseInt(m.group(3));
            int day;
            int month;
            if (a > 12) {
                day = a;
                month = b;
            } else if (b > 12) {
                month = a;
                day = b;
            } else if (dayFirst) {
                day = a;
                month = b;
            } else {
                month = a;
                day = b;
            }
            int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            if (m.group(7) != null) {
                boolean pm = m.group(7).equalsIgnoreCase("pm");
                if (hour == 12) hour = 0;
                if (pm) hour += 12;
            }
            try {
                return LocalDateTime.of(year, month, day, hour, minute, second).atOffset(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                return null;
            }
        }
        return null;
    }
}
