package dev.millrace.storage.epoch;

import static dev.millrace.storage.epoch.OffsetAndEpoch.UNDEFINED;
import static dev.millrace.storage.epoch.OffsetAndEpoch.UNDEFINED_EPOCH;
import static dev.millrace.storage.epoch.OffsetAndEpoch.UNDEFINED_EPOCH_OFFSET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.storage.CorruptIndexException;
import dev.millrace.storage.LogStorageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Behaviour tables for the leader epoch cache. Each case restates a behaviour of Kafka's
 * {@code LeaderEpochFileCache} (as its tests and the {@code OffsetForLeaderEpoch} handling define it).
 */
class LeaderEpochCacheTest {
    @TempDir
    Path dir;

    private LeaderEpochCache open() {
        return LeaderEpochCache.open(dir);
    }

    private static EpochEntry e(int epoch, long startOffset) {
        return new EpochEntry(epoch, startOffset);
    }

    private static OffsetAndEpoch answer(int epoch, long offset) {
        return new OffsetAndEpoch(offset, epoch);
    }

    /** Builds a cache from "epoch:offset epoch:offset ..." assignments. */
    private LeaderEpochCache cacheWith(String assignments) {
        LeaderEpochCache cache = open();
        for (String pair : assignments.trim().split(" ")) {
            String[] parts = pair.split(":");
            cache.assign(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
        }
        return cache;
    }

    @Test
    void shouldStartEmptyWithoutCheckpointFile() {
        LeaderEpochCache cache = open();
        assertThat(cache.isEmpty()).isTrue();
        assertThat(cache.latestEpoch()).isEmpty();
        assertThat(cache.latestEntry()).isEmpty();
        assertThat(cache.earliestEntry()).isEmpty();
        assertThat(cache.epochForOffset(0)).isEmpty();
        assertThat(cache.endOffsetFor(7, 0)).isEqualTo(UNDEFINED);
        assertThat(cache.truncateFromStart(7)).isFalse();
        assertThat(cache.truncateFromEnd(7)).isFalse();
        assertThat(Files.exists(cache.checkpointFile())).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // first assignment is recorded
        "2:10                 | 2:10",
        // an epoch keeps its first start offset (Kafka: shouldNotOverwriteOffsetForALeaderEpochOnceItHasBeenAssigned)
        "2:6 2:10             | 2:6",
        "2:9 2:9              | 2:9",
        // the same epoch at an earlier offset replaces its entry
        "5:11 6:12 7:13 7:12  | 5:11 7:12",
        // a newer epoch at the same start offset replaces the older one (no data was written in it)
        "2:9 3:9              | 3:9",
        // a newer epoch at an earlier offset removes the conflicting entries
        "2:6 3:5              | 3:5",
        "1:0 2:10 3:20 4:15   | 1:0 2:10 4:15",
        // a lower epoch than the latest truncates the later epochs (Kafka: shouldEnforceMonotonicallyIncreasingEpochs)
        "1:5 2:6 1:7          | 1:7",
        "0:0 3:10 5:20 4:30   | 0:0 3:10 4:30",
        // a follower appending many batches in the same epochs
        "0:0 0:1 0:2 1:3 1:4 2:6 2:8 | 0:0 1:3 2:6",
    })
    void shouldAssignEpochsLikeKafka(String assignments, String expected) {
        LeaderEpochCache cache = cacheWith(assignments);
        assertThat(cache.entries()).isEqualTo(parseEntries(expected));
        assertThat(LeaderEpochCache.open(dir).entries()).as("reloaded").isEqualTo(cache.entries());
    }

    private static List<EpochEntry> parseEntries(String text) {
        return java.util.Arrays.stream(text.trim().split(" "))
                .map(pair -> pair.split(":"))
                .map(parts -> e(Integer.parseInt(parts[0]), Long.parseLong(parts[1])))
                .toList();
    }

