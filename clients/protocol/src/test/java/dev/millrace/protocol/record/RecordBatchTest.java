package dev.millrace.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.errors.CorruptRecordException;
import dev.millrace.common.header.Header;
import dev.millrace.common.header.RecordHeader;
import dev.millrace.common.record.TimestampType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The batch view's header accessors and in-place setters, and the builder's argument checks. */
class RecordBatchTest {

    private static RecordBatch single(MemoryRecords records) {
        Iterator<RecordBatch> it = records.batches().iterator();
        RecordBatch batch = it.next();
        assertThat(it.hasNext()).isFalse();
        return batch;
    }

    private static MemoryRecords threeRecords(CompressionType compression) {
        return new RecordBatchBuilder().compression(compression).baseOffset(10)
                .append(1000L, "a".getBytes(), "1".getBytes())
                .append(1005L, "b".getBytes(), "2".getBytes())
                .append(1002L, null, null)
                .build();
    }

    @Test
    void shouldExposeHeaderFieldsOfBuiltBatch() {
        RecordBatch batch = single(threeRecords(CompressionType.NONE));

        assertThat(batch.baseOffset()).isEqualTo(10);
        assertThat(batch.lastOffset()).isEqualTo(12);
        assertThat(batch.nextOffset()).isEqualTo(13);
        assertThat(batch.recordsCount()).isEqualTo(3);
        assertThat(batch.baseTimestamp()).isEqualTo(1000L);
        assertThat(batch.maxTimestamp()).isEqualTo(1005L);
        assertThat(batch.magic()).isEqualTo((byte) 2);
        assertThat(batch.attributes()).isZero();
        assertThat(batch.deleteHorizonMs()).isEqualTo(OptionalLong.empty());
        assertThat(batch.sizeInBytes()).isEqualTo(batch.buffer().remaining());
        assertThat(batch.isValid()).isTrue();
        assertThat(batch.toString()).contains("baseOffset=10", "recordsCount=3");
    }

    @Test
    void shouldKeepCrcValidWhenSettingBaseOffsetAndLeaderEpochInPlace() {
        MemoryRecords records = threeRecords(CompressionType.LZ4);
        RecordBatch batch = single(records);
        long crc = batch.crc();

        batch.setBaseOffset(5000L);
        batch.setPartitionLeaderEpoch(42);

        RecordBatch reread = single(records);
        assertThat(reread.baseOffset()).isEqualTo(5000L);
        assertThat(reread.partitionLeaderEpoch()).isEqualTo(42);
        assertThat(reread.crc()).isEqualTo(crc);
        reread.ensureValid();
        List<Long> offsets = new ArrayList<>();
        reread.forEach(r -> offsets.add(r.offset()));
        assertThat(offsets).containsExactly(5000L, 5001L, 5002L);
    }

