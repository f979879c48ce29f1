package vn.khien.reports.kinds;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.khien.platform.figures.FigurePeriod;

/**
 * A report period as written in the API ("2026-Q4", "2026-H1", "2026") with the days it covers under a kind's
 * period rule, and the month its due rule counts from.
 */
public record ReportPeriod(String code, int year, PeriodType type, int index, FigurePeriod days) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** @throws IllegalArgumentException when the code does not fit the kind's period type */
    public static ReportPeriod parse(String code, PeriodRule rule) {
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        switch (rule.type()) {
            case QUARTER -> {
                Matcher m = QUARTER.matcher(c);
                require(m.matches(), code);
                int year = Integer.parseInt(m.group(1));
                int q = Integer.parseInt(m.group(2));
                LocalDate from = LocalDate.of(year, (q - 1) * 3 + 1, 1);
                return new ReportPeriod(
                        c,
                        year,
                        rule.type(),
                        q,
                        new FigurePeriod(from, from.plusMonths(3).minusDays(1)));
            }
            case HALF_YEAR -> {
                Matcher m = HALF.matcher(c);
                require(m.matches(), code);
                int year = Integer.parseInt(m.group(1));
                int h = Integer.parseInt(m.group(2));
                LocalDate from = LocalDate.of(year, h == 1 ? 1 : 7, 1);
                return new ReportPeriod(
                        c,
                        year,
                        rule.type(),
                        h,
                        new FigurePeriod(from, from.plusMonths(6).minusDays(1)));
            }
            case YEAR -> {
                require(YEAR.matcher(c).matches(), code);
                int year = Integer.parseInt(c);
                return new ReportPeriod(
                        c,
                        year,
                        rule.type(),
                        1,
                        new FigurePeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            }
            case YEAR_FROM -> {
                require(YEAR.matcher(c).matches(), code);
                int year = Integer.parseInt(c);
                LocalDate start = LocalDate.of(year, rule.startMonth(), rule.startDay());
                return new ReportPeriod(
                        c, year, rule.type(), 1, new FigurePeriod(start.minusYears(1), start.minusDays(1)));
            }
            default -> throw new IllegalStateException(rule.type().name());
        }
    }

    /** The period containing {@code day} under this rule (the dashboard's "current quarter"). */
    public static ReportPeriod containing(LocalDate day, PeriodRule rule) {
        return switch (rule.type()) {
            case QUARTER -> parse(day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1), rule);
            case HALF_YEAR -> parse(day.getYear() + "-H" + (day.getMonthValue() <= 6 ? 1 : 2), rule);
            case YEAR -> parse(String.valueOf(day.getYear()), rule);
            case YEAR_FROM -> {
                LocalDate start = LocalDate.of(day.getYear(), rule.startMonth(), rule.startDay());
                yield parse(String.valueOf(day.isBefore(start) ? day.getYear() : day.getYear() + 1), rule);
            }
        };
    }

    /** The period before this one. */
    public ReportPeriod previous(PeriodRule rule) {
        return containing(days.from().minusDays(1), rule);
    }

    /** Month 1–12 of the last month of the period. */
    public int lastMonth() {
        return days.to().getMonthValue();
    }

    private static void require(boolean ok, String code) {
        if (!ok) {
            throw new IllegalArgumentException("period " + code);
        }
    }

    public enum PeriodType {
        QUARTER,
        HALF_YEAR,
        YEAR,
        YEAR_FROM
    }

    public record PeriodRule(PeriodType type, int startMonth, int startDay) {}
}
