package dev.millrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.clients.producer.RecordPartitioner;
import dev.millrace.common.TopicPartition;
import dev.millrace.common.time.ManualTime;
import dev.millrace.protocol.record.CompressionType;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.Record;
import dev.millrace.protocol.record.RecordBatch;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineProducerTest {
    private record Sent(TopicPartition partition, MemoryRecords batch) {
    }

    private static String text(ByteBuffer bytes) {
        return bytes == null ? null : StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
    }

    private static List<String> keyValues(MemoryRecords batch) {
        List<String> out = new ArrayList<>();
        for (Record record : batch.records()) {
            out.add(text(record.key()) + "=" + text(record.value()));
        }
        return out;
    }

    private static List<Sent> produce(LineProducer producer, String input) {
        List<Sent> sent = new ArrayList<>();
        producer.run(new BufferedReader(new StringReader(input)), (tp, batch) -> sent.add(new Sent(tp, batch)));
        return sent;
    }

    @Test
    void shouldSplitKeysAtTheSeparatorAndPartitionByMurmur2() {
        ManualTime time = new ManualTime(1_700_000_000_000L);
        LineProducer producer = new LineProducer("t", 3, true, ":", CompressionType.NONE, 16384,
                new RecordPartitioner(0), time);
        List<Sent> sent = produce(producer, "k1:v1\nk2:hello world\nk1:v:3\n");
        assertThat(sent).extracting(s -> s.partition().partition()).containsExactly(0, 2);
        assertThat(keyValues(sent.get(0).batch())).containsExactly("k2=hello world");
        assertThat(keyValues(sent.get(1).batch())).containsExactly("k1=v1", "k1=v:3");
        for (Record record : sent.get(1).batch().records()) {
            assertThat(record.timestamp()).isEqualTo(1_700_000_000_000L);
        }
    }

    @Test
    void shouldSendWholeLinesAsValuesWithNullKeysToOneStickyPartitionPerBatch() {
        LineProducer producer = new LineProducer("t", 4, false, "\t", CompressionType.GZIP, 16384,
                new RecordPartitioner(1), new ManualTime(0));
        List<Sent> sent = produce(producer, "a\tb\nc\n");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).partition()).isEqualTo(new TopicPartition("t", 1));
        assertThat(keyValues(sent.get(0).batch())).containsExactly("null=a\tb", "null=c");
        RecordBatch batch = sent.get(0).batch().batches().iterator().next();
        assertThat(batch.compressionType()).isEqualTo(CompressionType.GZIP);
    }

    @Test
    void shouldCloseABatchWhenItReachesTheBatchSizeAndMoveKeylessRecordsOn() {
        LineProducer producer = new LineProducer("t", 2, false, "\t", CompressionType.NONE, 1,
                new RecordPartitioner(0), new ManualTime(0));
        List<Sent> sent = produce(producer, "a\nb\nc\n");
        assertThat(sent).extracting(s -> s.partition().partition()).containsExactly(0, 1, 0);
        assertThat(sent).allSatisfy(s -> assertThat(keyValues(s.batch())).hasSize(1));
    }

    @Test
    void shouldRejectAKeyedLineWithoutSeparatorNamingTheLine() {
        LineProducer producer = new LineProducer("t", 1, true, ":", CompressionType.NONE, 16384,
                new RecordPartitioner(0), new ManualTime(0));
        assertThatThrownBy(() -> produce(producer, "a:1\nnokey\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No key separator found on line number 2: 'nokey'");
    }
}
