package dev.millrace.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.errors.CorruptRecordException;
import dev.millrace.common.errors.InvalidRecordException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * Sequences of batches: iteration, tolerance of a trailing partial batch, and the specific exception
 * for each kind of bad input (truncation, impossible lengths, bad CRC, bad magic, wrong counts).
 */
class MemoryRecordsTest {
    /** First record of {@link #threeRecords}: length byte at 61, key length at 65, header count at 69. */
    private static final int FIRST_RECORD = RecordBatch.RECORD_BATCH_OVERHEAD;

    private static byte[] threeRecords(CompressionType compression) {
        return bytes(new RecordBatchBuilder().compression(compression).baseOffset(10)
                .append(1000L, "a".getBytes(), "1".getBytes())
                .append(1005L, "b".getBytes(), "twenty-two-twenty-two".getBytes())
                .append(1002L, null, null)
                .build());
    }

    static byte[] bytes(MemoryRecords records) {
        ByteBuffer buffer = records.buffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }

    /** Recomputes the CRC of the batch at {@code start} so that deeper checks are reached. */
    static byte[] fixCrc(byte[] bytes, int start) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int size = RecordBatch.LOG_OVERHEAD + buffer.getInt(start + RecordBatch.LENGTH_OFFSET);
        CRC32C crc = new CRC32C();
        crc.update(bytes, start + RecordBatch.ATTRIBUTES_OFFSET, size - RecordBatch.ATTRIBUTES_OFFSET);
        buffer.putInt(start + RecordBatch.CRC_OFFSET, (int) crc.getValue());
        return bytes;
    }

    private static MemoryRecords records(byte[] bytes) {
        return MemoryRecords.readableRecords(ByteBuffer.wrap(bytes));
    }

    private static int count(Iterable<?> iterable) {
        int n = 0;
        for (Object ignored : iterable) {
            n++;
        }
        return n;
    }

    @Test
    void shouldIterateBatchesAndRecordsInOrder() {
        byte[] all = concat(threeRecords(CompressionType.NONE), threeRecords(CompressionType.ZSTD),
                threeRecords(CompressionType.SNAPPY));
        MemoryRecords records = records(all);

        assertThat(count(records.batches())).isEqualTo(3);
        assertThat(count(records.records())).isEqualTo(9);
        assertThat(records.validateBatches()).isEqualTo(3);
        assertThat(records.validateProducerBatches()).isEqualTo(3);
        assertThat(records.sizeInBytes()).isEqualTo(all.length);
        assertThat(records.buffer().isReadOnly()).isTrue();
        assertThat(records).isEqualTo(records(all.clone())).hasSameHashCodeAs(records(all.clone()));
        assertThat(MemoryRecords.EMPTY.batches()).isEmpty();
        assertThat(MemoryRecords.EMPTY.validateBatches()).isZero();
    }

    @Test
    void shouldEndIterationQuietlyAtTrailingPartialBatchButFailValidation() {
        byte[] second = threeRecords(CompressionType.NONE);
        for (int cut : new int[] {5, 11, 12, 30, second.length - 1}) {
            byte[] bytes = concat(threeRecords(CompressionType.LZ4), java.util.Arrays.copyOf(second, cut));
            MemoryRecords records = records(bytes);

            assertThat(count(records.batches())).as("cut " + cut).isEqualTo(1);
            assertThatThrownBy(records::validateBatches).as("cut " + cut)
                    .isInstanceOf(CorruptRecordException.class)
                    .hasMessageMatching(".*reason=(batchHeaderTruncated|batchBeyondBuffer).*position=\\d+.*");
        }
    }

    @Test
    void shouldRejectBatchLengthBelowMinimumOrNegative() {
        for (int length : new int[] {48, 0, -1, Integer.MIN_VALUE}) {
            byte[] bytes = threeRecords(CompressionType.NONE);
            ByteBuffer.wrap(bytes).putInt(RecordBatch.LENGTH_OFFSET, length);

            assertThatThrownBy(() -> count(records(bytes).batches())).isInstanceOf(CorruptRecordException.class)
                    .hasMessageContaining("reason=batchLengthTooSmall batchLength=" + length);
        }
    }

    @Test
    void shouldTreatLengthBeyondBufferAsPartialBatch() {
        byte[] bytes = threeRecords(CompressionType.NONE);
        ByteBuffer.wrap(bytes).putInt(RecordBatch.LENGTH_OFFSET, Integer.MAX_VALUE);

        assertThat(count(records(bytes).batches())).isZero();
        assertThatThrownBy(() -> records(bytes).validateBatches()).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("reason=batchBeyondBuffer batchLength=" + Integer.MAX_VALUE);
    }

    @Test
    void shouldRejectMagicOtherThanTwo() {
        for (byte magic : new byte[] {0, 1, 3, -1}) {
            byte[] bytes = threeRecords(CompressionType.NONE);
            bytes[RecordBatch.MAGIC_OFFSET] = magic;

            assertThatThrownBy(() -> count(records(bytes).batches())).isInstanceOf(CorruptRecordException.class)
                    .hasMessageContaining("reason=unsupportedMagic magic=" + magic);
        }
    }

    @Test
    void shouldRejectBatchWithBadCrc() {
        byte[] bytes = threeRecords(CompressionType.GZIP);
        bytes[bytes.length - 3] ^= 0x10;

        assertThat(records(bytes).batches().iterator().next().isValid()).isFalse();
        assertThatThrownBy(() -> records(bytes).validateBatches()).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("reason=crcMismatch batchOffset=10 expectedCrc=")
                .hasMessageContaining("actualCrc=");
    }

    @Test
    void shouldRejectWrongRecordCounts() {
        expectCorrupt(withCount(4), "reason=fewerRecordsThanCount recordsCount=4 actualRecords=3");
        expectCorrupt(withCount(2), "reason=bytesAfterLastRecord recordsCount=2");
        expectCorrupt(withCount(-1), "reason=negativeRecordsCount recordsCount=-1");
        expectCorrupt(withCount(1_000_000), "reason=recordsCountExceedsBytes recordsCount=1000000");
        expectCorrupt(withCount(0), "reason=bytesAfterLastRecord recordsCount=0");
    }

    private static byte[] withCount(int count) {
        byte[] bytes = threeRecords(CompressionType.NONE);
        ByteBuffer.wrap(bytes).putInt(RecordBatch.RECORDS_COUNT_OFFSET, count);
        return fixCrc(bytes, 0);
    }

    private static void expectCorrupt(byte[] bytes, String message) {
        assertThatThrownBy(() -> records(bytes).validateBatches()).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining(message).hasMessageContaining("batchOffset=10");
    }

    @Test
    void shouldRejectRecordLengthsOutsideTheBatch() {
        expectCorrupt(withByte(FIRST_RECORD, 0x7e), "reason=recordLengthOutOfRange recordBytes=63");
        expectCorrupt(withByte(FIRST_RECORD, 0x01), "reason=recordLengthOutOfRange recordBytes=-1");
        expectCorrupt(withByte(FIRST_RECORD, 0x14), "reason=recordLengthMismatch recordBytes=10");
        expectCorrupt(withByte(FIRST_RECORD + 4, 0x7f), "reason=fieldLengthOutOfRange field=key length=-64");
        expectCorrupt(withByte(FIRST_RECORD + 4, 0x7e), "reason=fieldLengthOutOfRange field=key length=63");
        expectCorrupt(withByte(FIRST_RECORD + 8, 0x01), "reason=headerCountOutOfRange headerCount=-1");
        expectCorrupt(withByte(FIRST_RECORD + 8, 0x02), "reason=headerCountOutOfRange headerCount=1");
        expectCorrupt(withByte(FIRST_RECORD + 2, 0xff), "reason=");
    }

    private static byte[] withByte(int position, int value) {
        byte[] bytes = threeRecords(CompressionType.NONE);
        bytes[position] = (byte) value;
        return fixCrc(bytes, 0);
    }

    @Test
    void shouldRejectUnknownCompressionTypeAndCorruptCompressedRecords() {
        byte[] codec5 = threeRecords(CompressionType.NONE);
        codec5[RecordBatch.ATTRIBUTES_OFFSET + 1] |= 5;
        expectCorrupt(fixCrc(codec5, 0), "reason=unknownCompressionType compressionTypeId=5");

        for (CompressionType type : new CompressionType[] {CompressionType.GZIP, CompressionType.SNAPPY,
                CompressionType.LZ4, CompressionType.ZSTD}) {
            byte[] bytes = threeRecords(type);
            for (int i = RecordBatch.RECORD_BATCH_OVERHEAD; i < bytes.length; i++) {
                bytes[i] = (byte) (bytes[i] * 31 + 7);
            }
            expectCorrupt(fixCrc(bytes, 0), "compressionType=" + type.name);
        }
    }

    @Test
    void shouldAcceptCompactedShapeButRejectItFromProducers() {
        byte[] sparse = bytes(new RecordBatchBuilder().baseOffset(10)
                .appendWithOffset(10, 1L, (byte[]) null, null, null)
                .appendWithOffset(15, 1L, (byte[]) null, null, null)
                .appendWithOffset(19, 1L, (byte[]) null, null, null).build());

        assertThat(records(sparse).validateBatches()).isEqualTo(1);
        assertThatThrownBy(() -> records(sparse).validateProducerBatches()).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("reason=recordsCountInconsistentWithLastOffsetDelta")
                .hasMessageContaining("recordsCount=3 lastOffsetDelta=9");

        ByteBuffer.wrap(sparse).putInt(RecordBatch.LAST_OFFSET_DELTA_OFFSET, 4);
        expectCorrupt(fixCrc(sparse, 0), "reason=offsetDeltaOutOfOrder");
    }

    @Test
    void shouldRejectProducerBatchesBreakingClientRules() {
        byte[] marker = bytes(MemoryRecords.withEndTransactionMarker(0L, 1L, 0, 5L, (short) 1,
                new EndTransactionMarker(ControlRecordType.COMMIT, 3)));
        assertThat(records(marker).validateBatches()).isEqualTo(1);
        expectInvalid(marker, "reason=controlBatchFromClient");

        byte[] noSequence = bytes(new RecordBatchBuilder().producerState(5L, (short) 1, 0)
                .append(1L, null, null).build());
        ByteBuffer.wrap(noSequence).putInt(RecordBatch.BASE_SEQUENCE_OFFSET, -1);
        expectInvalid(fixCrc(noSequence, 0), "reason=producerIdWithoutSequence producerId=5 baseSequence=-1");

        byte[] empty = java.util.Arrays.copyOf(threeRecords(CompressionType.NONE), RecordBatch.RECORD_BATCH_OVERHEAD);
        ByteBuffer.wrap(empty).putInt(RecordBatch.LENGTH_OFFSET, RecordBatch.MIN_BATCH_LENGTH)
                .putInt(RecordBatch.RECORDS_COUNT_OFFSET, 0);
        fixCrc(empty, 0);
        assertThat(records(empty).validateBatches()).isEqualTo(1);
        expectInvalid(empty, "reason=noRecordsInProducerBatch");
    }

    private static void expectInvalid(byte[] bytes, String message) {
        assertThatThrownBy(() -> records(bytes).validateProducerBatches())
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining(message);
    }

    @Test
    void shouldKeepCallerBufferPositionAndShareBytesWithBatchViews() {
        byte[] bytes = concat(new byte[3], threeRecords(CompressionType.NONE));
        ByteBuffer buffer = ByteBuffer.wrap(bytes).position(3);
        MemoryRecords records = MemoryRecords.readableRecords(buffer);

        records.batches().iterator().next().setBaseOffset(700L);

        assertThat(buffer.position()).isEqualTo(3);
        assertThat(ByteBuffer.wrap(bytes).getLong(3)).isEqualTo(700L);
        List<Long> offsets = new ArrayList<>();
        records.records().forEach(r -> offsets.add(r.offset()));
        assertThat(offsets).containsExactly(700L, 701L, 702L);
    }
}
