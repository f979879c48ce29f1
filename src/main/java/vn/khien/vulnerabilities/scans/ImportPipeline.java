package vn.khien.vulnerabilities.scans;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The database side of an import on a thread of its own (ADR 0061): the parsing thread hands it writes (and the few
 * reads the matcher needs) through a bounded queue, in order, and goes on parsing while they run. All of them run on
 * the import transaction's one connection, which nothing else uses until {@link #finish} or {@link #close} returned.
 *
 * <p>Failures: the first exception of a task stops the writer (the tasks still queued are dropped) and is thrown to the
 * parsing thread at its next hand-off, so the parser stops there; {@link #close} on the parsing side's failure drops
 * what is queued and waits for the task running, so that the caller rolls back a connection no thread still uses.
 */
final class ImportPipeline implements AutoCloseable {

    /** Batches waiting: a bound on memory, and how far the parser may run ahead of the database. */
    static final int CAPACITY = 4;

    private static final Runnable END = () -> {};

    private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread thread;
    private volatile @Nullable Throwable failure;
    private volatile boolean closed;

    ImportPipeline(String name) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        this.thread = new Thread(
                () -> {
                    if (mdc != null) {
                        MDC.setContextMap(mdc); // the import's request id on the writer's log lines
                    }
                    loop();
                },
                name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (true) {
            Runnable task;
            try {
                task = queue.take();
            } catch (InterruptedException e) {
                failure = e;
                return;
            }
            if (task == END || closed) {
                cancelQueued();
                return;
            }
            try {
                task.run();
            } catch (Throwable e) {
                failure = e;
                cancelQueued();
                return;
            }
        }
    }

    private void cancelQueued() {
        for (Runnable r; (r = queue.poll()) != null; ) {
            if (r instanceof FutureTask<?> f) {
                f.cancel(false);
            }
        }
    }

    /** Queues a write; waits while the queue is full; throws the writer's failure if it has stopped. */
    void submit(Runnable task) {
        try {
            while (!queue.offer(task, 50, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
                if (!thread.isAlive()) {
                    throw new IllegalStateException("the import's writer has stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing a batch to the import's writer", e);
        }
        rethrowFailure();
    }

    /** Runs {@code work} after everything queued before it, and waits for its result. */
    <T> T call(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        submit(task);
        while (true) {
            try {
                return task.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                rethrowFailure();
            } catch (ExecutionException e) {
                rethrowFailure();
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the import's writer", e);
            } catch (CancellationException e) {
                rethrowFailure();
                throw e;
            }
        }
    }

    /** Waits until everything queued is written; throws the writer's failure if any. */
    void finish() {
        submit(END);
        join();
        rethrowFailure();
    }

    /** Drops what is queued and waits for the writer to stop; does nothing once finished. */
    @Override
    public void close() {
        closed = true;
        cancelQueued();
        queue.offer(END);
        join();
    }

    private void join() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the connection must be free before the caller rolls it back
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() {
        Throwable f = failure;
        if (f == null) {
            return;
        }
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("the import's writer failed", f);
    }
}