    @Test
    void shouldReportWhetherAssignChangedTheCache() {
        LeaderEpochCache cache = open();
        assertThat(cache.assign(2, 6)).isTrue();
        assertThat(cache.assign(2, 7)).isFalse();
        assertThat(cache.assign(3, 8)).isTrue();
        assertThat(cache.latestEpoch()).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void shouldRejectNegativeEpochOrOffset() {
        LeaderEpochCache cache = open();
        assertThatThrownBy(() -> cache.assign(-1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epoch=-1 startOffset=0");
        assertThatThrownBy(() -> cache.assign(0, -5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.truncateFromEnd(-2)).hasMessageContaining("endOffset=-2");
        assertThatThrownBy(() -> cache.truncateFromStart(-2)).hasMessageContaining("startOffset=-2");
    }

    @ParameterizedTest(name = "[{index}] cache {0}, requested epoch {1}, LEO {2} -> epoch {3} offset {4}")
    @CsvSource(delimiter = '|', value = {
        // the latest epoch ends at the log end offset
        "2:10               | 2  | 11 | 2  | 11",
        "2:11 2:12          | 2  | 14 | 2  | 14",
        // UNDEFINED_EPOCH requested: undefined
        "2:11 3:12          | -1 | 0  | -1 | -1",
        // an epoch above every known epoch: undefined
        "2:100              | 3  | 100 | -1 | -1",
        // an epoch below the earliest: the requested epoch, ending where the earliest starts
        "5:11 6:12 7:13     | 4  | 0  | 4  | 11",
        // an earlier epoch ends where the next recorded epoch starts
        "1:11 1:12 2:13 2:14 3:15 3:16 | 2 | 17 | 2 | 15",
        "0:10 2:13 4:17     | 1  | 0  | 0  | 13",
        "0:10 2:13 4:17     | 2  | 0  | 2  | 17",
        "0:10 2:13 4:17     | 3  | 0  | 2  | 17",
        // epochs with no data written between them end at the same offset
        "0:0 1:0            | 0  | 5  | 0  | 0",
        "0:0 1:0            | 1  | 5  | 1  | 5",
        "0:0 1:0 2:5        | 1  | 10 | 1  | 5",
        // a truncated-away epoch
        "5:11 6:12 7:13 7:12 | 6 | 0  | 5  | 12",
        "1:5 2:6 1:7        | 2  | 8  | -1 | -1",
    })
    void shouldAnswerEndOffsetForEpochLikeKafka(String assignments, int requested, long logEndOffset,
            int expectedEpoch, long expectedOffset) {
        LeaderEpochCache cache = cacheWith(assignments);
        assertThat(cache.endOffsetFor(requested, logEndOffset)).isEqualTo(answer(expectedEpoch, expectedOffset));
    }

    @Test
    void shouldAnswerUndefinedForUndefinedEpochOnEmptyCache() {
        assertThat(open().endOffsetFor(UNDEFINED_EPOCH, 73)).isEqualTo(UNDEFINED);
        assertThat(UNDEFINED.isUndefined()).isTrue();
        assertThat(UNDEFINED.offset()).isEqualTo(UNDEFINED_EPOCH_OFFSET);
    }

    @ParameterizedTest(name = "[{index}] offset {0} -> epoch {1}")
    @CsvSource({
        "0, -1", "5, -1", "6, 2", "7, 2", "8, 3", "10, 3", "11, 4", "1000, 4",
    })
    void shouldFindTheEpochThatWroteAnOffset(long offset, int expectedEpoch) {
        LeaderEpochCache cache = cacheWith("2:6 3:8 4:11");
        OptionalInt expected = expectedEpoch < 0 ? OptionalInt.empty() : OptionalInt.of(expectedEpoch);
        assertThat(cache.epochForOffset(offset)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] truncateFromEnd({0}) -> {1}")
    @CsvSource(delimiter = '|', value = {
        "12 | 2:6 3:8 4:11",
        "11 | 2:6 3:8",
        "9  | 2:6 3:8",
        "8  | 2:6",
        "7  | 2:6",
        "-1 | 2:6 3:8 4:11",
        "0  | ",
    })
    void shouldTruncateFromEndLikeKafka(long endOffset, String expected) {
        LeaderEpochCache cache = cacheWith("2:6 3:8 4:11");
        List<EpochEntry> before = cache.entries();
        List<EpochEntry> after = expected == null ? List.of() : parseEntries(expected);
        assertThat(cache.truncateFromEnd(endOffset)).isEqualTo(!after.equals(before));
        assertThat(cache.entries()).isEqualTo(after);
        assertThat(LeaderEpochCache.open(dir).entries()).as("reloaded").isEqualTo(after);
    }

    @ParameterizedTest(name = "[{index}] truncateFromStart({0}) -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1  | 2:6 3:8 4:11",
        "6  | 2:6 3:8 4:11",
        "7  | 2:7 3:8 4:11",
        "8  | 3:8 4:11",
        "9  | 3:9 4:11",
        "11 | 4:11",
        "15 | 4:15",
        "-1 | 2:6 3:8 4:11",
    })
    void shouldTruncateFromStartLikeKafka(long startOffset, String expected) {
        LeaderEpochCache cache = cacheWith("2:6 3:8 4:11");
        List<EpochEntry> before = cache.entries();
        List<EpochEntry> after = parseEntries(expected);
        assertThat(cache.truncateFromStart(startOffset)).isEqualTo(!after.equals(before));
        assertThat(cache.entries()).isEqualTo(after);
        assertThat(LeaderEpochCache.open(dir).entries()).as("reloaded").isEqualTo(after);
    }

    @Test
    void shouldMoveFirstEntryWhenStartFallsBetweenFirstTwoEpochs() {
        LeaderEpochCache cache = cacheWith("0:0 1:7 2:10");
        cache.truncateFromStart(5);
        assertThat(cache.entries()).containsExactly(e(0, 5), e(1, 7), e(2, 10));
    }

    @Test
    void shouldPersistEveryChangeInKafkaCheckpointFormat() throws IOException {
        LeaderEpochCache cache = open();
        Path file = dir.resolve("leader-epoch-checkpoint");
        assertThat(cache.checkpointFile()).isEqualTo(file.toAbsolutePath());
        cache.assign(0, 0);
        assertThat(Files.readString(file)).isEqualTo("0\n1\n0 0\n");
        cache.assign(3, 100);
        cache.assign(4, 250);
        assertThat(Files.readString(file)).isEqualTo("0\n3\n0 0\n3 100\n4 250\n");
        cache.truncateFromEnd(200);
        assertThat(Files.readString(file)).isEqualTo("0\n2\n0 0\n3 100\n");
        cache.truncateFromStart(150);
        assertThat(Files.readString(file)).isEqualTo("0\n1\n3 150\n");
        cache.truncateFromEnd(0);
        assertThat(Files.readString(file)).isEqualTo("0\n0\n");
    }

    @Test
    void shouldReloadAFileWrittenByKafka() throws IOException {
        Files.writeString(dir.resolve("leader-epoch-checkpoint"), "0\n3\n0 0\n3 100\n4 250\n");
        LeaderEpochCache cache = open();
        assertThat(cache.entries()).containsExactly(e(0, 0), e(3, 100), e(4, 250));
        assertThat(cache.earliestEntry()).contains(e(0, 0));
        assertThat(cache.latestEntry()).contains(e(4, 250));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "0\\n2\\n3 100\\n3 200\\n | line=4 previousEpoch=3 previousStartOffset=100 epoch=3 startOffset=200",
        "0\\n2\\n3 100\\n2 200\\n | line=4 previousEpoch=3",
        "0\\n2\\n3 100\\n4 100\\n | line=4 previousEpoch=3 previousStartOffset=100 epoch=4 startOffset=100",
        "0\\n1\\n-1 0\\n         | line=3 epoch=-1 startOffset=0",
        "0\\n1\\n1\\n            | line=3 expectedFields=2 actualFields=1",
        "0\\n2\\n1 0\\n          | line=4 expectedEntries=2 actualEntries=1 reason=missingEntries",
    })
    void shouldRejectCorruptCheckpointNamingLine(String escaped, String facts) throws IOException {
        Path file = dir.resolve("leader-epoch-checkpoint");
        Files.writeString(file, escaped.replace("\\n", "\n"));
        assertThatThrownBy(this::open)
                .isInstanceOf(CorruptIndexException.class)
                .hasMessageContaining("file=" + file.toAbsolutePath())
                .hasMessageContaining(facts);
    }

    @Test
    void shouldLeaveCacheUnchangedWhenCheckpointWriteFails() throws IOException {
        LeaderEpochCache cache = cacheWith("1:0 2:10");
        Path temp = dir.resolve("leader-epoch-checkpoint.tmp");
        Files.createDirectory(temp);
        Files.writeString(temp.resolve("blocker"), "x");

        assertThatThrownBy(() -> cache.assign(3, 20)).isInstanceOf(LogStorageException.class);
        assertThatThrownBy(() -> cache.truncateFromEnd(5)).isInstanceOf(LogStorageException.class);
        assertThatThrownBy(() -> cache.truncateFromStart(5)).isInstanceOf(LogStorageException.class);
        assertThat(cache.entries()).containsExactly(e(1, 0), e(2, 10));
        assertThat(cache.latestEpoch()).isEqualTo(OptionalInt.of(2));
        assertThat(LeaderEpochCache.open(dir).entries()).containsExactly(e(1, 0), e(2, 10));
    }
}
