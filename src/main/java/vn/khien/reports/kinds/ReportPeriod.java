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

    // The shapes of a period code, also read by PeriodWords to name a period.
    static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    static final Pattern YEAR = Pattern.compile("(\\d{4})");

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
            case HALF_YEAR_FROM -> {
                Matcher m = HALF.matcher(c);
                require(m.matches(), code);
                int year = Integer.parseInt(m.group(1));
                int h = Integer.parseInt(m.group(2));
                LocalDate from = firstHalfStart(year, rule).plusMonths(h == 1 ? 0 : 6);
                return new ReportPeriod(
                        c,
                        year,
                        rule.type(),
                        h,
                        new FigurePeriod(from, from.plusMonths(6).minusDays(1)));
            }
            case HALF_YEAR_AND_YEAR_FROM -> {
                // The six months from the rule's day ("2026-H1") or the whole year from it ("2026"); each period is
                // given the shape it has (HALF_YEAR_FROM or YEAR_FROM), which names it and decides its due rule.
                Matcher m = HALF.matcher(c);
                LocalDate from;
                if (m.matches()) {
                    require("1".equals(m.group(2)), code);
                    int year = Integer.parseInt(m.group(1));
                    from = firstHalfStart(year, rule);
                    return new ReportPeriod(
                            c,
                            year,
                            PeriodType.HALF_YEAR_FROM,
                            1,
                            new FigurePeriod(from, from.plusMonths(6).minusDays(1)));
                }
                require(YEAR.matcher(c).matches(), code);
                int year = Integer.parseInt(c);
                from = firstHalfStart(year, rule);
                return new ReportPeriod(
                        c,
                        year,
                        PeriodType.YEAR_FROM,
                        1,
                        new FigurePeriod(from, from.plusYears(1).minusDays(1)));
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

    /**
     * A report's period as it was recorded: by the kind's rule when the rule still has it, otherwise (a report filed
     * under a period its kind's rule no longer has, e.g. a member report frozen as "2025-H2" before the annual report
     * covered the whole year, ADR 0075) with the days it recorded, named by the shape of its code.
     */
    public static ReportPeriod recorded(String code, LocalDate from, LocalDate to, PeriodRule rule) {
        try {
            return parse(code, rule);
        } catch (IllegalArgumentException e) {
            FigurePeriod days = new FigurePeriod(from, to);
            Matcher q = QUARTER.matcher(code);
            if (q.matches()) {
                return new ReportPeriod(
                        code, Integer.parseInt(q.group(1)), PeriodType.QUARTER, Integer.parseInt(q.group(2)), days);
            }
            Matcher h = HALF.matcher(code);
            if (h.matches()) {
                return new ReportPeriod(
                        code,
                        Integer.parseInt(h.group(1)),
                        PeriodType.HALF_YEAR_FROM,
                        Integer.parseInt(h.group(2)),
                        days);
            }
            return new ReportPeriod(code, to.getYear(), PeriodType.YEAR_FROM, 1, days);
        }
    }

    /** The period containing {@code day} under this rule (the dashboard's "current quarter"). */
    public static ReportPeriod containing(LocalDate day, PeriodRule rule) {
        return switch (rule.type()) {
            case QUARTER -> parse(day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1), rule);
            case HALF_YEAR -> parse(day.getYear() + "-H" + (day.getMonthValue() <= 6 ? 1 : 2), rule);
            case YEAR -> parse(String.valueOf(day.getYear()), rule);
            case HALF_YEAR_FROM -> {
                // The half-years of the year after, of this year and of the year before: one of them holds the day.
                for (int year = day.getYear() + 1; ; year--) {
                    for (int h = 2; h >= 1; h--) {
                        ReportPeriod p = parse(year + "-H" + h, rule);
                        if (!day.isBefore(p.days().from())) {
                            yield p;
                        }
                    }
                }
            }
            case YEAR_FROM -> {
                LocalDate start = LocalDate.of(day.getYear(), rule.startMonth(), rule.startDay());
                yield parse(String.valueOf(day.isBefore(start) ? day.getYear() : day.getYear() + 1), rule);
            }
            case HALF_YEAR_AND_YEAR_FROM -> {
                // The six-monthly report while the day is in its six months (it falls due first), else the year's.
                for (int year = day.getYear() + 1; year >= day.getYear(); year--) {
                    ReportPeriod half = parse(year + "-H1", rule);
                    if (covers(half, day)) {
                        yield half;
                    }
                }
                int year = day.getYear() + 1;
                ReportPeriod whole = parse(String.valueOf(year), rule);
                yield covers(whole, day) ? whole : parse(String.valueOf(year - 1), rule);
            }
        };
    }

    /**
     * The first half-year of a {@code HALF_YEAR_FROM} rule starts on the rule's day in the year itself when that day
     * falls in January–June, otherwise in the year before (15/12: the first half-year of 2026 is 15/12/2025–14/06/2026,
     * the second 15/06/2026–14/12/2026).
     */
    private static LocalDate firstHalfStart(int year, PeriodRule rule) {
        LocalDate start = LocalDate.of(year, rule.startMonth(), rule.startDay());
        return rule.startMonth() <= 6 ? start : start.minusYears(1);
    }

    /** The period before this one. */
    public ReportPeriod previous(PeriodRule rule) {
        return containing(days.from().minusDays(1), rule);
    }

    /** Whether the period is a whole year (of the calendar, or from a rule's start day). */
    public boolean wholeYear() {
        return type == PeriodType.YEAR || type == PeriodType.YEAR_FROM;
    }

    /** Month 1–12 of the last month of the period. */
    public int lastMonth() {
        return days.to().getMonthValue();
    }

    private static boolean covers(ReportPeriod p, LocalDate day) {
        return !day.isBefore(p.days().from()) && !day.isAfter(p.days().to());
    }

    private static void require(boolean ok, String code) {
        if (!ok) {
            throw new IllegalArgumentException("period " + code);
        }
    }

    public enum PeriodType {
        QUARTER,
        HALF_YEAR,
        /** Half-years from a start day and month (start_month/start_day), named after the year they end in. */
        HALF_YEAR_FROM,
        /**
         * Two periods a year from a start day and month (start_month/start_day), both named after the year they end
         * in: the first six months ("2026-H1") and the whole year ("2026"), e.g. the six-monthly and the annual report
         * of Nghị định 09/2019/NĐ-CP Điều 12 khoản 3, 4 (15/12–14/06 and 15/12–14/12).
         */
        HALF_YEAR_AND_YEAR_FROM,
        YEAR,
        YEAR_FROM
    }

    public record PeriodRule(PeriodType type, int startMonth, int startDay) {}
}
