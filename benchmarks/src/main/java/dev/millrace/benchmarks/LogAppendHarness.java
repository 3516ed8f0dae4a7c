package dev.millrace.benchmarks;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.time.Time;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.RecordBatchBuilder;
import dev.millrace.storage.flush.GroupCommitFlusher;
import dev.millrace.storage.log.AppendOrigin;
import dev.millrace.storage.log.LogAppendInfo;
import dev.millrace.storage.log.LogConfig;
import dev.millrace.storage.log.PartitionLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end harness for the storage engine's two write-path targets (issue M2), measured in one
 * run on one disk:
 *
 * <ol>
 *   <li><b>Append bandwidth</b>: {@code PartitionLog.appendAsLeader} of 16 KiB batches (full
 *   validation: CRC, record framing, offsets, index maintenance, segment rolls), no fsync, versus
 *   plain {@code FileChannel} writes of 16 KiB buffers. Target: at least 70%.</li>
 *   <li><b>Group commit</b>: with {@code flush.messages=1} (fsync per append), 32 writer threads
 *   hand appends to the partition's single owner thread and wait for durability through the
 *   group-commit flusher, versus one writer doing append + fsync per batch. Target: at least 20x.</li>
 * </ol>
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.millrace.benchmarks.LogAppendHarness [dir]}.
 * Each figure is the median of 3 rounds; the directory is deleted afterwards.
 */
public final class LogAppendHarness {
    private static final int BATCH_BYTES = 16 * 1024;
    private static final long BANDWIDTH_BYTES = 512L << 20;
    private static final int ROUNDS = 5;
    private static final int WRITERS = 32;
    private static final TopicPartition TP = new TopicPartition("bench", 0);

    private LogAppendHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path root = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("millrace-append-bench");
        Files.createDirectories(root);
        try {
            for (int segmentBytes : new int[] {1 << 30, 256 << 20}) {
                double[] raw = new double[ROUNDS];
                double[] log = new double[ROUNDS];
                for (int i = 0; i < ROUNDS; i++) {
                    raw[i] = rawWriteMbPerSec(root);
                    log[i] = logAppendMbPerSec(root, segmentBytes);
                }
                System.out.printf("append 16 KiB batches, no fsync, segment.bytes=%d (median of %d interleaved rounds):"
                        + " FileChannel %.0f MB/s, PartitionLog %.0f MB/s, ratio %.2f (target >= 0.70)%n", segmentBytes,
                        ROUNDS, median(raw), median(log), median(log) / median(raw));
            }
            for (int batchBytes : new int[] {1024, BATCH_BYTES}) {
                double[] single = new double[ROUNDS];
                double[] group = new double[ROUNDS];
                double[] threads = new double[ROUNDS];
                for (int i = 0; i < ROUNDS; i++) {
                    single[i] = singleWriterFsyncPerSec(root, batchBytes);
                    group[i] = groupCommitPerSec(root, batchBytes);
                    threads[i] = groupCommitBlockingThreadsPerSec(root, batchBytes);
                }
                System.out.printf("fsync per append, %d-byte batches: 1 writer %.0f appends/s; %d writers with group "
                        + "commit: %.0f appends/s event-driven (ratio %.1fx, target >= 20x), %.0f appends/s as %d "
                        + "blocked threads (ratio %.1fx)%n", batchBytes, median(single), WRITERS, median(group),
                        median(group) / median(single), median(threads), WRITERS, median(threads) / median(single));
            }
        } finally {
            deleteRecursively(root);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A batch of about {@code bytes} bytes of 100-byte random values with small keys. */
    static MemoryRecords batch(Random random, int bytes) {
        RecordBatchBuilder builder = new RecordBatchBuilder().initialCapacity(bytes + 1024);
        byte[] value = new byte[100];
        int size = 61;
        int i = 0;
        while (size + 120 < bytes) {
            random.nextBytes(value);
            builder.append(1_700_000_000_000L, ("key-" + i++).getBytes(), value.clone());
            size += 115;
        }
        return builder.build();
    }

    private static double rawWriteMbPerSec(Path root) throws IOException {
        Path file = root.resolve("raw.bin");
        ByteBuffer buffer = ByteBuffer.allocate(BATCH_BYTES);
        new Random(1).nextBytes(buffer.array());
        long start = Time.SYSTEM.nanoseconds();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long written = 0; written < BANDWIDTH_BYTES; written += BATCH_BYTES) {
                buffer.clear();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        }
        double seconds = (Time.SYSTEM.nanoseconds() - start) / 1e9;
        Files.delete(file);
        return BANDWIDTH_BYTES / 1e6 / seconds;
    }

