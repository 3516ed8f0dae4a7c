package dev.millrace.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.header.Header;
import dev.millrace.common.record.TimestampType;
import dev.millrace.protocol.record.BatchSpec.Rec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.DefaultRecordBatch;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.utils.ByteBufferOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Apache Kafka 4.3.1 (kafka-clients, test scope) judges our record batches, for every codec: what we
 * build, Kafka reads back to the same values with a valid CRC; what Kafka builds, we read back to the
 * same values; and for uncompressed input our bytes equal Kafka's. In 4.3.1 the record classes live in
 * {@code org.apache.kafka.common.record.internal}.
 */
class KafkaOracleTest {

    static Stream<Arguments> scenarios() {
        List<Arguments> all = new ArrayList<>();
        for (CompressionType type : CompressionType.values()) {
            for (var entry : baseScenarios()) {
                all.add(Arguments.of(entry.name() + "/" + type.name, entry.spec().withCompression(type)));
            }
        }
        return all.stream();
    }

    private record Named(String name, BatchSpec spec) {
    }

    private static List<Named> baseScenarios() {
        List<Rec> sample = BatchSpec.sampleRecords(40, 1_700_000_000_000L);
        List<Named> list = new ArrayList<>();
        list.add(new Named("plain", BatchSpec.simple(CompressionType.NONE, sample)));
        list.add(new Named("idempotent", new BatchSpec(CompressionType.NONE, TimestampType.CREATE_TIME, -1L, 1000L,
                123_456_789L, (short) 7, 42, false, 5, -1L, null, sample)));
        list.add(new Named("transactionalSequenceWrap", new BatchSpec(CompressionType.NONE,
                TimestampType.CREATE_TIME, -1L, 77L, 9L, (short) 0, Integer.MAX_VALUE - 3, true, 0, -1L, null,
                sample.subList(0, 10))));
        list.add(new Named("logAppendTime", new BatchSpec(CompressionType.NONE, TimestampType.LOG_APPEND_TIME,
                1_700_000_000_123L, 0L, -1L, (short) -1, -1, false, 3, -1L, null, sample)));
        list.add(new Named("deleteHorizon", new BatchSpec(CompressionType.NONE, TimestampType.CREATE_TIME, -1L,
                500L, -1L, (short) -1, -1, false, -1, 1_700_000_100_000L, null, sample)));
        list.add(new Named("noTimestampNullKeyValue", BatchSpec.simple(CompressionType.NONE,
                List.of(new Rec(-1L, null, null, List.of())))));
        list.add(new Named("manyBlocks", BatchSpec.simple(CompressionType.NONE, randomRecords(3000, 100, 1))));
        list.add(new Named("hugeValue", BatchSpec.simple(CompressionType.NONE, randomRecords(1, 200_000, 2))));
        list.add(new Named("commitMarker", BatchSpec.marker(40L, 1_700_000_000_999L, 8, 31L, (short) 2,
                new EndTransactionMarker(ControlRecordType.COMMIT, 17))));
        list.add(new Named("abortMarker", BatchSpec.marker(0L, 5L, -1, 1L, (short) 0,
                new EndTransactionMarker(ControlRecordType.ABORT, 0))));
        return list;
    }

