package dev.millrace.storage.cleaner;

import static dev.millrace.storage.cleaner.CleanerTestSupport.append;
import static dev.millrace.storage.cleaner.CleanerTestSupport.compactConfig;
import static dev.millrace.storage.cleaner.CleanerTestSupport.describe;
import static dev.millrace.storage.cleaner.CleanerTestSupport.rollAndCommit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.errors.CorruptRecordException;
import dev.millrace.common.time.ManualTime;
import dev.millrace.storage.log.LogConfig;
import dev.millrace.storage.log.LogFiles;
import dev.millrace.storage.log.PartitionLog;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LogCleanerTest {
    private static final CleanerConfig CONFIG = CleanerConfig.parse(Map.of(
            CleanerConfig.DEDUPE_BUFFER_SIZE, "65536", CleanerConfig.IO_BUFFER_SIZE, "16384",
            CleanerConfig.BACKOFF_MS, "3600000"));

    private final ManualTime time = new ManualTime(CleanerTestSupport.START_MS);
    private final List<PartitionLog> logs = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @TempDir
    Path logDir;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        for (PartitionLog log : logs) {
            log.close();
        }
    }

    private PartitionLog open(String topic, Object... overrides) {
        PartitionLog log = CleanerTestSupport.open(logDir.resolve(topic + "-0"), topic, compactConfig(overrides), time,
                true);
        logs.add(log);
        return log;
    }

    private LogCleaner cleaner(CleanerConfig config, Consumer<CleanResult> listener) {
        LogCleaner cleaner = new LogCleaner(config, time, listener);
        closeables.add(cleaner);
        return cleaner;
    }

    /** Appends {@code rounds} batches overwriting the same two keys, then rolls. */
    private void overwrite(PartitionLog log, int rounds) {
        for (int i = 0; i < rounds; i++) {
            append(log, time, "a", "a" + i, "b", "b" + i);
        }
        rollAndCommit(log);
    }

    @Test
    void shouldCleanTheDirtiestEligibleLogAndMoveItsCheckpoint() throws Exception {
        LogCleaner cleaner = cleaner(CONFIG, result -> { });
        PartitionLog users = open("users", LogConfig.MIN_CLEANABLE_DIRTY_RATIO, "0.9");
        overwrite(users, 4);
        cleaner.addLog(users, Runnable::run);
        assertThat(cleaner.cleanOnce()).map(CleanResult::topicPartition).contains(users.topicPartition());
        overwrite(users, 1);
        PartitionLog orders = open("orders");
        overwrite(orders, 4);
        cleaner.addLog(orders, Runnable::run);

        CleanResult result = cleaner.cleanOnce().orElseThrow();

        assertThat(result.topicPartition()).as("users is below min.cleanable.dirty.ratio").isEqualTo(
                orders.topicPartition());
        assertThat(cleaner.cleanedUpTo(orders.topicPartition())).hasValue(8);
        assertThat(Files.readString(logDir.resolve(CleanerCheckpoint.FILE_NAME)))
                .isEqualTo("0\n2\norders 0 8\nusers 0 8\n");
        assertThat(cleaner.cleanOnce()).isEmpty();

        users.updateConfig(LogConfig.parse(compactConfig(LogConfig.MIN_CLEANABLE_DIRTY_RATIO, "0.01")));
        assertThat(cleaner.cleanOnce()).map(CleanResult::topicPartition).contains(users.topicPartition());
        assertThat(describe(users)).containsExactly("8:a=a0", "9:b=b0");
    }

    @Test
    void shouldIgnoreLogsWithoutTheCompactPolicy() {
        LogCleaner cleaner = cleaner(CONFIG, result -> { });
        PartitionLog deleteOnly = open("events", LogConfig.CLEANUP_POLICY, "delete");
        overwrite(deleteOnly, 3);
        cleaner.addLog(deleteOnly, Runnable::run);

        assertThat(cleaner.cleanOnce()).isEmpty();
    }

    @Test
    void shouldForceCleaningOnceTheMaxCompactionLagHasPassed() {
        LogCleaner cleaner = cleaner(CONFIG, result -> { });
        PartitionLog log = open("lagged", LogConfig.MIN_CLEANABLE_DIRTY_RATIO, "0.99",
                LogConfig.MAX_COMPACTION_LAG_MS, 60_000);
        overwrite(log, 3);
        cleaner.addLog(log, Runnable::run);
        assertThat(cleaner.cleanOnce()).isPresent();
        overwrite(log, 1);
        assertThat(cleaner.cleanOnce()).as("dirty ratio below 0.99").isEmpty();

        time.advance(60_001);

        assertThat(cleaner.cleanOnce()).isPresent();
        assertThat(describe(log)).containsExactly("6:a=a0", "7:b=b0");
    }

    @Test
    void shouldCleanAgainWhenAPendingDeleteHorizonHasPassed() {
        LogCleaner cleaner = cleaner(CONFIG, result -> { });
        PartitionLog log = open("deletes", LogConfig.DELETE_RETENTION_MS, 5_000);
        append(log, time, "a", "a1", "b", "b1");
        append(log, time, "a", null);
        rollAndCommit(log);
        cleaner.addLog(log, Runnable::run);

        assertThat(cleaner.cleanOnce().orElseThrow().pendingDeleteHorizonMs()).isEqualTo(time.milliseconds() + 5_000);
        assertThat(cleaner.cleanOnce()).isEmpty();
        time.advance(5_000);
        assertThat(cleaner.cleanOnce()).isPresent();

        assertThat(describe(log)).containsExactly("1:b=b1");
        assertThat(cleaner.cleanOnce()).isEmpty();
    }

    @Test
    void shouldMarkALogUncleanableWhenItsCleaningFailsAndGoOnWithOthers() throws Exception {
        LogCleaner cleaner = cleaner(CONFIG, result -> { });
        PartitionLog broken = open("broken");
        overwrite(broken, 3);
        PartitionLog healthy = open("healthy");
        overwrite(healthy, 2);
        Path brokenFile = broken.segments().get(0).log().file();
        try (FileChannel channel = FileChannel.open(brokenFile, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {'X'}), channel.size() - 2); // a value byte
        }
        cleaner.addLog(broken, Runnable::run);
        cleaner.addLog(healthy, Runnable::run);

        assertThat(cleaner.cleanOnce()).as("the failed pass returns nothing").isEmpty();
        assertThat(cleaner.uncleanablePartitions()).containsOnlyKeys(broken.topicPartition());
        assertThat(cleaner.uncleanablePartitions().get(broken.topicPartition()))
                .isInstanceOf(CorruptRecordException.class).hasMessageContaining("reason=crcMismatch");
        assertThat(CleanerTestSupport.filesEndingWith(broken.dir(), LogFiles.CLEANED_SUFFIX)).isEmpty();

        assertThat(cleaner.cleanOnce()).map(CleanResult::topicPartition).contains(healthy.topicPartition());
        assertThat(cleaner.cleanOnce()).isEmpty();
    }

    @Test
    @Timeout(20)
    void shouldCleanOnNamedThreadsThroughTheOwnersExecutorAndStopOnClose() throws Exception {
        ExecutorService owner = Executors.newSingleThreadExecutor();
        closeables.add(owner::shutdownNow);
        BlockingQueue<String> cleanedBy = new LinkedBlockingQueue<>();
        CleanerConfig twoThreads = CleanerConfig.parse(Map.of(CleanerConfig.THREADS, "2",
                CleanerConfig.DEDUPE_BUFFER_SIZE, "65536", CleanerConfig.BACKOFF_MS, "3600000"));
        LogCleaner cleaner = cleaner(twoThreads, result -> cleanedBy.add(Thread.currentThread().getName() + " "
                + result.topicPartition() + " " + result.cleanedUpToOffset()));
        PartitionLog log = owner.submit(() -> {
            PartitionLog opened = open("threaded");
            overwrite(opened, 3);
            return opened;
        }).get();
        cleaner.addLog(log, owner::execute);

        cleaner.startup();

        String first = cleanedBy.poll(10, TimeUnit.SECONDS);
        assertThat(first).matches("log-cleaner-[01] threaded-0 6");
        assertThat(cleaner.threads()).extracting(Thread::getName).containsExactly("log-cleaner-0", "log-cleaner-1");
        owner.submit(() -> overwrite(log, 2)).get();
        cleaner.wakeup();
        assertThat(cleanedBy.poll(10, TimeUnit.SECONDS)).endsWith("threaded-0 10");
        assertThat(owner.submit(() -> describe(log)).get()).containsExactly("8:a=a1", "9:b=b1");

        cleaner.close();

        assertThat(cleaner.threads()).noneMatch(Thread::isAlive);
        owner.submit(log::close).get();
        logs.remove(log);
    }

    @Test
    @Timeout(20)
    void shouldStopPromptlyWhileBackingOff() {
        LogCleaner cleaner = cleaner(CONFIG, result -> { });
        cleaner.startup();
        assertThat(cleaner.threads()).hasSize(1);

        cleaner.close();

        assertThat(cleaner.threads()).noneMatch(Thread::isAlive);
    }

    @Test
    void shouldStartNoThreadWhenDisabled() {
        LogCleaner cleaner = cleaner(CleanerConfig.parse(Map.of(CleanerConfig.ENABLE, "false")), result -> { });

        cleaner.startup();

        assertThat(cleaner.threads()).isEmpty();
    }

    @Test
    @Timeout(20)
    void shouldAbortAPendingSwapWhenTheLogIsRemoved() throws Exception {
        CountDownLatch swapRequested = new CountDownLatch(1);
        BlockingQueue<Runnable> parked = new LinkedBlockingQueue<>();
        AtomicInteger tasks = new AtomicInteger();
        Consumer<Runnable> owner = task -> {
            if (tasks.incrementAndGet() == 3) { // snapshot, cleaning inputs, then the swap
                parked.add(task);
                swapRequested.countDown();
            } else {
                task.run();
            }
        };
        PartitionLog log = open("removed");
        overwrite(log, 3);
        List<String> before = describe(log);
        LogCleaner cleaner = cleaner(CONFIG, result -> { });
        cleaner.addLog(log, owner);
        cleaner.startup();
        assertThat(swapRequested.await(10, TimeUnit.SECONDS)).isTrue();

        cleaner.removeLog(log.topicPartition());

        assertThat(CleanerTestSupport.filesEndingWith(log.dir(), LogFiles.CLEANED_SUFFIX)).isEmpty();
        parked.take().run();
        assertThat(describe(log)).as("the cancelled swap does nothing when the owner runs it late")
                .isEqualTo(before);
        assertThat(cleaner.uncleanablePartitions()).isEmpty();
        assertThat(cleaner.cleanedUpTo(new TopicPartition("removed", 0))).isEmpty();
    }
}
