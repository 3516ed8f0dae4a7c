package dev.millrace.storage.flush;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test forcer that counts forces per channel, stamps each force with a ticket from a shared
 * logical clock, can hold the force of a chosen channel until the test releases it, and can fail
 * on purpose. Waits are bounded by deadlines; nothing sleeps.
 */
final class RecordingForcer implements ChannelForcer {
    static final long DEADLINE_SECONDS = 30;

    /** Logical clock shared with the test: requests and force starts take increasing tickets. */
    final AtomicLong clock = new AtomicLong();
    private final ChannelForcer delegate;
    private final Map<FileChannel, AtomicInteger> forces = new ConcurrentHashMap<>();
    /** Per channel, the highest start ticket among forces that have returned. */
    private final Map<FileChannel, AtomicLong> completedStart = new ConcurrentHashMap<>();
    private final Set<FileChannel> held = ConcurrentHashMap.newKeySet();
    private final Map<FileChannel, Semaphore> entered = new ConcurrentHashMap<>();
    private final Map<FileChannel, Semaphore> released = new ConcurrentHashMap<>();
    private final Map<FileChannel, Throwable> failures = new ConcurrentHashMap<>();
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    RecordingForcer() {
        this(channel -> { });
    }

    RecordingForcer(ChannelForcer delegate) {
        this.delegate = delegate;
    }

    @Override
    public void force(FileChannel channel) throws IOException {
        long start = clock.incrementAndGet();
        threads.add(Thread.currentThread());
        forces.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet();
        if (held.contains(channel)) {
            semaphore(entered, channel).release();
            try {
                if (!semaphore(released, channel).tryAcquire(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                    throw new IOException("test deadline: held force was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while held", e);
            }
        }
        Throwable failure = failures.remove(channel);
        if (failure instanceof IOException io) {
            throw io;
        } else if (failure instanceof RuntimeException runtime) {
            throw runtime;
        } else if (failure instanceof Error error) {
            throw error;
        }
        delegate.force(channel);
        completedStart.computeIfAbsent(channel, c -> new AtomicLong()).accumulateAndGet(start, Math::max);
    }

    /** Forces of {@code channel} block inside the forcer until {@link #release} is called for each. */
    void hold(FileChannel channel) {
        held.add(channel);
    }

    /** Waits (bounded) until a held force of {@code channel} has started. */
    void awaitHeldForceStarted(FileChannel channel) throws InterruptedException {
        if (!semaphore(entered, channel).tryAcquire(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("no held force of " + channel + " started within " + DEADLINE_SECONDS + "s");
        }
    }

    /** Lets one held force of {@code channel} return. */
    void release(FileChannel channel) {
        semaphore(released, channel).release();
    }

    /** The next force of {@code channel} throws {@code failure}, after being counted. */
    void failNext(FileChannel channel, Throwable failure) {
        failures.put(channel, failure);
    }

    int forces(FileChannel channel) {
        AtomicInteger count = forces.get(channel);
        return count == null ? 0 : count.get();
    }

    /** The highest start ticket among the returned forces of {@code channel}, or 0. */
    long completedForceStart(FileChannel channel) {
        AtomicLong start = completedStart.get(channel);
        return start == null ? 0 : start.get();
    }

    private static Semaphore semaphore(Map<FileChannel, Semaphore> map, FileChannel channel) {
        return map.computeIfAbsent(channel, c -> new Semaphore(0));
    }
}
