package vn.khien.obligations.awareness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.jspecify.annotations.Nullable;
import vn.khien.platform.FieldProblemException;

/**
 * An awareness campaign: who it reaches and how often. A campaign that repeats sends round n on
 * {@code startsOn + (n-1) × period}; {@link #dueRound(LocalDate)} is the round that should have gone out by a day, so
 * a job run any number of times in a period asks for the same round, and the round's row (unique per campaign and
 * number) lets only the first run send it.
 */
public record Campaign(
        long id,
        long organizationId,
        String organizationName,
        String topic,
        String title,
        String message,
        Audience audience,
        Repeat repeatEvery,
        LocalDate startsOn,
        Instant createdAt,
        int rounds,
        int delivered,
        int acknowledged,
        @Nullable Instant stoppedAt) {

    public enum Audience {
        ORGANIZATION,
        SUBTREE,
        LIST
    }

    public enum Repeat {
        ONCE(Period.ZERO),
        MONTHLY(Period.ofMonths(1)),
        QUARTERLY(Period.ofMonths(3));

        private final Period period;

        Repeat(Period period) {
            this.period = period;
        }

        public Period period() {
            return period;
        }
    }

    /** The round that should have been sent by {@code day} (0 before the start), whatever was sent already. */
    public int dueRound(LocalDate day) {
        if (day.isBefore(startsOn)) {
            return 0;
        }
        if (repeatEvery == Repeat.ONCE) {
            return 1;
        }
        int n = 1;
        while (!dueOn(n + 1).isAfter(day)) {
            n++;
        }
        return n;
    }

    /** The day round {@code n} falls due. */
    public LocalDate dueOn(int n) {
        return repeatEvery == Repeat.ONCE
                ? startsOn
                : startsOn.plusMonths((long) repeatEvery.period().getMonths() * (n - 1));
    }

    /** The next round after the last one sent, or null when the campaign sends no more. */
    public @Nullable LocalDate nextRoundOn() {
        return stopped() || (repeatEvery == Repeat.ONCE && rounds >= 1) ? null : dueOn(rounds + 1);
    }

    public boolean stopped() {
        return stoppedAt != null;
    }

    /** A repeating campaign not yet stopped may be stopped (by whoever may send for its organisation). */
    public boolean stoppable() {
        return repeatEvery != Repeat.ONCE && !stopped();
    }

    /** Stops a repeating campaign: no later round goes out; what was sent and acknowledged stays. */
    public Campaign stop(Instant now) {
        if (!stoppable()) {
            throw new FieldProblemException(
                    "action", stopped() ? "awareness.error.alreadyStopped" : "awareness.error.onceNotStoppable");
        }
        return new Campaign(
                id,
                organizationId,
                organizationName,
                topic,
                title,
                message,
                audience,
                repeatEvery,
                startsOn,
                createdAt,
                rounds,
                delivered,
                acknowledged,
                now);
    }

    /** A round went out: from now on only the message of the later rounds and the schedule may change. */
    public boolean sent() {
        return rounds > 0;
    }

    /** A campaign may be edited until it is stopped. */
    public boolean editable() {
        return !stopped();
    }

    /**
     * The start day that makes the next round (after the {@link #rounds} sent) fall on {@code next} when the campaign
     * repeats every {@code repeat}: the rounds sent keep their numbers, the schedule moves.
     */
    public LocalDate startFor(Repeat repeat, LocalDate next) {
        if (!sent()) {
            return next;
        }
        return repeat == Repeat.ONCE
                ? startsOn
                : next.minusMonths((long) repeat.period().getMonths() * rounds);
    }

    public int sharePercent() {
        return delivered == 0 ? 0 : (int) Math.round(100.0 * acknowledged / delivered);
    }
}
