package dev.millrace.storage.log;

import static dev.millrace.storage.log.TestBatches.batch;
import static dev.millrace.storage.log.TestBatches.offsetsAndValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.time.ManualTime;
import dev.millrace.storage.CorruptLogException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash consistency of the log: a torn active segment is cut back to its last whole valid batch at
 * every possible byte boundary; corruption in a flushed (non-active) segment is reported, not
 * skipped; indexes are rebuilt either way.
 */
class LogRecoveryTest {
    private static final TopicPartition TP = new TopicPartition("events", 0);
    private static final Map<String, String> SMALL = Map.of(LogConfig.SEGMENT_BYTES, "400",
            LogConfig.SEGMENT_INDEX_BYTES, "4096", LogConfig.INDEX_INTERVAL_BYTES, "60");
    private final ManualTime time = new ManualTime(1_700_000_000_000L);

    @TempDir
    Path root;

    /** Writes 15 batches without closing (as a crash would leave them) and returns the last batches' bounds. */
    private List<FileBatch> writeCrashedLog(Path dir) {
        PartitionLog log = PartitionLog.open(dir, TP, LogConfig.parse(SMALL), 0, 0, true, time, null);
        for (int i = 0; i < 15; i++) {
            log.appendAsLeader(batch(time.milliseconds(), "value-" + i, "second-" + i), 0, AppendOrigin.CLIENT);
        }
        log.flush();
        LogSegment active = log.segments().get(log.segments().size() - 1);
        return active.log().batches();
    }

    private static void copyDir(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static Path activeLogFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".log")).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    @Test
    void shouldTruncateTornActiveSegmentToLastWholeBatchAtEveryByteBoundary() throws IOException {
        Path original = root.resolve("original");
        List<FileBatch> activeBatches = writeCrashedLog(original);
        assertThat(activeBatches).hasSizeGreaterThanOrEqualTo(2);
        FileBatch last = activeBatches.get(activeBatches.size() - 1);
        FileBatch previous = activeBatches.get(activeBatches.size() - 2);
        int end = last.position() + last.sizeInBytes();
        for (int cut = previous.position(); cut <= end; cut++) {
            Path copy = root.resolve("cut-" + cut);
            copyDir(original, copy);
            try (FileChannel channel = FileChannel.open(activeLogFile(copy), StandardOpenOption.WRITE)) {
                channel.truncate(cut);
            }
            long expectedEnd = cut == end ? last.nextOffset()
                    : cut >= last.position() ? last.baseOffset() : previous.baseOffset();
            try (PartitionLog log = PartitionLog.open(copy, TP, LogConfig.parse(SMALL), 0, 0, false, time, null)) {
                assertThat(log.logEndOffset()).as("cut=" + cut).isEqualTo(expectedEnd);
                if (cut != end && cut != previous.position() && cut != last.position()) {
                    assertThat(log.recoveryNotes()).as("cut=" + cut).anyMatch(n -> n.contains("truncatedTornTail"));
                }
                List<String> values = TestBatches.values(log, 0);
                assertThat(values).as("cut=" + cut).startsWith("0:value-0", "1:second-0").hasSize((int) expectedEnd);
                LogIntegrity.check(log);
                LogAppendInfo info = log.appendAsLeader(batch(time.milliseconds(), "after"), 0, AppendOrigin.CLIENT);
                assertThat(info.firstOffset()).as("cut=" + cut).isEqualTo(expectedEnd);
            }
        }
    }

    @Test
    void shouldReportCorruptBatchInTheMiddleOfANonActiveSegment() throws IOException {
        Path dir = root.resolve("corrupt");
        try (PartitionLog log = PartitionLog.open(dir, TP, LogConfig.parse(SMALL), 0, 0, true, time, null)) {
            for (int i = 0; i < 15; i++) {
                log.appendAsLeader(batch(time.milliseconds(), "value-" + i), 0, AppendOrigin.CLIENT);
            }
            assertThat(log.segments()).hasSizeGreaterThanOrEqualTo(3);
        }
        Path first = dir.resolve("00000000000000000000.log");
        FileBatch victim;
        try (FileRecords records = FileRecords.open(first)) {
            victim = records.batches().get(1);
        }
        try (RandomAccessFile file = new RandomAccessFile(first.toFile(), "rw")) {
            long at = victim.position() + victim.sizeInBytes() - 2;
            file.seek(at);
            int b = file.read();
            file.seek(at);
            file.write(b ^ 0xff);
        }
        assertThatThrownBy(() -> PartitionLog.open(dir, TP, LogConfig.parse(SMALL), 0, 0, false, time, null))
                .isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("file=" + first)
                .hasMessageContaining("position=" + victim.position())
                .hasMessageContaining("offset=" + victim.baseOffset())
                .hasMessageContaining("crcMismatch");
    }

    @Test
    void shouldRebuildMissingIndexesAfterCleanShutdown() throws IOException {
        Path dir = root.resolve("indexes");
        try (PartitionLog log = PartitionLog.open(dir, TP, LogConfig.parse(SMALL), 0, 0, true, time, null)) {
            for (int i = 0; i < 15; i++) {
                log.appendAsLeader(batch(time.milliseconds(), "value-" + i), 0, AppendOrigin.CLIENT);
            }
        }
        Files.delete(dir.resolve("00000000000000000000.index"));
        try (PartitionLog log = PartitionLog.open(dir, TP, LogConfig.parse(SMALL), 15, 0, true, time, null)) {
            assertThat(log.recoveryNotes()).anyMatch(n -> n.contains("indexFilesMissing"));
            assertThat(log.logEndOffset()).isEqualTo(15);
            assertThat(offsetsAndValues(((FileRecords) log.read(2, 100, FetchIsolation.LOG_END, true).records())
                    .readAll(), 2)).startsWith("2:value-2");
            LogIntegrity.check(log);
        }
    }
}