    private static List<Rec> randomRecords(int count, int valueBytes, long seed) {
        Random random = new Random(seed);
        List<Rec> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] value = new byte[valueBytes];
            for (int j = 0; j < valueBytes; j++) {
                value[j] = (byte) ('a' + random.nextInt(16));
            }
            records.add(new Rec(1_600_000_000_000L + i, ("k" + i).getBytes(), value, List.of()));
        }
        return records;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shouldBeReadByKafkaWithEqualValues(String name, BatchSpec spec) {
        MemoryRecords ours = spec.buildOurs();

        var kafka = org.apache.kafka.common.record.internal.MemoryRecords.readableRecords(ours.buffer());
        Iterator<? extends org.apache.kafka.common.record.internal.RecordBatch> batches = kafka.batches().iterator();
        assertThat(batches.hasNext()).isTrue();
        assertKafkaBatchMatches(batches.next(), spec);
        assertThat(batches.hasNext()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shouldReadKafkaBatchesWithEqualValues(String name, BatchSpec spec) {
        ByteBuffer kafkaBytes = buildKafka(spec);

        MemoryRecords records = MemoryRecords.readableRecords(kafkaBytes);
        assertThat(records.validateBatches()).isEqualTo(1);
        Iterator<RecordBatch> batches = records.batches().iterator();
        assertBatchMatches(batches.next(), spec);
        assertThat(batches.hasNext()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shouldWriteByteIdenticalBatchesForUncompressedAndKafkaFramedCodecs(String name, BatchSpec spec) {
        // zstd is excluded: Kafka streams frames without a content size, we write one frame that has it.
        if (spec.compression() == CompressionType.ZSTD) {
            return;
        }
        ByteBuffer ours = spec.buildOurs().buffer();
        assertThat(ours).as("bytes of " + name).isEqualTo(buildKafka(spec));
    }

    // ---- Kafka side ----

    static ByteBuffer buildKafka(BatchSpec spec) {
        Compression compression = Compression.of(
                org.apache.kafka.common.record.internal.CompressionType.forId(spec.compression().id)).build();
        var timestampType = org.apache.kafka.common.record.TimestampType.forName(spec.timestampType().name);
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(new ByteBufferOutputStream(512), (byte) 2,
                compression, timestampType, spec.baseOffset(), spec.logAppendTime(), spec.producerId(),
                spec.producerEpoch(), spec.baseSequence(), spec.transactional(), spec.isControl(),
                spec.partitionLeaderEpoch(), Integer.MAX_VALUE, spec.deleteHorizonMs());
        if (spec.isControl()) {
            var marker = new org.apache.kafka.common.record.internal.EndTransactionMarker(
                    org.apache.kafka.common.record.internal.ControlRecordType.fromTypeId(
                            spec.marker().controlType().type()), spec.marker().coordinatorEpoch());
            builder.appendEndTxnMarker(spec.records().get(0).timestamp(), marker);
        } else {
            for (Rec r : spec.records()) {
                builder.append(r.timestamp(), r.key(), r.value(), kafkaHeaders(r.headers()));
            }
        }
        return builder.build().buffer();
    }

    private static org.apache.kafka.common.header.Header[] kafkaHeaders(List<Header> headers) {
        return headers.stream()
                .map(h -> new org.apache.kafka.common.header.internals.RecordHeader(h.key(), h.value()))
                .toArray(org.apache.kafka.common.header.Header[]::new);
    }

    static void assertKafkaBatchMatches(org.apache.kafka.common.record.internal.RecordBatch batch, BatchSpec spec) {
        batch.ensureValid();
        int count = spec.records().size();
        assertThat(batch.magic()).isEqualTo((byte) 2);
        assertThat(batch.baseOffset()).isEqualTo(spec.baseOffset());
        assertThat(batch.lastOffset()).isEqualTo(spec.baseOffset() + count - 1);
        assertThat(batch.countOrNull()).isEqualTo(count);
        assertThat((int) batch.compressionType().id).isEqualTo(spec.compression().id);
        assertThat(batch.timestampType().id).isEqualTo(spec.timestampType().id);
        assertThat(batch.maxTimestamp()).isEqualTo(spec.expectedMaxTimestamp());
        assertThat(((DefaultRecordBatch) batch).baseTimestamp()).isEqualTo(spec.expectedBaseTimestamp());
        assertThat(batch.deleteHorizonMs()).isEqualTo(spec.deleteHorizonMs() >= 0
                ? OptionalLong.of(spec.deleteHorizonMs()) : OptionalLong.empty());
        assertThat(batch.producerId()).isEqualTo(spec.producerId());
        assertThat(batch.producerEpoch()).isEqualTo(spec.producerEpoch());
        assertThat(batch.baseSequence()).isEqualTo(spec.baseSequence());
        assertThat(batch.isTransactional()).isEqualTo(spec.transactional());
        assertThat(batch.isControlBatch()).isEqualTo(spec.isControl());
        assertThat(batch.partitionLeaderEpoch()).isEqualTo(spec.partitionLeaderEpoch());
        int i = 0;
        for (org.apache.kafka.common.record.internal.Record record : batch) {
            assertThat(record.offset()).isEqualTo(spec.baseOffset() + i);
            assertThat(record.timestamp()).isEqualTo(spec.expectedRecordTimestamp(i));
            assertThat(record.sequence()).isEqualTo(spec.expectedSequence(i));
            if (spec.isControl()) {
                var marker = org.apache.kafka.common.record.internal.EndTransactionMarker.deserialize(record);
                assertThat(marker.controlType().type()).isEqualTo(spec.marker().controlType().type());
                assertThat(marker.coordinatorEpoch()).isEqualTo(spec.marker().coordinatorEpoch());
            } else {
                Rec expected = spec.records().get(i);
                assertThat(bytes(record.key())).isEqualTo(expected.key());
                assertThat(bytes(record.value())).isEqualTo(expected.value());
                var headers = record.headers();
                assertThat(headers).hasSize(expected.headers().size());
                for (int h = 0; h < headers.length; h++) {
                    assertThat(headers[h].key()).isEqualTo(expected.headers().get(h).key());
                    assertThat(headers[h].value()).isEqualTo(expected.headers().get(h).value());
                }
            }
            i++;
        }
        assertThat(i).isEqualTo(count);
    }

    // ---- our side ----

    static void assertBatchMatches(RecordBatch batch, BatchSpec spec) {
        batch.ensureValid();
        int count = spec.records().size();
        assertThat(batch.magic()).isEqualTo(RecordBatch.MAGIC);
        assertThat(batch.baseOffset()).isEqualTo(spec.baseOffset());
        assertThat(batch.lastOffset()).isEqualTo(spec.baseOffset() + count - 1);
        assertThat(batch.nextOffset()).isEqualTo(spec.baseOffset() + count);
        assertThat(batch.lastOffsetDelta()).isEqualTo(count - 1);
        assertThat(batch.recordsCount()).isEqualTo(count);
        assertThat(batch.batchLength()).isEqualTo(batch.sizeInBytes() - RecordBatch.LOG_OVERHEAD);
        assertThat(batch.compressionType()).isEqualTo(spec.compression());
        assertThat(batch.timestampType()).isEqualTo(spec.timestampType());
        assertThat(batch.maxTimestamp()).isEqualTo(spec.expectedMaxTimestamp());
        assertThat(batch.baseTimestamp()).isEqualTo(spec.expectedBaseTimestamp());
        assertThat(batch.hasDeleteHorizon()).isEqualTo(spec.deleteHorizonMs() >= 0);
        assertThat(batch.producerId()).isEqualTo(spec.producerId());
        assertThat(batch.hasProducerId()).isEqualTo(spec.producerId() >= 0);
        assertThat(batch.producerEpoch()).isEqualTo(spec.producerEpoch());
        assertThat(batch.baseSequence()).isEqualTo(spec.baseSequence());
        assertThat(batch.lastSequence()).isEqualTo(spec.expectedSequence(count - 1));
        assertThat(batch.isTransactional()).isEqualTo(spec.transactional());
        assertThat(batch.isControlBatch()).isEqualTo(spec.isControl());
        assertThat(batch.partitionLeaderEpoch()).isEqualTo(spec.partitionLeaderEpoch());
        int i = 0;
        for (Record record : batch) {
            assertThat(record.offset()).isEqualTo(spec.baseOffset() + i);
            assertThat(record.timestamp()).isEqualTo(spec.expectedRecordTimestamp(i));
            assertThat(record.sequence()).isEqualTo(spec.expectedSequence(i));
            if (spec.isControl()) {
                assertThat(ControlRecordType.parse(record.key())).isEqualTo(spec.marker().controlType());
                assertThat(EndTransactionMarker.deserialize(record)).isEqualTo(spec.marker());
            } else {
                Rec expected = spec.records().get(i);
                assertThat(bytes(record.key())).isEqualTo(expected.key());
                assertThat(bytes(record.value())).isEqualTo(expected.value());
                assertThat(record.hasKey()).isEqualTo(expected.key() != null);
                assertThat(record.hasValue()).isEqualTo(expected.value() != null);
                assertThat(record.headers()).containsExactlyElementsOf(expected.headers());
            }
            i++;
        }
        assertThat(i).isEqualTo(count);
    }

    static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
