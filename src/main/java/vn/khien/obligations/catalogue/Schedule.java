package vn.khien.obligations.catalogue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * When a duty falls due: every period from the last time it was met (possibly per regime and level), before fixed
 * days of each year, by one fixed date, or on a trigger.
 */
sealed interface Schedule {

    /** Due one period after it was last met; the period may depend on the system's regime and level. */
    record Every(@Nullable Period period, Map<String, Map<Integer, Period>> byRegimeAndLevel) implements Schedule {
        public Every {
            byRegimeAndLevel = Map.copyOf(byRegimeAndLevel);
        }

        /** The period for this subject, or null when it depends on a level or regime the subject does not have. */
        public @Nullable Period periodFor(Subject subject) {
            if (period != null) {
                return period;
            }
            Map<Integer, Period> byLevel = subject.regime() == null ? null : byRegimeAndLevel.get(subject.regime());
            return byLevel == null || subject.level() == null ? null : byLevel.get(subject.level());
        }
    }

    /**
     * Before fixed days of every year ("trước ngày 20/12"): the last day allowed is the day before each of them.
     */
    record Before(List<MonthDay> days) implements Schedule {
        public Before {
            days = days.stream().sorted().toList();
        }

        /** The last allowed days (the day before each listed day) from one year before to one year after {@code around}. */
        public List<LocalDate> dueDatesAround(LocalDate around) {
            List<LocalDate> dates = new ArrayList<>();
            for (int year = around.getYear() - 2; year <= around.getYear() + 1; year++) {
                for (MonthDay day : days) {
                    dates.add(day.atYear(year).minusDays(1));
                }
            }
            return dates;
        }
    }

    /** Once, by a fixed date (transitional deadlines). */
    record By(LocalDate date) implements Schedule {}

    /** Not periodic: once and kept current, continuously, on each event, or historical. */
    record OnTrigger(Trigger trigger) implements Schedule {}

    enum Trigger {
        ONCE,
        CONTINUOUS,
        EVENT,
        NONE
    }
}
