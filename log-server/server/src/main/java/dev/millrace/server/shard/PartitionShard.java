package dev.millrace.server.shard;

import dev.millrace.common.time.Time;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One partition shard: a single-threaded loop that owns the partitions hashed to it. Every
 * mutation of those partitions (appends, retention, truncation, config changes, producer-state
 * expiry) and every delayed operation waiting on them runs here, so their state needs no locks.
 *
 * <p>The loop is a state machine stepped by {@link #runOnce(long)} with the time passed in: the
 * owning thread calls it in a loop (parking until the next task or deadline), and deterministic
 * tests call it directly with a manual clock and no thread ({@link #unstarted}).
 *
 * <p>Invariants: tasks run in submission order; a timer never fires before its deadline by the
 * shard's clock; a task that throws is logged and does not stop the loop. After {@link #close()}
 * new tasks are refused with {@link IllegalStateException}; queued tasks still run.
 */
public final class PartitionShard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionShard.class);
    private static final long MAX_PARK_MS = 100;

    private final int index;
    private final Time time;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private long timerSequence;

    private PartitionShard(int index, Time time, boolean withThread) {
        this.index = index;
        this.time = time;
        this.thread = withThread ? new Thread(this::loop, "partition-shard-" + index) : null;
    }

    /** Starts a shard on its own thread {@code partition-shard-INDEX}. */
    public static PartitionShard start(int index, Time time) {
        PartitionShard shard = new PartitionShard(index, time, true);
        shard.thread.start();
        return shard;
    }

    /** A shard without a thread, stepped by the caller through {@link #runOnce(long)} (tests). */
    public static PartitionShard unstarted(int index, Time time) {
        return new PartitionShard(index, time, false);
    }

    public int index() {
        return index;
    }

    /** Whether the calling thread is this shard's owner thread (always true for an unstarted shard). */
    public boolean inShardThread() {
        return thread == null || Thread.currentThread() == thread;
    }

    /** Queues {@code task} to run on the shard. */
    public void execute(Runnable task) {
        if (closed) {
            throw new IllegalStateException("shard=" + index + " reason=closed");
        }
        tasks.add(task);
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** Runs {@code work} on the shard and completes the future with its result or failure. */
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * Schedules {@code task} to run on the shard at or after {@code deadlineMs}. Must be called on the
     * shard thread (delayed operations are created by shard tasks).
     */
    public void schedule(long deadlineMs, Runnable task) {
        timers.add(new Timer(deadlineMs, timerSequence++, task));
    }

    /**
     * Runs every queued task and every timer due at {@code nowMs}.
     *
     * @return the deadline of the next timer, or {@code Long.MAX_VALUE} if none
     */
    public long runOnce(long nowMs) {
        ArrayDeque<Runnable> batch = new ArrayDeque<>();
        Runnable task;
        while ((task = tasks.poll()) != null) {
            batch.add(task);
        }
        for (Runnable r : batch) {
            runSafely(r);
        }
        while (!timers.isEmpty() && timers.peek().deadlineMs <= nowMs) {
            runSafely(timers.poll().task);
        }
        return timers.isEmpty() ? Long.MAX_VALUE : timers.peek().deadlineMs;
    }

    /** Whether tasks are waiting (for tests stepping the shard by hand). */
    public boolean hasPendingTasks() {
        return !tasks.isEmpty();
    }

    private void runSafely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("shard={} task failed", index, e);
        }
    }

    private void loop() {
        while (!closed || !tasks.isEmpty()) {
            long next = runOnce(time.milliseconds());
            if (!tasks.isEmpty()) {
                continue;
            }
            long waitMs = Math.min(MAX_PARK_MS, Math.max(0, next - time.milliseconds()));
            if (waitMs > 0) {
                LockSupport.parkNanos(this, waitMs * 1_000_000L);
            }
        }
    }

    /** Stops accepting tasks, runs the queued ones and waits for the thread to end. */
    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            LockSupport.unpark(thread);
            if (Thread.currentThread() != thread) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        } else {
            runOnce(time.milliseconds());
        }
    }

    @Override
    public String toString() {
        return "PartitionShard(index=" + index + ")";
    }

    private record Timer(long deadlineMs, long sequence, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int c = Long.compare(deadlineMs, other.deadlineMs);
            return c != 0 ? c : Long.compare(sequence, other.sequence);
        }
    }
}
