package dev.millrace.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.Uuid;
import dev.millrace.common.time.ManualTime;
import dev.millrace.metadata.records.ProducerIdsRecord;
import dev.millrace.metadata.records.TopicRecord;
import dev.millrace.protocol.types.Message;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataLogTest {
    private final ManualTime time = new ManualTime(1_700_000_000_000L);

    @TempDir
    Path dataDir;

    private record Batch(List<Message> records, long lastOffset) {
    }

    private static List<Batch> readAll(MetadataLog log) {
        List<Batch> batches = new ArrayList<>();
        log.replay((records, lastOffset) -> batches.add(new Batch(records, lastOffset)));
        return batches;
    }

    private static List<Message> batch(int n) {
        return List.of(new TopicRecord().setName("t" + n).setTopicId(new Uuid(7, n)),
                new ProducerIdsRecord().setBrokerId(1).setNextProducerId(1000L * (n + 1)));
    }

    @Test
    void shouldReplayEveryBatchAfterCloseAndReopen() {
        List<Batch> written = new ArrayList<>();
        try (MetadataLog log = MetadataLog.open(dataDir, time)) {
            assertThat(log.previousShutdownWasClean()).isFalse();
            for (int i = 0; i < 3; i++) {
                written.add(new Batch(batch(i), log.append(batch(i))));
            }
            assertThat(log.endOffset()).isEqualTo(6);
        }
        assertThat(dataDir.resolve("__cluster_metadata-0").resolve(MetadataLog.CLEAN_SHUTDOWN_FILE)).exists();
        try (MetadataLog log = MetadataLog.open(dataDir, time)) {
            assertThat(log.previousShutdownWasClean()).isTrue();
            assertThat(readAll(log)).isEqualTo(written);
            assertThat(written.get(2).lastOffset()).isEqualTo(5);
        }
    }

    @Test
    void shouldDropOnlyTheTornLastBatchAfterACrash() throws IOException {
        MetadataLog log = MetadataLog.open(dataDir, time);
        for (int i = 0; i < 3; i++) {
            log.append(batch(i));
        }
        Path segment;
        try (Stream<Path> files = Files.list(log.dir())) {
            segment = files.filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
        }
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 5);
        }
        // No close: the process "crashed"; the reopened log must recover on its own.
        try (MetadataLog reopened = MetadataLog.open(dataDir, time)) {
            assertThat(reopened.previousShutdownWasClean()).isFalse();
            List<Batch> batches = readAll(reopened);
            assertThat(batches).extracting(Batch::records).containsExactly(batch(0), batch(1));
            assertThat(reopened.endOffset()).isEqualTo(4);
            assertThat(reopened.append(batch(5))).isEqualTo(5);
        }
    }

    @Test
    void shouldRefuseAnEmptyBatch() {
        try (MetadataLog log = MetadataLog.open(dataDir, time)) {
            assertThatThrownBy(() -> log.append(List.of())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("reason=emptyMetadataBatch");
        }
    }
}
