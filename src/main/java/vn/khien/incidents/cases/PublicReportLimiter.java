package vn.khien.incidents.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many public incident reports one address may send in a sliding hour. Kept in memory only (the page stores no
 * address); several nodes each count on their own, so the effective limit is per node. Bounded: the oldest
 * addresses are forgotten first.
 */
@Component
class PublicReportLimiter {

    static final int MAX_ADDRESSES = 10_000;

    private final int perHour;
    private final Clock clock;
    private final Map<String, Deque<Instant>> seen = new LinkedHashMap<>(16, 0.75f, true);

    public PublicReportLimiter(@Value("${khien.incidents.public.max-per-hour:5}") int perHour, Clock clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Counts an attempt from the address; false when it is over the limit (the attempt is then not counted). */
    public synchronized boolean tryAcquire(String address) {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofHours(1));
        Deque<Instant> times = seen.computeIfAbsent(address == null ? "?" : address, a -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
            times.pollFirst();
        }
        if (times.size() >= perHour) {
            return false;
        }
        times.addLast(now);
        if (seen.size() > MAX_ADDRESSES) {
            Iterator<String> it = seen.keySet().iterator();
            it.next();
            it.remove();
        }
        return true;
    }
}
