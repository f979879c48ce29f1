package vn.khien.systems.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Computes due dates of legal time limits. A period starts the day after the triggering event; working-day
 * limits count only working days; calendar-day limits ending on a non-working day move to the next working day
 * when the counting rules say so (Bộ luật Dân sự 2015 Đ147–148). Dates are in Asia/Ho_Chi_Minh.
 */
public final class DeadlineCalculator {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final WorkingDayCalendar calendar;
    private final CountingRules counting;

    public DeadlineCalculator(WorkingDayCalendar calendar, CountingRules counting) {
        this.calendar = calendar;
        this.counting = counting;
    }

    public static DeadlineCalculator loadDefault() {
        return new DeadlineCalculator(
                WorkingDayCalendar.loadDefault(), TimeLimitCatalog.loadDefault().counting());
    }

    /** @param eventDate the day the dossier (or request) was received */
    public Deadline due(LocalDate eventDate, TimeLimit limit) {
        LocalDate due;
        if (limit.unit() == DayCount.WORKING_DAYS) {
            due = calendar.addWorkingDays(eventDate, limit.amount());
        } else {
            due = eventDate.plusDays(limit.amount());
            if (counting.rollCalendarEndToWorkingDay()) {
                due = calendar.workingDayOnOrAfter(due);
            }
        }
        return new Deadline(eventDate, due, limit, calendar.reliesOnEstimates(eventDate.plusDays(1), due));
    }

    /** @param receivedAt instant of receipt; the Vietnamese calendar day of that instant starts the count */
    public Deadline due(Instant receivedAt, TimeLimit limit) {
        return due(receivedAt.atZone(VIETNAM).toLocalDate(), limit);
    }

    /** Late when "now" is on a Vietnamese calendar day after the due day. */
    public boolean isOverdue(Deadline deadline, Instant now) {
        return now.atZone(VIETNAM).toLocalDate().isAfter(deadline.due());
    }
}