    @Test
    void shouldRewriteCrcWhenSettingLogAppendTime() {
        MemoryRecords records = threeRecords(CompressionType.NONE);
        RecordBatch batch = single(records);
        long crc = batch.crc();

        batch.setMaxTimestamp(TimestampType.LOG_APPEND_TIME, 9999L);

        RecordBatch reread = single(records);
        assertThat(reread.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
        assertThat(reread.maxTimestamp()).isEqualTo(9999L);
        assertThat(reread.crc()).isNotEqualTo(crc);
        reread.ensureValid();
        reread.forEach(r -> assertThat(r.timestamp()).isEqualTo(9999L));
        var kafka = org.apache.kafka.common.record.internal.MemoryRecords.readableRecords(records.buffer());
        kafka.batches().forEach(b -> {
            b.ensureValid();
            assertThat(b.timestampType().id).isEqualTo(1);
        });
    }

    @Test
    void shouldNotTouchBytesWhenMaxTimestampIsUnchanged() {
        MemoryRecords records = threeRecords(CompressionType.NONE);
        ByteBuffer before = records.buffer();
        byte[] copy = new byte[before.remaining()];
        before.get(copy);

        single(records).setMaxTimestamp(TimestampType.CREATE_TIME, 1005L);

        assertThat(records.buffer()).isEqualTo(ByteBuffer.wrap(copy));
        assertThatThrownBy(() -> single(records).setMaxTimestamp(TimestampType.NO_TIMESTAMP_TYPE, 1L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWrapSequenceNumbersPastIntegerMax() {
        assertThat(RecordBatch.incrementSequence(Integer.MAX_VALUE, 1)).isZero();
        assertThat(RecordBatch.incrementSequence(Integer.MAX_VALUE - 1, 3)).isEqualTo(1);
        assertThat(RecordBatch.incrementSequence(5, 3)).isEqualTo(8);
        MemoryRecords records = new RecordBatchBuilder().producerState(1L, (short) 0, Integer.MAX_VALUE)
                .append(1L, null, "x".getBytes()).append(1L, null, "y".getBytes()).build();
        List<Integer> sequences = new ArrayList<>();
        single(records).forEach(r -> sequences.add(r.sequence()));
        assertThat(sequences).containsExactly(Integer.MAX_VALUE, 0);
        assertThat(single(records).lastSequence()).isZero();
    }

    @Test
    void shouldWrapOneBatchFromBufferPositionIgnoringTrailingBytes() {
        ByteBuffer bytes = threeRecords(CompressionType.GZIP).buffer();
        ByteBuffer padded = ByteBuffer.allocate(bytes.remaining() + 20);
        padded.position(7);
        padded.put(bytes.duplicate());
        padded.position(7);

        RecordBatch batch = RecordBatch.wrap(padded);

        assertThat(batch.sizeInBytes()).isEqualTo(bytes.remaining());
        assertThat(padded.position()).isEqualTo(7);
        assertThat(batch.validateRecords()).isEqualTo(3);
    }

    @Test
    void shouldRejectWrappingTruncatedOrForeignBytes() {
        ByteBuffer bytes = threeRecords(CompressionType.NONE).buffer();
        assertThatThrownBy(() -> RecordBatch.wrap(bytes.slice(0, 60)))
                .isInstanceOf(CorruptRecordException.class).hasMessageContaining("reason=batchTruncated");
        assertThatThrownBy(() -> RecordBatch.wrap(bytes.slice(0, bytes.remaining() - 1)))
                .isInstanceOf(CorruptRecordException.class).hasMessageContaining("reason=batchBeyondBuffer");
        ByteBuffer magic1 = ByteBuffer.allocate(bytes.remaining()).put(bytes.duplicate()).put(16, (byte) 1).flip();
        assertThatThrownBy(() -> RecordBatch.wrap(magic1))
                .isInstanceOf(CorruptRecordException.class).hasMessageContaining("magic=1");
    }

    @Test
    void shouldReadBatchesFromDirectAndReadOnlyBuffers() {
        for (CompressionType type : CompressionType.values()) {
            BatchSpec spec = BatchSpec.simple(type, BatchSpec.sampleRecords(30, 1_000_000L));
            ByteBuffer heap = spec.buildOurs().buffer();
            ByteBuffer direct = ByteBuffer.allocateDirect(heap.remaining()).put(heap.duplicate()).flip();
            for (ByteBuffer buffer : new ByteBuffer[] {heap.asReadOnlyBuffer(), direct}) {
                MemoryRecords records = MemoryRecords.readableRecords(buffer);
                assertThat(records.validateBatches()).isEqualTo(1);
                KafkaOracleTest.assertBatchMatches(single(records), spec);
            }
        }
    }

    @Test
    void shouldReturnEmptyRecordsWhenNothingWasAppended() {
        assertThat(new RecordBatchBuilder().build()).isSameAs(MemoryRecords.EMPTY);
    }

    @Test
    void shouldRejectInvalidAppendsAndProducerState() {
        RecordBatchBuilder builder = new RecordBatchBuilder().baseOffset(100).append(1L, null, null);
        assertThatThrownBy(() -> builder.appendWithOffset(100, 1L, (byte[]) null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason=offsetNotIncreasing");
        assertThatThrownBy(() -> builder.append(-2L, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason=negativeTimestamp");
        assertThatThrownBy(() -> builder.appendWithOffset(100L + Integer.MAX_VALUE + 1, 1L, (byte[]) null, null,
                null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.compression(CompressionType.GZIP))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.appendEndTxnMarker(1L,
                new EndTransactionMarker(ControlRecordType.COMMIT, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordBatchBuilder().control(true).append(1L, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordBatchBuilder().transactional(true).append(1L, null, null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transactionalWithoutProducerId");
        assertThatThrownBy(() -> new RecordBatchBuilder().producerState(5L, (short) 1, -1).append(1L, null, null)
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negativeBaseSequence");
        assertThatThrownBy(() -> new RecordBatchBuilder().append(1L, (byte[]) null, null,
                new Header[] {new NullKeyHeader()})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAppendFromByteBuffersWithoutConsumingThem() {
        ByteBuffer key = ByteBuffer.wrap("xxkeyxx".getBytes()).position(2).limit(5);
        ByteBuffer value = ByteBuffer.allocateDirect(4).put("vvvv".getBytes()).flip();
        MemoryRecords records = new RecordBatchBuilder().initialCapacity(0)
                .append(7L, key, value, new Header[] {new RecordHeader("h", null)}).build();

        assertThat(key.position()).isEqualTo(2);
        assertThat(value.position()).isZero();
        Record record = single(records).iterator().next();
        assertThat(KafkaOracleTest.bytes(record.key())).isEqualTo("key".getBytes());
        assertThat(KafkaOracleTest.bytes(record.value())).isEqualTo("vvvv".getBytes());
        assertThat(record.key().isReadOnly()).isTrue();
        assertThat(record.headers()).containsExactly(new RecordHeader("h", null));
        assertThat(record.sizeInBytes()).isEqualTo(single(records).sizeInBytes() - RecordBatch.RECORD_BATCH_OVERHEAD);
    }

    @Test
    void shouldGrowBufferForLargeBatches() {
        RecordBatchBuilder builder = new RecordBatchBuilder().initialCapacity(64);
        byte[] value = new byte[1000];
        for (int i = 0; i < 500; i++) {
            builder.append(i, null, value);
        }
        assertThat(builder.numRecords()).isEqualTo(500);
        MemoryRecords records = builder.build();
        assertThat(records.validateBatches()).isEqualTo(1);
        assertThat(builder.build()).isSameAs(records);
        assertThatThrownBy(() -> builder.append(1L, null, null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldBuildEndTransactionMarkerBatch() {
        EndTransactionMarker marker = new EndTransactionMarker(ControlRecordType.ABORT, 12);
        MemoryRecords records = MemoryRecords.withEndTransactionMarker(99L, 5L, 3, 77L, (short) 4, marker);

        RecordBatch batch = single(records);
        assertThat(batch.isControlBatch()).isTrue();
        assertThat(batch.isTransactional()).isTrue();
        assertThat(batch.producerId()).isEqualTo(77L);
        assertThat(batch.baseSequence()).isEqualTo(RecordBatch.NO_SEQUENCE);
        Record record = batch.iterator().next();
        assertThat(record.offset()).isEqualTo(99L);
        assertThat(EndTransactionMarker.deserialize(record)).isEqualTo(marker);
        assertThat(marker.toString()).contains("coordinatorEpoch=12");
    }

    @Test
    void shouldParseControlKeysTolerantly() {
        assertThat(ControlRecordType.parse(ByteBuffer.wrap(new byte[] {0, 0, 0, 1})))
                .isEqualTo(ControlRecordType.COMMIT);
        assertThat(ControlRecordType.parse(ByteBuffer.wrap(new byte[] {0, 3, 0, 99, 7})))
                .isEqualTo(ControlRecordType.UNKNOWN);
        for (ControlRecordType type : ControlRecordType.values()) {
            if (type != ControlRecordType.UNKNOWN) {
                assertThat(ControlRecordType.parse(type.recordKey())).isEqualTo(type);
                assertThat(type.type()).isEqualTo(org.apache.kafka.common.record.internal.ControlRecordType
                        .valueOf(type.name()).type());
            }
        }
        assertThatThrownBy(() -> ControlRecordType.parse(ByteBuffer.wrap(new byte[] {0, 0, 1})))
                .isInstanceOf(CorruptRecordException.class);
        assertThatThrownBy(() -> ControlRecordType.parse(ByteBuffer.wrap(new byte[] {-1, -1, 0, 0})))
                .isInstanceOf(dev.millrace.common.errors.InvalidRecordException.class);
        assertThatThrownBy(ControlRecordType.UNKNOWN::recordKey).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EndTransactionMarker(ControlRecordType.LEADER_CHANGE, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldMatchKafkaCompressionTypeIdsAndNames() {
        for (CompressionType type : CompressionType.values()) {
            var kafka = org.apache.kafka.common.record.internal.CompressionType.forId(type.id);
            assertThat(kafka.name).isEqualTo(type.name);
            assertThat(CompressionType.forName(type.name)).isEqualTo(type);
            assertThat(CompressionType.forId(type.id)).isEqualTo(type);
        }
        assertThatThrownBy(() -> CompressionType.forId(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompressionType.forName("brotli")).isInstanceOf(IllegalArgumentException.class);
    }

    private static final class NullKeyHeader implements Header {
        @Override
        public String key() {
            return null;
        }

        @Override
        public byte[] value() {
            return null;
        }
    }

    @Test
    void shouldWriteAValidEmptyHeaderKeepingOffsetsAndProducerFields() {
        MemoryRecords built = new RecordBatchBuilder().compression(CompressionType.LZ4).baseOffset(100)
                .producerState(7L, (short) 3, 40).transactional(true).partitionLeaderEpoch(5)
                .append(1_000L, new byte[] {1}, new byte[] {2}).append(2_000L, new byte[] {3}, null).build();
        RecordBatch original = built.batches().iterator().next();
        ByteBuffer out = ByteBuffer.allocate(RecordBatch.RECORD_BATCH_OVERHEAD);
        original.writeEmptyHeaderTo(out);
        assertThat(out.hasRemaining()).isFalse();
        RecordBatch empty = RecordBatch.wrap(out.flip());
        empty.ensureValid();
        assertThat(empty.recordsCount()).isZero();
        assertThat(empty.compressionType()).isEqualTo(CompressionType.NONE);
        assertThat(empty.baseOffset()).isEqualTo(100);
        assertThat(empty.lastOffset()).isEqualTo(original.lastOffset());
        assertThat(empty.lastSequence()).isEqualTo(original.lastSequence());
        assertThat(empty.producerId()).isEqualTo(7L);
        assertThat(empty.producerEpoch()).isEqualTo((short) 3);
        assertThat(empty.isTransactional()).isTrue();
        assertThat(empty.partitionLeaderEpoch()).isEqualTo(5);
        assertThat(empty.maxTimestamp()).isEqualTo(original.maxTimestamp());
    }

    @Test
    void shouldRewriteCrcWhenLastOffsetDeltaChanges() {
        MemoryRecords built = new RecordBatchBuilder().append(1_000L, new byte[] {1}, new byte[] {2}).build();
        ByteBuffer copy = ByteBuffer.allocate(built.sizeInBytes()).put(built.buffer()).flip();
        RecordBatch batch = RecordBatch.wrap(copy);
        batch.setLastOffsetDelta(4);
        assertThat(batch.lastOffsetDelta()).isEqualTo(4);
        assertThat(batch.isValid()).isTrue();
    }
}