    /**
     * Appends through the log; with {@code segmentBytes} below the volume written, rolls happen, and
     * each roll fsyncs the finished segment (design choice D-D in ARCHITECTURE.md).
     */
    private static double logAppendMbPerSec(Path root, int segmentBytes) throws IOException {
        Path dir = Files.createTempDirectory(root, "log");
        MemoryRecords records = batch(new Random(2), BATCH_BYTES);
        LogConfig config = LogConfig.parse(Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(segmentBytes)));
        long bytes = 0;
        long start = Time.SYSTEM.nanoseconds();
        try (PartitionLog log = PartitionLog.open(dir, TP, config, 0, 0, true, Time.SYSTEM, null)) {
            while (bytes < BANDWIDTH_BYTES) {
                log.appendAsLeader(records, 0, AppendOrigin.CLIENT);
                bytes += records.sizeInBytes();
            }
            double seconds = (Time.SYSTEM.nanoseconds() - start) / 1e9;
            return bytes / 1e6 / seconds;
        } finally {
            deleteRecursively(dir);
        }
    }

    private static double singleWriterFsyncPerSec(Path root, int batchBytes) throws IOException {
        Path dir = Files.createTempDirectory(root, "fsync1");
        MemoryRecords records = batch(new Random(3), batchBytes);
        LogConfig config = LogConfig.parse(Map.of(LogConfig.FLUSH_MESSAGES, "1"));
        int appends = 300;
        try (PartitionLog log = PartitionLog.open(dir, TP, config, 0, 0, true, Time.SYSTEM, null)) {
            long start = Time.SYSTEM.nanoseconds();
            for (int i = 0; i < appends; i++) {
                log.appendAsLeader(records, 0, AppendOrigin.CLIENT).durable().join();
            }
            return appends / ((Time.SYSTEM.nanoseconds() - start) / 1e9);
        } finally {
            deleteRecursively(dir);
        }
    }

    /**
     * 32 writers, one partition, modelled as the server will run them: each writer is a producer
     * connection with one append in flight; its append runs on the partition's owner thread and,
     * when the group-commit fsync covering it completes, the completion submits that writer's next
     * append (as a network event loop would answer and read the next request). No thread blocks.
     */
    private static double groupCommitPerSec(Path root, int batchBytes) throws Exception {
        Path dir = Files.createTempDirectory(root, "group");
        LogConfig config = LogConfig.parse(Map.of(LogConfig.FLUSH_MESSAGES, "1"));
        int perWriter = 300;
        ExecutorService owner = Executors.newSingleThreadExecutor(r -> new Thread(r, "partition-owner"));
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(WRITERS);
        AtomicLong done = new AtomicLong();
        try (GroupCommitFlusher flusher = GroupCommitFlusher.start(0);
             PartitionLog log = PartitionLog.open(dir, TP, config, 0, 0, true, Time.SYSTEM, flusher)) {
            long start = Time.SYSTEM.nanoseconds();
            for (int w = 0; w < WRITERS; w++) {
                MemoryRecords records = batch(new Random(10 + w), batchBytes);
                new Writer(owner, log, records, perWriter, done, finished).next();
            }
            finished.await();
            double seconds = (Time.SYSTEM.nanoseconds() - start) / 1e9;
            return done.get() / seconds;
        } finally {
            owner.shutdownNow();
            deleteRecursively(dir);
        }
    }

    /** One event-driven writer: append on the owner thread, then, once durable, the next append. */
    private static final class Writer {
        private final ExecutorService owner;
        private final PartitionLog log;
        private final MemoryRecords records;
        private final AtomicLong done;
        private final java.util.concurrent.CountDownLatch finished;
        private int remaining;

        Writer(ExecutorService owner, PartitionLog log, MemoryRecords records, int count, AtomicLong done,
               java.util.concurrent.CountDownLatch finished) {
            this.owner = owner;
            this.log = log;
            this.records = records;
            this.remaining = count;
            this.done = done;
            this.finished = finished;
        }

        void next() {
            owner.execute(() -> log.appendAsLeader(records, 0, AppendOrigin.CLIENT).durable()
                    .thenRun(this::onDurable));
        }

        private void onDurable() {
            done.incrementAndGet();
            if (--remaining == 0) {
                finished.countDown();
            } else {
                next();
            }
        }
    }

    /** The same 32 writers as OS threads that block until their append is durable. */
    private static double groupCommitBlockingThreadsPerSec(Path root, int batchBytes) throws Exception {
        Path dir = Files.createTempDirectory(root, "group");
        LogConfig config = LogConfig.parse(Map.of(LogConfig.FLUSH_MESSAGES, "1"));
        int perWriter = 150;
        ExecutorService owner = Executors.newSingleThreadExecutor(r -> new Thread(r, "partition-owner"));
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        AtomicLong done = new AtomicLong();
        try (GroupCommitFlusher flusher = GroupCommitFlusher.start(0);
             PartitionLog log = PartitionLog.open(dir, TP, config, 0, 0, true, Time.SYSTEM, flusher)) {
            List<Future<?>> futures = new ArrayList<>();
            long start = Time.SYSTEM.nanoseconds();
            for (int w = 0; w < WRITERS; w++) {
                MemoryRecords records = batch(new Random(10 + w), batchBytes);
                futures.add(writers.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        CompletableFuture<Void> durable = CompletableFuture.supplyAsync(
                                () -> log.appendAsLeader(records, 0, AppendOrigin.CLIENT), owner)
                                .thenCompose(LogAppendInfo::durable);
                        durable.join();
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            double seconds = (Time.SYSTEM.nanoseconds() - start) / 1e9;
            owner.submit(() -> { }).get();
            return done.get() / seconds;
        } finally {
            writers.shutdownNow();
            owner.shutdownNow();
            deleteRecursively(dir);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
