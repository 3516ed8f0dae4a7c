package dev.millrace.storage.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.TopicPartition;
import dev.millrace.storage.CorruptIndexException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OffsetCheckpointFileTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x5EED_C4EC_0002L);

    @TempDir
    Path dir;

    @Test
    void shouldUseKafkaFileNamesInTheLogDirectory() {
        assertThat(OffsetCheckpointFile.recoveryPoints(dir).file())
                .isEqualTo(dir.resolve("recovery-point-offset-checkpoint").toAbsolutePath());
        assertThat(OffsetCheckpointFile.logStartOffsets(dir).file())
                .isEqualTo(dir.resolve("log-start-offset-checkpoint").toAbsolutePath());
    }

    @Test
    void shouldWriteTopicPartitionOffsetLinesSortedByTopicThenPartition() throws IOException {
        OffsetCheckpointFile file = OffsetCheckpointFile.recoveryPoints(dir);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        offsets.put(new TopicPartition("orders", 10), 5L);
        offsets.put(new TopicPartition("orders", 2), 1200L);
        offsets.put(new TopicPartition("audit", 0), 0L);
        file.write(offsets);
        assertThat(Files.readString(file.file())).isEqualTo("0\n3\naudit 0 0\norders 2 1200\norders 10 5\n");
        assertThat(file.read()).isEqualTo(offsets);
    }

    @Test
    void shouldReadAFileWrittenByKafka() throws IOException {
        Path path = dir.resolve(OffsetCheckpointFile.LOG_START_OFFSET_FILE_NAME);
        Files.writeString(path, "0\n2\n__consumer_offsets 17 4096\nmy.topic-v2 0 9223372036854775807\n");
        Map<TopicPartition, Long> offsets = OffsetCheckpointFile.logStartOffsets(dir).read();
        assertThat(offsets).containsExactly(
                Map.entry(new TopicPartition("__consumer_offsets", 17), 4096L),
                Map.entry(new TopicPartition("my.topic-v2", 0), Long.MAX_VALUE));
    }

    @Test
    void shouldReadMissingFileAsEmptyMap() {
        assertThat(OffsetCheckpointFile.recoveryPoints(dir).read()).isEmpty();
    }

    @Test
    void shouldRoundTripRandomOffsetMaps() {
        OffsetCheckpointFile file = OffsetCheckpointFile.recoveryPoints(dir);
        for (int round = 0; round < 40; round++) {
            long seed = SEED + round;
            Random random = new Random(seed);
            Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
            int count = random.nextInt(30);
            for (int i = 0; i < count; i++) {
                String topic = "t" + random.nextInt(5) + (random.nextBoolean() ? "_x" : ".y-z");
                offsets.put(new TopicPartition(topic, random.nextInt(64)), random.nextLong() & Long.MAX_VALUE);
            }
            file.write(offsets);
            assertThat(file.read()).as("seed=%d", seed).isEqualTo(offsets);
        }
    }

    @ParameterizedTest(name = "[{index}] line {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "0\\n2\\na 0 1\\na 0 2\\n      | 4 | topicPartition=a-0 firstOffset=1 secondOffset=2 reason=duplicatePartition",
        "0\\n1\\na 0 -1\\n            | 3 | offset=-1 reason=negativeOffset",
        "0\\n1\\na -3 1\\n            | 3 | partition=-3 reason=negativePartition",
        "0\\n1\\nbad/topic 0 1\\n     | 3 | reason=illegalTopicName",
        "0\\n1\\na 0\\n               | 3 | expectedFields=3 actualFields=2",
        "0\\n1\\na 0x 1\\n            | 3 | field=partition value='0x' reason=notANumber",
        "1\\n1\\na 0 1\\n             | 1 | expectedVersion=0 actualVersion=1",
    })
    void shouldRejectCorruptOffsetCheckpointNamingLine(String escaped, int line, String facts) throws IOException {
        OffsetCheckpointFile file = OffsetCheckpointFile.recoveryPoints(dir);
        Files.writeString(file.file(), escaped.replace("\\n", "\n"));
        assertThatThrownBy(file::read)
                .isInstanceOf(CorruptIndexException.class)
                .hasMessageStartingWith("file=" + file.file() + " line=" + line + " ")
                .hasMessageContaining(facts);
    }

    @Test
    void shouldRejectNegativeOrMissingOffsetsBeforeTouchingDisk() throws IOException {
        OffsetCheckpointFile file = OffsetCheckpointFile.recoveryPoints(dir);
        file.write(Map.of(new TopicPartition("a", 0), 1L));
        String before = Files.readString(file.file());
        assertThatThrownBy(() -> file.write(Map.of(new TopicPartition("a", 0), -1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topicPartition=a-0 offset=-1");
        Map<TopicPartition, Long> withNull = new HashMap<>();
        withNull.put(new TopicPartition("a", 1), null);
        assertThatThrownBy(() -> file.write(withNull)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readString(file.file())).isEqualTo(before);
    }

    @Test
    void shouldRejectIllegalTopicNamesAndNegativePartitionsOnWrite() {
        OffsetCheckpointFile file = OffsetCheckpointFile.recoveryPoints(dir);
        file.write(Map.of(new TopicPartition("x".repeat(249), 0), 1L, new TopicPartition("a.b_c-D9", 1), 2L));
        for (String illegal : List.of("", ".", "..", "has space", "slash/", "x".repeat(250), "caf\u00e9", "a\nb")) {
            assertThatThrownBy(() -> file.write(Map.of(new TopicPartition(illegal, 0), 1L)))
                    .as("topic=%s", illegal)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("reason=illegalTopicName");
        }
        assertThatThrownBy(() -> file.write(Map.of(new TopicPartition("a", -1), 1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topicPartition=a--1 partition=-1 reason=negativePartition");
        assertThat(file.read()).hasSize(2);
    }
}
