package vn.khien.home;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.khien.access.ActingAs;
import vn.khien.access.CurrentPerson;
import vn.khien.access.PersonPrincipal;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionSource;

/**
 * The lines of the sources that {@linkplain AttentionSource#mayLag may lag} (ADR 0059): the page shows the lines last
 * computed for the person, at most {@code khien.home.attention-lag} old, and a visit after that recomputes them in the
 * background, as that person, one computation per person and source at a time. Until the first computation ends the
 * source shows nothing. A lag of zero computes on the request, as for every other source.
 */
@Component
class LaggingLines implements DisposableBean {

    /** Above this many remembered people, lines older than twice the lag are forgotten. */
    static final int TRIM_ABOVE = 5_000;

    private final Duration lag;
    private final Executor executor;
    private final @Nullable ThreadPoolExecutor owned;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Autowired
    LaggingLines(@Value("${khien.home.attention-lag:PT5M}") Duration lag, Clock clock) {
        this(lag, pool(), clock);
    }

    private LaggingLines(Duration lag, ThreadPoolExecutor pool, Clock clock) {
        this.lag = lag;
        this.executor = pool;
        this.owned = pool;
        this.clock = clock;
    }

    /** For tests: runs the background computations on this executor. */
    LaggingLines(Duration lag, Executor executor, Clock clock) {
        this.lag = lag;
        this.executor = executor;
        this.owned = null;
        this.clock = clock;
    }

    private static ThreadPoolExecutor pool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                1,
                2,
                1,
                TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(200),
                r -> {
                    Thread t = new Thread(r, "home-attention");
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The source's lines for the signed-in person: computed now when no lag is allowed, else the last ones. */
    List<AttentionItem> itemsFor(AttentionSource source, long personId, Supplier<List<AttentionItem>> compute) {
        if (lag.isZero()) {
            return compute.get();
        }
        PersonPrincipal me = CurrentPerson.principal().orElse(null);
        if (me == null || me.personId() != personId) {
            return compute.get();
        }
        Instant now = clock.instant();
        Entry entry = entries.computeIfAbsent(source.getClass().getName() + "@" + personId, k -> new Entry());
        if ((entry.computedAt == null || entry.computedAt.plus(lag).isBefore(now))
                && entry.refreshing.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    try {
                        List<AttentionItem> items = ActingAs.run(me.personId(), me.username(), compute);
                        entry.items = List.copyOf(items);
                        entry.computedAt = clock.instant();
                    } finally {
                        entry.refreshing.set(false);
                    }
                });
            } catch (RejectedExecutionException busy) {
                entry.refreshing.set(false);
            }
        }
        trim(now);
        return entry.items;
    }

    private void trim(Instant now) {
        if (entries.size() > TRIM_ABOVE) {
            Instant before = now.minus(lag.multipliedBy(2));
            entries.values()
                    .removeIf(e -> !e.refreshing.get() && e.computedAt != null && e.computedAt.isBefore(before));
        }
    }

    @Override
    public void destroy() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }

    private static final class Entry {
        final AtomicBoolean refreshing = new AtomicBoolean();
        volatile List<AttentionItem> items = List.of();
        volatile @Nullable Instant computedAt;
    }
}
