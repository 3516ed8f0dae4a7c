package dev.millrace.storage.cleaner;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.time.Time;
import dev.millrace.storage.log.PartitionLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The background log cleaner: {@code log.cleaner.threads} threads named {@code log-cleaner-<n>}
 * (n from 0) that repeatedly pick the dirtiest eligible compacted log, clean it with their own
 * {@link Cleaner}, move its {@link CleanerCheckpoint} and start over, waiting
 * {@code log.cleaner.backoff.ms} when no log is eligible.
 *
 * <p>Selection: every registered log whose cleanup.policy includes compact, that no thread is
 * cleaning and that has not failed, is evaluated with {@link CleanableLog#evaluate} against its
 * checkpoint. Eligible are logs {@link CleanableLog#isEligible()} says are dirty enough or past
 * {@code max.compaction.lag.ms}, plus logs whose earliest pending delete horizon (remembered from
 * their last pass, in memory only) has passed, so that expired tombstones go away even without new
 * writes. The one with the highest dirty ratio is cleaned; a log is cleaned by one thread at a time.
 *
 * <p>Owner hand-off: each log comes with {@code ownerExecutor}, which runs a task on the thread that
 * owns the log. The cleaner reads offsets, segments and producer state, and swaps segments, only
 * through it (see {@link OwnerCalls}); it reads the files of non-active segments itself.
 *
 * <p>Failures: a log whose cleaning throws (other than an abort) is marked uncleanable
 * ({@link #uncleanablePartitions()}) and skipped until it is removed and added again; the other
 * logs are unaffected. {@link #cleanOnce()} cleans one log on the calling thread, for deterministic
 * tests and tools; it works whether or not threads run.
 *
 * <p>Stopping: {@link #close()} flags the threads, wakes them, aborts the pending owner hand-offs
 * that have not started, and joins them; a thread stops between two batches (threads are never
 * interrupted: an interrupt during file I/O would close channels the log shares).
 * {@link #removeLog} aborts the cleaning of that log and waits until it has stopped.
 *
 * <p>Threading: thread-safe. State is guarded by one lock; cleaning itself runs outside it.
 */
public final class LogCleaner implements AutoCloseable {
    /** Thread name prefix; the full name is the prefix followed by the thread's index. */
    public static final String THREAD_NAME_PREFIX = "log-cleaner-";

    private final CleanerConfig config;
    private final Time time;
    private final Consumer<CleanResult> listener;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workOrStop = lock.newCondition();
    private final Condition cleaningStopped = lock.newCondition();
    private final Map<TopicPartition, Entry> logs = new LinkedHashMap<>();
    private final Map<Path, CleanerCheckpoint> checkpoints = new HashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ReentrantLock foregroundLock = new ReentrantLock();
    private Cleaner foreground;
    private long signals;
    private boolean started;
    private boolean closed;

    /** A registered log. Fields other than the finals are guarded by {@link #lock}. */
    private static final class Entry {
        private final PartitionLog log;
        private final Consumer<Runnable> ownerExecutor;
        private final CleanerCheckpoint checkpoint;
        private final Set<OwnerCalls> calls = new HashSet<>();
        private boolean cleaning;
        private boolean removed;
        private RuntimeException failure;
        private long pendingDeleteHorizonMs = -1;

        Entry(PartitionLog log, Consumer<Runnable> ownerExecutor, CleanerCheckpoint checkpoint) {
            this.log = log;
            this.ownerExecutor = ownerExecutor;
            this.checkpoint = checkpoint;
        }

        TopicPartition partition() {
            return log.topicPartition();
        }
    }

    /** What one attempt did: whether a log was picked, and its result if the pass ran to the end. */
    private record Attempt(boolean picked, CleanResult result) {
        static final Attempt NOTHING = new Attempt(false, null);
    }

    /** A cleaner without a listener. */
    public LogCleaner(CleanerConfig config, Time time) {
        this(config, time, result -> { });
    }

    /**
     * A cleaner that reports each finished pass to {@code listener} (on the cleaning thread, after
     * the checkpoint moved). The listener must be quick and must not throw.
     */
    public LogCleaner(CleanerConfig config, Time time, Consumer<CleanResult> listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.time = Objects.requireNonNull(time, "time");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Registers {@code log} for cleaning; its checkpoint is read from {@value CleanerCheckpoint#FILE_NAME}
     * in the log's parent directory.
     *
     * @param ownerExecutor runs a task on the thread that owns {@code log}
     * @throws IllegalStateException if the partition is already registered or the cleaner is closed
     */
    public void addLog(PartitionLog log, Consumer<Runnable> ownerExecutor) {
        Objects.requireNonNull(ownerExecutor, "ownerExecutor");
        Path logDir = log.dir().toAbsolutePath().getParent();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("topicPartition=" + log.topicPartition() + " reason=cleanerClosed");
            }
            if (logs.containsKey(log.topicPartition())) {
                throw new IllegalStateException("topicPartition=" + log.topicPartition() + " reason=alreadyRegistered");
            }
            CleanerCheckpoint checkpoint = checkpoints.computeIfAbsent(logDir, CleanerCheckpoint::open);
            logs.put(log.topicPartition(), new Entry(log, ownerExecutor, checkpoint));
            signalWork();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Unregisters the log of {@code partition}, aborting its cleaning if one is running and waiting
     * until it stopped. Its checkpoint entry stays (see {@link #deleteCheckpoint}). Must not be
     * called from a task run through that log's owner executor by the cleaner.
     */
    public void removeLog(TopicPartition partition) {
        lock.lock();
        try {
            Entry entry = logs.remove(partition);
            if (entry == null) {
                return;
            }
            entry.removed = true;
            entry.calls.forEach(OwnerCalls::abort);
            while (entry.cleaning) {
                cleaningStopped.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the checkpoint of a removed partition whose log was deleted. */
    public void deleteCheckpoint(Path logDir, TopicPartition partition) {
        checkpointOf(logDir).remove(partition);
    }

    /** Lowers the checkpoint of {@code partition} after its log was truncated to {@code offset}. */
    public void truncateCheckpoint(TopicPartition partition, long offset) {
        CleanerCheckpoint checkpoint = entryCheckpoint(partition);
        if (checkpoint != null) {
            checkpoint.truncateTo(partition, offset);
        }
    }

    /** The offset the log of {@code partition} is cleaned up to, if registered and ever cleaned. */
    public OptionalLong cleanedUpTo(TopicPartition partition) {
        CleanerCheckpoint checkpoint = entryCheckpoint(partition);
        return checkpoint == null ? OptionalLong.empty() : checkpoint.offset(partition);
    }

    private CleanerCheckpoint entryCheckpoint(TopicPartition partition) {
        lock.lock();
        try {
            Entry entry = logs.get(partition);
            return entry == null ? null : entry.checkpoint;
        } finally {
            lock.unlock();
        }
    }

    private CleanerCheckpoint checkpointOf(Path logDir) {
        lock.lock();
        try {
            return checkpoints.computeIfAbsent(logDir.toAbsolutePath(), CleanerCheckpoint::open);
        } finally {
            lock.unlock();
        }
    }

    /** The registered partitions whose cleaning failed, with the failure. */
    public Map<TopicPartition, RuntimeException> uncleanablePartitions() {
        lock.lock();
        try {
            Map<TopicPartition, RuntimeException> failed = new LinkedHashMap<>();
            for (Entry entry : logs.values()) {
                if (entry.failure != null) {
                    failed.put(entry.partition(), entry.failure);
                }
            }
            return failed;
        } finally {
            lock.unlock();
        }
    }

    /** Starts the threads (none when {@code log.cleaner.enable=false}). Calling it again does nothing. */
    public void startup() {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("reason=cleanerClosed");
            }
            if (started) {
                return;
            }
            started = true;
            if (!config.enable()) {
                return;
            }
            for (int i = 0; i < config.threads(); i++) {
                Thread thread = new Thread(this::runThread, THREAD_NAME_PREFIX + i);
                threads.add(thread);
                thread.start();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends the back-off of waiting threads now (new data was appended, a config changed). */
    public void wakeup() {
        lock.lock();
        try {
            signalWork();
        } finally {
            lock.unlock();
        }
    }

    private void signalWork() {
        signals++;
        workOrStop.signalAll();
    }

    /**
     * Picks the dirtiest eligible log and cleans it on the calling thread.
     *
     * @return the result of the pass, or empty if no log was eligible, the pass was aborted or it
     *     failed (then the log is in {@link #uncleanablePartitions()})
     */
    public Optional<CleanResult> cleanOnce() {
        foregroundLock.lock();
        try {
            if (foreground == null) {
                foreground = new Cleaner(config, time);
            }
            return Optional.ofNullable(attempt(foreground).result());
        } finally {
            foregroundLock.unlock();
        }
    }

    private void runThread() {
        Cleaner cleaner = new Cleaner(config, time);
        while (!isClosed()) {
            if (!attempt(cleaner).picked() && !backOff()) {
                return;
            }
        }
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to the back-off for a signal; returns false if the thread should stop. */
    private boolean backOff() {
        lock.lock();
        try {
            long seen = signals;
            long remainingNs = TimeUnit.MILLISECONDS.toNanos(config.backoffMs());
            while (!closed && signals == seen && remainingNs > 0) {
                remainingNs = workOrStop.awaitNanos(remainingNs);
            }
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private Attempt attempt(Cleaner cleaner) {
        Selected selected = select();
        if (selected == null) {
            return Attempt.NOTHING;
        }
        Entry entry = selected.entry();
        OwnerCalls calls = selected.calls();
        TopicPartition partition = entry.partition();
        try {
            CleanResult result = cleaner.clean(entry.log, entry.checkpoint.offset(partition), calls);
            if (result.completed()) {
                entry.checkpoint.update(partition, result.cleanedUpToOffset());
            }
            lock.lock();
            try {
                if (result.completed()) {
                    entry.pendingDeleteHorizonMs = result.pendingDeleteHorizonMs();
                }
            } finally {
                lock.unlock();
            }
            listener.accept(result);
            return new Attempt(true, result);
        } catch (CleaningAbortedException e) {
            return new Attempt(true, null);
        } catch (RuntimeException e) {
            lock.lock();
            try {
                entry.failure = e;
            } finally {
                lock.unlock();
            }
            return new Attempt(true, null);
        } finally {
            lock.lock();
            try {
                entry.cleaning = false;
                entry.calls.remove(calls);
                cleaningStopped.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private record Selected(Entry entry, OwnerCalls calls) {
    }

    /** Evaluates the candidates and marks the dirtiest eligible one as being cleaned; null if none. */
    private Selected select() {
        List<Entry> candidates = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                return null;
            }
            for (Entry entry : logs.values()) {
                if (!entry.cleaning && entry.failure == null) {
                    candidates.add(entry);
                }
            }
        } finally {
            lock.unlock();
        }
        long nowMs = time.milliseconds();
        Entry best = null;
        double bestRatio = -1;
        for (Entry entry : candidates) {
            if (!entry.log.config().compact()) {
                continue;
            }
            LogSnapshot snapshot = callOwner(entry, "captureSnapshot", () -> LogSnapshot.capture(entry.log));
            if (snapshot == null) {
                continue;
            }
            CleanableLog range = CleanableLog.evaluate(snapshot, entry.checkpoint.offset(entry.partition()), nowMs);
            if ((range.isEligible() || horizonDue(entry, range, nowMs)) && range.dirtyRatio() > bestRatio) {
                best = entry;
                bestRatio = range.dirtyRatio();
            }
        }
        return best == null ? null : markCleaning(best);
    }

    private boolean horizonDue(Entry entry, CleanableLog range, long nowMs) {
        long horizon;
        lock.lock();
        try {
            horizon = entry.pendingDeleteHorizonMs;
        } finally {
            lock.unlock();
        }
        return horizon >= 0 && horizon <= nowMs && range.cleanBytes() + range.dirtyBytes() > 0;
    }

    private Selected markCleaning(Entry entry) {
        lock.lock();
        try {
            if (closed || entry.removed || entry.cleaning || entry.failure != null) {
                return null;
            }
            OwnerCalls calls = new OwnerCalls(entry.ownerExecutor);
            entry.cleaning = true;
            entry.calls.add(calls);
            return new Selected(entry, calls);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code task} through the entry's owner; null if aborted or refused (the log is skipped). */
    private <T> T callOwner(Entry entry, String what, Supplier<T> task) {
        OwnerCalls calls = new OwnerCalls(entry.ownerExecutor);
        lock.lock();
        try {
            if (closed || entry.removed) {
                return null;
            }
            entry.calls.add(calls);
        } finally {
            lock.unlock();
        }
        try {
            return calls.call(what, task);
        } catch (CleaningAbortedException e) {
            return null;
        } finally {
            lock.lock();
            try {
                entry.calls.remove(calls);
            } finally {
                lock.unlock();
            }
        }
    }

    /** The cleaner threads (for tests). */
    List<Thread> threads() {
        lock.lock();
        try {
            return List.copyOf(threads);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the threads: flags them, wakes them, aborts owner hand-offs not yet started, and waits
     * for them to end. Idempotent.
     */
    @Override
    public void close() {
        List<Thread> toJoin;
        lock.lock();
        try {
            closed = true;
            for (Entry entry : logs.values()) {
                entry.calls.forEach(OwnerCalls::abort);
            }
            workOrStop.signalAll();
            toJoin = List.copyOf(threads);
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        for (Thread thread : toJoin) {
            while (thread != Thread.currentThread() && thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "LogCleaner(threads=" + threads.size() + ", logs=" + logs.size() + ", closed=" + closed + ")";
        } finally {
            lock.unlock();
        }
    }
}
