package dev.millrace.storage.flush;

import dev.millrace.storage.LogStorageException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serves fsync requests from many appender threads with one flusher thread, named
 * {@code log-flusher-<index>}, so that requests that arrive together share one fsync per file
 * (group commit).
 *
 * <p>How it works: {@link #requestFlush} queues the request under a lock, grouped by channel,
 * and returns a future. The flusher thread waits on a condition while the queue is empty; when it
 * wakes it takes the whole queue as one batch and forces each channel of the batch once, then
 * completes that channel's futures. Requests that arrive while it is forcing wait in the fresh
 * queue and are all served by the next single force of their channel.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>A future completes normally only after a force of its channel that <em>started after the
 *       request was queued</em> has returned, so all data written to the channel before
 *       {@code requestFlush} was called is durable.</li>
 *   <li>Each channel is forced at most once per batch; with N requests queued during one force,
 *       the next round costs one force per distinct channel, not N.</li>
 *   <li>If the force fails, every future of that channel in the batch completes exceptionally with
 *       a {@link LogStorageException} (operation, channel and file when known, cause kept); other
 *       channels and later batches are unaffected.</li>
 *   <li>{@link #close()} stops accepting requests, lets the thread serve every queued request,
 *       and waits for the thread to end. Should the thread die of an {@link Error}, every queued
 *       request fails with {@link LogStorageException} and later requests are refused.</li>
 * </ul>
 *
 * <p>No busy waiting and no timed sleeps: the thread blocks on a condition. It ignores interrupts
 * (and clears the flag before each force) because an interrupt during {@link FileChannel#force}
 * closes the channel for every user of the log segment.
 *
 * <p>Channels are grouped by identity ({@link FileChannel} does not override {@code equals}).
 * Futures complete on the flusher thread: dependent actions attached without an executor run
 * there and delay every other request, so they must be short and must not wait for other flushes.
 *
 * <p>Threading: thread-safe. {@link #requestFlush}, {@link #closeAsync()} and {@link #close()}
 * may be called from any thread, including from a completion callback.
 */
public final class GroupCommitFlusher implements AutoCloseable {
    /** Thread name prefix; the full name is the prefix followed by the index. */
    public static final String THREAD_NAME_PREFIX = "log-flusher-";

    private final String name;
    private final ChannelForcer forcer;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workQueued = lock.newCondition();
    /** Requests not yet taken by the flusher, by channel, in arrival order. Guarded by {@link #lock}. */
    private Map<FileChannel, Waiters> queued = new LinkedHashMap<>();
    /** Set by close or by the thread's death; no request is accepted afterwards. Guarded by {@link #lock}. */
    private boolean closed;
    /** Why requests are refused: {@code closed} or {@code flusherThreadDied}. Guarded by {@link #lock}. */
    private String refusalReason = "closed";
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong forces = new AtomicLong();

    private GroupCommitFlusher(int index, ChannelForcer forcer) {
        if (index < 0) {
            throw new IllegalArgumentException("index=" + index + " reason=negativeFlusherIndex");
        }
        this.name = THREAD_NAME_PREFIX + index;
        this.forcer = Objects.requireNonNull(forcer, "forcer");
        this.thread = new Thread(this::runLoop, name);
        this.thread.setDaemon(true);
    }

    /** Starts a flusher that fsyncs with {@link ChannelForcer#FSYNC}. */
    public static GroupCommitFlusher start(int index) {
        return start(index, ChannelForcer.FSYNC);
    }

    /** Starts a flusher whose thread is named {@code log-flusher-<index>} and forces with {@code forcer}. */
    public static GroupCommitFlusher start(int index, ChannelForcer forcer) {
        GroupCommitFlusher flusher = new GroupCommitFlusher(index, forcer);
        flusher.thread.start();
        return flusher;
    }

    /** The flusher thread's name, {@code log-flusher-<index>}. */
    public String name() {
        return name;
    }

    /** Same as {@link #requestFlush(FileChannel, Path)} without a file name for error messages. */
    public CompletableFuture<Void> requestFlush(FileChannel channel) {
        return requestFlush(channel, null);
    }

    /**
     * Asks for everything written to {@code channel} so far to be forced to disk.
     *
     * @param channel the channel to force
     * @param file the channel's file, named in error messages; may be null. When requests for one
     *     channel name different files, the first one queued in the batch is used.
     * @return a future completed after a force of the channel that started after this call; it
     *     fails with {@link LogStorageException} if that force fails
     * @throws IllegalStateException if the flusher is closed
     */
    public CompletableFuture<Void> requestFlush(FileChannel channel, Path file) {
        Objects.requireNonNull(channel, "channel");
        CompletableFuture<Void> future = new CompletableFuture<>();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("flusher=" + name + " state=" + refusalReason
                        + " reason=flushRequestedAfterStop");
            }
            queued.computeIfAbsent(channel, c -> new Waiters(file)).futures.add(future);
            requests.incrementAndGet();
            workQueued.signal();
        } finally {
            lock.unlock();
        }
        return future;
    }

    /** How many flush requests have been accepted. */
    public long requestCount() {
        return requests.get();
    }

    /** How many forces have been performed (successful or not). */
    public long forceCount() {
        return forces.get();
    }

    /**
     * Stops accepting requests and lets the thread drain the queue, without waiting.
     *
     * @return a future completed when the thread has served everything and is about to end
     */
    public CompletableFuture<Void> closeAsync() {
        lock.lock();
        try {
            closed = true;
            workQueued.signalAll();
        } finally {
            lock.unlock();
        }
        return terminated.copy();
    }

    /**
     * Stops accepting requests, serves every queued request, and waits for the thread to end.
     * Idempotent. Called from the flusher thread itself (a completion callback), it does not wait.
     * If the caller is interrupted while waiting, it returns early with its interrupt status set;
     * the thread still drains and ends on its own.
     */
    @Override
    public void close() {
        closeAsync();
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "GroupCommitFlusher(name=" + name + " requests=" + requests.get() + " forces=" + forces.get() + ")";
    }

    private void runLoop() {
        Map<FileChannel, Waiters> batch = Map.of();
        Throwable fatal = null;
        try {
            for (batch = awaitBatch(); batch != null; batch = awaitBatch()) {
                for (Map.Entry<FileChannel, Waiters> entry : batch.entrySet()) {
                    forceAndComplete(entry.getKey(), entry.getValue());
                }
            }
        } catch (Throwable t) {
            fatal = t;
            throw t;
        } finally {
            failRemaining(batch, fatal);
            terminated.complete(null);
        }
    }

    /** Blocks until requests are queued and takes them all; returns null once closed and drained. */
    private Map<FileChannel, Waiters> awaitBatch() {
        lock.lock();
        try {
            while (queued.isEmpty()) {
                if (closed) {
                    return null;
                }
                workQueued.awaitUninterruptibly();
            }
            Map<FileChannel, Waiters> batch = queued;
            queued = new LinkedHashMap<>();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private void forceAndComplete(FileChannel channel, Waiters waiters) {
        Exception failure = null;
        try {
            // Clear a stray interrupt: force() on an interrupted thread closes the channel.
            Thread.interrupted();
            forces.incrementAndGet();
            forcer.force(channel);
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        for (CompletableFuture<Void> future : waiters.futures) {
            if (failure == null) {
                future.complete(null);
            } else {
                future.completeExceptionally(new LogStorageException("flusher=" + name + " operation=fsync file="
                        + waiters.file + " channel=" + channel + " waiters=" + waiters.futures.size(), failure));
            }
        }
    }

    /** After the loop ended: refuse new requests and fail whatever was not served (only after an Error). */
    private void failRemaining(Map<FileChannel, Waiters> batch, Throwable fatal) {
        Map<FileChannel, Waiters> leftovers;
        lock.lock();
        try {
            closed = true;
            if (fatal != null) {
                refusalReason = "flusherThreadDied";
            }
            leftovers = queued;
            queued = new LinkedHashMap<>();
        } finally {
            lock.unlock();
        }
        List<Waiters> unserved = new ArrayList<>();
        if (batch != null) {
            unserved.addAll(batch.values());
        }
        unserved.addAll(leftovers.values());
        for (Waiters waiters : unserved) {
            for (CompletableFuture<Void> future : waiters.futures) {
                future.completeExceptionally(new LogStorageException("flusher=" + name + " operation=fsync file="
                        + waiters.file + " reason=flusherThreadDied", fatal));
            }
        }
    }

    /** The futures waiting for one channel's next force. Confined to the lock, then to the flusher thread. */
    private static final class Waiters {
        final Path file;
        final List<CompletableFuture<Void>> futures = new ArrayList<>();

        Waiters(Path file) {
            this.file = file;
        }
    }
}
