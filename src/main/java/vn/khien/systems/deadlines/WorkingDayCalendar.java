package vn.khien.systems.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.khien.systems.rules.Confidence;
import vn.khien.systems.rules.RuleDataException;
import vn.khien.systems.rules.RuleYaml;
import vn.khien.systems.rules.YamlMap;

/**
 * Working days of Vietnamese state bodies: weekdays that are not public holidays, Tết, Hùng Kings,
 * compensatory or swapped days, plus Saturdays worked in exchange. Built from {@code rules/calendar/vn-holidays.yaml}.
 */
public final class WorkingDayCalendar {

    public static final String DEFAULT_RESOURCE = "rules/calendar/vn-holidays.yaml";

    private final ZoneId zone;
    private final Set<DayOfWeek> weekend;
    private final Map<MonthDay, String> fixedHolidays;
    private final Map<Integer, HolidayYear> years;

    public WorkingDayCalendar(
            ZoneId zone, Set<DayOfWeek> weekend, Map<MonthDay, String> fixedHolidays, List<HolidayYear> years) {
        this.zone = zone;
        this.weekend = Set.copyOf(weekend);
        this.fixedHolidays = Map.copyOf(fixedHolidays);
        Map<Integer, HolidayYear> byYear = new HashMap<>();
        for (HolidayYear year : years) {
            if (byYear.put(year.year(), year) != null) {
                throw new RuleDataException("holiday year " + year.year() + " listed twice");
            }
        }
        this.years = Map.copyOf(byYear);
    }

    public static WorkingDayCalendar loadDefault() {
        return read(RuleYaml.loadClasspath(DEFAULT_RESOURCE));
    }

    public static WorkingDayCalendar read(YamlMap root) {
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        root.strings("weekend").forEach(day -> weekend.add(DayOfWeek.valueOf(day)));
        Map<MonthDay, String> fixed = new LinkedHashMap<>();
        for (YamlMap holiday : root.maps("fixed_holidays")) {
            fixed.put(MonthDay.of(holiday.integer("month"), holiday.integer("day")), holiday.string("name_vi"));
        }
        List<HolidayYear> years = new ArrayList<>();
        for (YamlMap year : root.maps("years")) {
            years.add(readYear(year));
        }
        return new WorkingDayCalendar(ZoneId.of(root.string("time_zone")), weekend, fixed, years);
    }

    public ZoneId zone() {
        return zone;
    }

    /** @throws HolidayDataMissingException if the year has no schedule in the rule data */
    public boolean isWorkingDay(LocalDate date) {
        return nonWorkingReason(date).isEmpty();
    }

    /** Why a day is not worked ("Thứ Bảy", "Tết Dương lịch", …), or empty for a working day. */
    public Optional<String> nonWorkingReason(LocalDate date) {
        HolidayYear year = yearOf(date);
        String fixed = fixedHolidays.get(MonthDay.from(date));
        if (fixed != null) {
            return Optional.of(fixed);
        }
        if (date.equals(year.hungKings())) {
            return Optional.of("Giỗ Tổ Hùng Vương");
        }
        String dayOff = year.daysOff().get(date);
        if (dayOff != null) {
            return Optional.of(dayOff);
        }
        if (weekend.contains(date.getDayOfWeek()) && !year.workingDays().contains(date)) {
            return Optional.of(date.getDayOfWeek() == DayOfWeek.SATURDAY ? "Thứ Bảy" : "Chủ nhật");
        }
        return Optional.empty();
    }

    /** The {@code count}-th working day strictly after {@code start} ({@code count} ≥ 1). */
    public LocalDate addWorkingDays(LocalDate start, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1 but was " + count);
        }
        LocalDate day = start;
        int remaining = count;
        while (remaining > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                remaining--;
            }
        }
        return day;
    }

    public LocalDate workingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** True when any day in the range relies on an estimated or unconfirmed schedule. */
    public boolean reliesOnEstimates(LocalDate fromInclusive, LocalDate toInclusive) {
        for (LocalDate day = fromInclusive; !day.isAfter(toInclusive); day = day.plusDays(1)) {
            HolidayYear year = yearOf(day);
            if (year.status() == ScheduleStatus.ESTIMATED || year.uncertain().containsKey(day)) {
                return true;
            }
        }
        return false;
    }

    public Optional<HolidayYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    private HolidayYear yearOf(LocalDate date) {
        HolidayYear year = years.get(date.getYear());
        if (year == null) {
            throw new HolidayDataMissingException(date.getYear());
        }
        return year;
    }

    private static HolidayYear readYear(YamlMap node) {
        int year = node.integer("year");
        Map<LocalDate, String> daysOff = new HashMap<>();
        Map<LocalDate, Confidence> uncertain = new HashMap<>();
        for (YamlMap entry : node.maps("days_off")) {
            LocalDate from = entry.has("date") ? entry.date("date") : entry.date("from");
            LocalDate to = entry.has("date") ? from : entry.date("to");
            Confidence confidence = entry.optEnum("confidence", Confidence.class);
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                checkYear(node, day, year);
                daysOff.put(day, entry.string("reason"));
                if (confidence != null) {
                    uncertain.put(day, confidence);
                }
            }
        }
        Set<LocalDate> workingDays = new HashSet<>();
        List<Object> worked = node.list("working_days");
        for (int i = 0; i < worked.size(); i++) {
            Object item = worked.get(i);
            YamlMap entry = item instanceof Map
                    ? YamlMap.asMap(item, node.path() + " › working_days[" + i + "]")
                    : new YamlMap(Map.of("date", item), node.path() + " › working_days[" + i + "]");
            LocalDate day = entry.date("date");
            checkYear(node, day, year);
            workingDays.add(day);
            Confidence confidence = entry.optEnum("confidence", Confidence.class);
            if (confidence != null) {
                uncertain.put(day, confidence);
            }
        }
        LocalDate lunarNewYear = node.date("lunar_new_year");
        LocalDate hungKings = node.date("hung_kings");
        checkYear(node, lunarNewYear, year);
        checkYear(node, hungKings, year);
        return new HolidayYear(
                year,
                node.enumValue("status", ScheduleStatus.class),
                lunarNewYear,
                hungKings,
                daysOff,
                workingDays,
                uncertain);
    }

    private static void checkYear(YamlMap node, LocalDate day, int year) {
        if (day.getYear() != year) {
            throw new RuleDataException(node.path() + ": " + day + " is not in year " + year);
        }
    }
}
