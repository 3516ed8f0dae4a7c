package dev.millrace.storage.flush;

import static dev.millrace.storage.flush.RecordingForcer.DEADLINE_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.storage.LogStorageException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitFlusherTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x5EED_F105_0001L);
    private static final int THREADS = 32;

    @TempDir
    Path dir;

    private final List<FileChannel> channels = new ArrayList<>();
    private final List<GroupCommitFlusher> flushers = new ArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        for (GroupCommitFlusher flusher : flushers) {
            flusher.close();
        }
        for (FileChannel channel : channels) {
            channel.close();
        }
    }

    private FileChannel channel(String name) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channels.add(channel);
        return channel;
    }

    private GroupCommitFlusher start(int index, ChannelForcer forcer) {
        GroupCommitFlusher flusher = GroupCommitFlusher.start(index, forcer);
        flushers.add(flusher);
        return flusher;
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        assertThat(latch.await(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("deadline waiting for " + what).isTrue();
    }

    private static void awaitDone(CompletableFuture<?> future) throws Exception {
        future.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    private static Thread worker(String name, Queue<Throwable> errors, ThrowingRunnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                errors.add(t);
            }
        }, name);
        thread.start();
        return thread;
    }

    private static void joinAll(List<Thread> threads, Queue<Throwable> errors) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
            assertThat(thread.isAlive()).as("thread %s ended before the deadline", thread.getName()).isFalse();
        }
        assertThat(errors).as("errors in worker threads").isEmpty();
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void shouldServeAllRequestsQueuedDuringAnFsyncWithOneFsync() throws Exception {
        RecordingForcer forcer = new RecordingForcer();
        GroupCommitFlusher flusher = start(0, forcer);
        FileChannel blocker = channel("blocker.log");
        FileChannel log = channel("00000000000000000000.log");
        forcer.hold(blocker);
        int rounds = 10;
        CountDownLatch[] go = new CountDownLatch[rounds];
        CountDownLatch[] queued = new CountDownLatch[rounds];
        CountDownLatch[] served = new CountDownLatch[rounds];
        for (int r = 0; r < rounds; r++) {
            go[r] = new CountDownLatch(1);
            queued[r] = new CountDownLatch(THREADS);
            served[r] = new CountDownLatch(THREADS);
        }
        Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(worker("appender-" + t, errors, () -> {
                for (int r = 0; r < rounds; r++) {
                    await(go[r], "round start");
                    CompletableFuture<Void> done = flusher.requestFlush(log);
                    queued[r].countDown();
                    awaitDone(done);
                    served[r].countDown();
                }
            }));
        }
        for (int r = 0; r < rounds; r++) {
            CompletableFuture<Void> busy = flusher.requestFlush(blocker);
            forcer.awaitHeldForceStarted(blocker);
            go[r].countDown();
            await(queued[r], "32 requests queued while the flusher is inside an fsync");
            forcer.release(blocker);
            awaitDone(busy);
            await(served[r], "32 requests served");
            assertThat(forcer.forces(log)).as("round=%d: one fsync for 32 queued requests", r).isEqualTo(r + 1);
        }
        joinAll(threads, errors);
        assertThat(forcer.forces(log)).isEqualTo(rounds);
        assertThat(forcer.forces(blocker)).isEqualTo(rounds);
        assertThat(flusher.requestCount()).isEqualTo((long) rounds * (THREADS + 1));
        assertThat(flusher.forceCount()).isEqualTo(2L * rounds);
    }

    @Test
    void shouldCompleteEachRequestOnlyAfterAnFsyncThatStartedAfterIt() throws Exception {
        RecordingForcer forcer = new RecordingForcer(ChannelForcer.FSYNC);
        GroupCommitFlusher flusher = start(1, forcer);
        List<FileChannel> logs = List.of(channel("a.log"), channel("b.log"), channel("c.log"));
        Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        int requestsPerThread = 40;
        for (int t = 0; t < THREADS; t++) {
            long seed = SEED + t;
            threads.add(worker("appender-" + t, errors, () -> {
                Random random = new Random(seed);
                for (int i = 0; i < requestsPerThread; i++) {
                    FileChannel log = logs.get(random.nextInt(logs.size()));
                    log.write(ByteBuffer.wrap(new byte[] {(byte) i}));
                    long requestedAt = forcer.clock.incrementAndGet();
                    awaitDone(flusher.requestFlush(log));
                    long servedBy = forcer.completedForceStart(log);
                    assertThat(servedBy).as("seed=%d request=%d requestedAt=%d newestCompletedForceStart=%d",
                            seed, i, requestedAt, servedBy).isGreaterThan(requestedAt);
                }
            }));
        }
        joinAll(threads, errors);
        long requests = (long) THREADS * requestsPerThread;
        int forces = logs.stream().mapToInt(forcer::forces).sum();
        assertThat(flusher.requestCount()).isEqualTo(requests);
        assertThat(forces).as("forces=%d requests=%d seed=%d", forces, requests, SEED).isBetween(1, (int) requests);
    }

    @Test
    void shouldRunOnOneDaemonThreadNamedLogFlusherIndex() throws Exception {
        RecordingForcer forcer = new RecordingForcer();
        GroupCommitFlusher flusher = start(7, forcer);
        FileChannel log = channel("x.log");
        for (int i = 0; i < 5; i++) {
            awaitDone(flusher.requestFlush(log));
        }
        assertThat(flusher.name()).isEqualTo("log-flusher-7");
        assertThat(forcer.threads).hasSize(1);
        Thread thread = forcer.threads.iterator().next();
        assertThat(thread.getName()).isEqualTo("log-flusher-7");
        assertThat(thread.isDaemon()).isTrue();
        flusher.close();
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void shouldFailEveryWaiterOfAFailedFsyncAndKeepServingAfterwards() throws Exception {
        RecordingForcer forcer = new RecordingForcer();
        GroupCommitFlusher flusher = start(2, forcer);
        FileChannel blocker = channel("blocker.log");
        FileChannel failing = channel("failing.log");
        FileChannel healthy = channel("healthy.log");
        forcer.hold(blocker);
        CompletableFuture<Void> busy = flusher.requestFlush(blocker);
        forcer.awaitHeldForceStarted(blocker);
        IOException diskError = new IOException("EIO");
        forcer.failNext(failing, diskError);
        Path failingFile = dir.resolve("failing.log");
        List<CompletableFuture<Void>> failed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            failed.add(flusher.requestFlush(failing, failingFile));
        }
        CompletableFuture<Void> ok = flusher.requestFlush(healthy);
        forcer.release(blocker);
        awaitDone(busy);
        awaitDone(ok);
        for (CompletableFuture<Void> future : failed) {
            assertThatThrownBy(() -> future.get(DEADLINE_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(LogStorageException.class)
                    .hasMessageContaining("flusher=log-flusher-2 operation=fsync file=" + failingFile)
                    .hasMessageContaining("waiters=3")
                    .hasCause(diskError);
        }
        assertThat(forcer.forces(failing)).isEqualTo(1);
        awaitDone(flusher.requestFlush(failing));
        assertThat(forcer.forces(failing)).isEqualTo(2);
    }

    @Test
    void shouldReportRuntimeFailuresAndClosedChannelsAsLogStorageException() throws Exception {
        GroupCommitFlusher flusher = start(3, ChannelForcer.FSYNC);
        FileChannel closed = channel("closed.log");
        closed.close();
        assertThatThrownBy(() -> flusher.requestFlush(closed).get(DEADLINE_SECONDS, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(LogStorageException.class)
                .hasCauseInstanceOf(ClosedChannelException.class);

        RecordingForcer forcer = new RecordingForcer();
        GroupCommitFlusher second = start(4, forcer);
        FileChannel log = channel("y.log");
        forcer.failNext(log, new IllegalStateException("bug in forcer"));
        assertThatThrownBy(() -> second.requestFlush(log).get(DEADLINE_SECONDS, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(LogStorageException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        awaitDone(second.requestFlush(log));
    }

    @Test
    void shouldDrainQueuedRequestsOnCloseAndRefuseNewOnes() throws Exception {
        RecordingForcer forcer = new RecordingForcer();
        GroupCommitFlusher flusher = start(5, forcer);
        FileChannel blocker = channel("blocker.log");
        FileChannel a = channel("a.log");
        FileChannel b = channel("b.log");
        forcer.hold(blocker);
        CompletableFuture<Void> busy = flusher.requestFlush(blocker);
        forcer.awaitHeldForceStarted(blocker);
        List<CompletableFuture<Void>> queued = List.of(flusher.requestFlush(a), flusher.requestFlush(b),
                flusher.requestFlush(a));

        CompletableFuture<Void> closed = flusher.closeAsync();
        assertThat(closed).isNotDone();
        assertThatThrownBy(() -> flusher.requestFlush(a))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("flusher=log-flusher-5 state=closed");
        forcer.release(blocker);
        awaitDone(closed);
        awaitDone(busy);
        for (CompletableFuture<Void> future : queued) {
            assertThat(future).isCompleted();
        }
        assertThat(forcer.forces(a)).isEqualTo(1);
        assertThat(forcer.forces(b)).isEqualTo(1);
        flusher.close();
        flusher.close();
        assertThat(forcer.threads).allSatisfy(thread -> assertThat(thread.isAlive()).isFalse());
    }

    @Test
    void shouldAllowCloseFromACompletionCallback() throws Exception {
        GroupCommitFlusher flusher = start(6, new RecordingForcer());
        FileChannel log = channel("z.log");
        CompletableFuture<Void> closedFromCallback = flusher.requestFlush(log).thenRun(flusher::close);
        awaitDone(closedFromCallback);
        awaitDone(flusher.closeAsync());
    }

    @Test
    void shouldFailAllPendingRequestsWhenTheFlusherThreadDies() throws Exception {
        RecordingForcer forcer = new RecordingForcer();
        GroupCommitFlusher flusher = start(8, forcer);
        FileChannel blocker = channel("blocker.log");
        FileChannel log = channel("w.log");
        forcer.hold(blocker);
        CompletableFuture<Void> dying = flusher.requestFlush(blocker);
        forcer.awaitHeldForceStarted(blocker);
        CompletableFuture<Void> waiting = flusher.requestFlush(log);
        forcer.failNext(blocker, new Error("simulated fatal error (expected in this test)"));
        forcer.release(blocker);
        for (CompletableFuture<Void> future : List.of(dying, waiting)) {
            assertThatThrownBy(() -> future.get(DEADLINE_SECONDS, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(LogStorageException.class)
                    .hasMessageContaining("reason=flusherThreadDied")
                    .hasCauseExactlyInstanceOf(Error.class);
        }
        awaitDone(flusher.closeAsync());
        assertThatThrownBy(() -> flusher.requestFlush(log))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("state=flusherThreadDied");
    }

    @Test
    void shouldRejectBadArguments() {
        assertThatThrownBy(() -> GroupCommitFlusher.start(-1)).hasMessageContaining("index=-1");
        GroupCommitFlusher flusher = start(9, new RecordingForcer());
        assertThatThrownBy(() -> flusher.requestFlush(null)).isInstanceOf(NullPointerException.class);
    }
}
