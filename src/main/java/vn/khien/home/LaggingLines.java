package vn.khien.home;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * source shows nothing. A lag of zero computes on the request, as for every other source. The home page's panels
 * that may lag ({@code HomePanelSource.mayLag()}, ADR 0064) are kept the same way ({@link HomePanels}).
 */
@Component
class LaggingLines implements DisposableBean {

    /** Above this many remembered people, lines older than twice the lag are forgotten. */
    static final int TRIM_ABOVE = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(LaggingLines.class);

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

    /** Whether results may be shown late (a lag above zero). */
    boolean lags() {
        return !lag.isZero();
    }

    /** The source's lines for the signed-in person: computed now when no lag is allowed, else the last ones. */
    List<AttentionItem> itemsFor(AttentionSource source, long personId, Supplier<List<AttentionItem>> compute) {
        return latest(source.getClass().getName(), personId, compute).items();
    }

    /**
     * What was last computed under {@code key} for the signed-in person, and when ({@code null}: not yet): computed
     * now when no lag is allowed (then "when" is now), else the last result, with one background recomputation queued
     * when it is older than the lag or missing. The recomputation runs as the person and in the request's locale (a
     * panel's labels are in the reader's language: such a caller puts the language in the key).
     */
    <T> Shown<T> latest(String key, long personId, Supplier<List<T>> compute) {
        if (lag.isZero()) {
            return new Shown<>(compute.get(), clock.instant());
        }
        PersonPrincipal me = CurrentPerson.principal().orElse(null);
        if (me == null || me.personId() != personId) {
            return new Shown<>(compute.get(), clock.instant());
        }
        Locale locale = LocaleContextHolder.getLocale();
        Instant now = clock.instant();
        Entry entry = entries.computeIfAbsent(key + "@" + personId, k -> new Entry());
        Instant computedAt = entry.computedAt;
        if ((computedAt == null || computedAt.plus(lag).isBefore(now)) && entry.refreshing.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    Locale previous = LocaleContextHolder.getLocale();
                    LocaleContextHolder.setLocale(locale);
                    try {
                        List<?> items = ActingAs.run(me.personId(), me.username(), compute);
                        entry.set(List.copyOf(items), clock.instant());
                    } catch (RuntimeException e) {
                        LOG.error("Home page part {} failed in the background", key, e);
                    } finally {
                        LocaleContextHolder.setLocale(previous);
                        entry.refreshing.set(false);
                    }
                });
            } catch (RejectedExecutionException busy) {
                entry.refreshing.set(false);
            }
        }
        trim(now);
        @SuppressWarnings("unchecked") // an entry's key names what computes it, so it holds that computation's type
        Shown<T> shown = (Shown<T>) entry.shown;
        return shown;
    }

    /** A computed result and when it was computed; {@code computedAt} is null until the first computation ends. */
    record Shown<T>(List<T> items, @Nullable Instant computedAt) {}

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
        volatile Shown<?> shown = new Shown<>(List.of(), null);
        volatile @Nullable Instant computedAt;

        void set(List<?> items, Instant at) {
            shown = new Shown<>(items, at);
            computedAt = at;
        }
    }
}
