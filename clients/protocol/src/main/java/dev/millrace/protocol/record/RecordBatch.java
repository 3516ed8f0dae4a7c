package dev.millrace.protocol.record;

import dev.millrace.common.errors.CorruptRecordException;
import dev.millrace.common.record.TimestampType;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.zip.CRC32C;

/**
 * A view over one record batch of message format 2 ("magic 2") held in a {@link ByteBuffer}: the
 * header fields are read in place, records are decoded on iteration, and nothing is copied except
 * a compressed records section, which is decompressed into a new array when iterated.
 *
 * <pre>
 * offset size field                  notes
 *  0     8    baseOffset     INT64   first offset; producers send 0, the leader assigns it
 *  8     4    batchLength    INT32   bytes after this field (sizeInBytes - 12), at least 49
 * 12     4    partitionLeaderEpoch   INT32, set by the leader, -1 from producers
 * 16     1    magic          INT8    2
 * 17     4    crc            UINT32  CRC-32C of bytes 21 .. end
 * 21     2    attributes     INT16   bits 0-2 compression, 3 timestamp type (1 = LogAppendTime),
 *                                    4 transactional, 5 control, 6 delete horizon in baseTimestamp
 * 23     4    lastOffsetDelta INT32  lastOffset - baseOffset (kept when compaction removes records)
 * 27     8    baseTimestamp  INT64   first record's timestamp, or the delete horizon (bit 6), -1 if none
 * 35     8    maxTimestamp   INT64   largest CreateTime, or the LogAppendTime
 * 43     8    producerId     INT64   -1 when not idempotent
 * 51     2    producerEpoch  INT16   -1 when not idempotent
 * 53     4    baseSequence   INT32   sequence of the first record, -1 when not idempotent
 * 57     4    recordsCount   INT32   number of records (before compression)
 * 61     ...  records                one compressed stream when bits 0-2 are not 0 (see {@link Record})
 * |------- not covered by crc ------|---------------------- covered by crc -------------------------|
 * </pre>
 *
 * <p>Because baseOffset, batchLength and partitionLeaderEpoch lie outside the CRC, a leader assigns
 * offsets and its epoch in place ({@link #setBaseOffset}, {@link #setPartitionLeaderEpoch}) without
 * recomputing it; {@link #setMaxTimestamp} changes covered bytes and rewrites the CRC.
 *
 * <p>Invariants of an instance: the buffer holds exactly {@link #sizeInBytes()} bytes, at least 61,
 * and the magic byte is 2 ({@link #wrap} and {@link MemoryRecords#batches()} check both). The CRC is
 * checked only on request ({@link #isValid()}, {@link #ensureValid()}). Decoding records checks every
 * length and count and raises {@link CorruptRecordException} on any inconsistency; decompression is
 * bounded by {@link #DEFAULT_MAX_DECOMPRESSED_BYTES} or the caller's limit.
 *
 * <p>Threading: getters and iteration only read and may run concurrently; the setters write to the
 * shared buffer and must not run concurrently with anything else on the same batch.
 */
public final class RecordBatch implements Iterable<Record> {
    /** The only message format this class reads and writes. */
    public static final byte MAGIC = 2;
    /** Bytes before the batchLength field's payload: baseOffset and batchLength. */
    public static final int LOG_OVERHEAD = 12;
    /** Size of the header, up to the first record. */
    public static final int RECORD_BATCH_OVERHEAD = 61;
    /** Smallest valid batchLength: a header without records. */
    public static final int MIN_BATCH_LENGTH = RECORD_BATCH_OVERHEAD - LOG_OVERHEAD;
    /** Producer id of a batch from a non-idempotent producer. */
    public static final long NO_PRODUCER_ID = -1L;
    /** Producer epoch of a batch from a non-idempotent producer. */
    public static final short NO_PRODUCER_EPOCH = -1;
    /** Base sequence of a batch from a non-idempotent producer. */
    public static final int NO_SEQUENCE = -1;
    /** A missing timestamp. */
    public static final long NO_TIMESTAMP = -1L;
    /** Partition leader epoch of a batch no leader has stamped yet. */
    public static final int NO_PARTITION_LEADER_EPOCH = -1;
    /** Default bound on a decompressed records section (64 MiB); larger output is treated as corrupt. */
    public static final int DEFAULT_MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

    static final int BASE_OFFSET_OFFSET = 0;
    static final int LENGTH_OFFSET = 8;
    static final int PARTITION_LEADER_EPOCH_OFFSET = 12;
    static final int MAGIC_OFFSET = 16;
    static final int CRC_OFFSET = 17;
    static final int ATTRIBUTES_OFFSET = 21;
    static final int LAST_OFFSET_DELTA_OFFSET = 23;
    static final int BASE_TIMESTAMP_OFFSET = 27;
    static final int MAX_TIMESTAMP_OFFSET = 35;
    static final int PRODUCER_ID_OFFSET = 43;
    static final int PRODUCER_EPOCH_OFFSET = 51;
    static final int BASE_SEQUENCE_OFFSET = 53;
    static final int RECORDS_COUNT_OFFSET = 57;

    static final int COMPRESSION_CODEC_MASK = 0x07;
    static final int TIMESTAMP_TYPE_MASK = 0x08;
    static final int TRANSACTIONAL_FLAG_MASK = 0x10;
    static final int CONTROL_FLAG_MASK = 0x20;
    static final int DELETE_HORIZON_FLAG_MASK = 0x40;

    private final ByteBuffer buffer;

    private RecordBatch(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /**
     * Wraps the batch that starts at {@code buffer}'s position, without copying. The view covers
     * exactly that batch (its declared size), so bytes after it are ignored; the caller's position
     * and limit are not changed, and setters write through to the caller's bytes.
     *
     * @throws CorruptRecordException if fewer than 61 bytes remain, batchLength is below 49 or
     *     beyond the remaining bytes, or the magic byte is not 2
     */
    public static RecordBatch wrap(ByteBuffer buffer) {
        int remaining = buffer.remaining();
        if (remaining < RECORD_BATCH_OVERHEAD) {
            throw new CorruptRecordException("reason=batchTruncated sizeInBytes=" + remaining
                    + " minBytes=" + RECORD_BATCH_OVERHEAD);
        }
        int size = checkedSize(buffer, buffer.position(), remaining, 0);
        if (size < 0) {
            throw new CorruptRecordException("reason=batchBeyondBuffer batchLength="
                    + buffer.getInt(buffer.position() + LENGTH_OFFSET) + " remainingBytes=" + remaining);
        }
        return new RecordBatch(buffer.slice(buffer.position(), size));
    }

    /** A view of {@code size} bytes at {@code position}, already checked by {@link #checkedSize}. */
    static RecordBatch at(ByteBuffer buffer, int position, int size) {
        return new RecordBatch(buffer.slice(position, size));
    }

    /**
     * Checks the framing of the batch at {@code position} with {@code remaining} bytes available
     * (at least {@link #LOG_OVERHEAD}) and returns its size, or -1 if the batch extends beyond the
     * available bytes (a partial batch).
     *
     * @throws CorruptRecordException if batchLength is below 49 or, for a whole batch, the magic
     *     byte is not 2; {@code where} (the batch's position in a larger buffer) goes into the message
     */
    static int checkedSize(ByteBuffer buffer, int position, int remaining, int where) {
        int batchLength = buffer.getInt(position + LENGTH_OFFSET);
        if (batchLength < MIN_BATCH_LENGTH) {
            throw new CorruptRecordException("reason=batchLengthTooSmall batchLength=" + batchLength
                    + " minBatchLength=" + MIN_BATCH_LENGTH + " position=" + where);
        }
        long size = (long) LOG_OVERHEAD + batchLength;
        if (size > remaining) {
            return -1;
        }
        byte magic = buffer.get(position + MAGIC_OFFSET);
        if (magic != MAGIC) {
            throw new CorruptRecordException("reason=unsupportedMagic magic=" + magic + " expectedMagic=" + MAGIC
                    + " batchOffset=" + buffer.getLong(position) + " position=" + where);
        }
        return (int) size;
    }

    /** First offset of the batch. */
    public long baseOffset() {
        return buffer.getLong(BASE_OFFSET_OFFSET);
    }

    /** The batchLength field: size in bytes minus 12. */
    public int batchLength() {
        return buffer.getInt(LENGTH_OFFSET);
    }

    /** Epoch of the leader that appended the batch, or -1. */
    public int partitionLeaderEpoch() {
        return buffer.getInt(PARTITION_LEADER_EPOCH_OFFSET);
    }

    /** The magic byte (always 2 for an instance). */
    public byte magic() {
        return buffer.get(MAGIC_OFFSET);
    }

    /** The stored CRC-32C, as an unsigned value. */
    public long crc() {
        return buffer.getInt(CRC_OFFSET) & 0xffffffffL;
    }

    /** The raw attributes field. */
    public short attributes() {
        return buffer.getShort(ATTRIBUTES_OFFSET);
    }

    /**
     * The codec of the records section.
     *
     * @throws CorruptRecordException if the codec id is 5, 6 or 7
     */
    public CompressionType compressionType() {
        int id = attributes() & COMPRESSION_CODEC_MASK;
        if (id > CompressionType.ZSTD.id) {
            throw new CorruptRecordException("reason=unknownCompressionType compressionTypeId=" + id
                    + " batchOffset=" + baseOffset());
        }
        return CompressionType.forId(id);
    }

    /** CreateTime or LogAppendTime, from attribute bit 3. */
    public TimestampType timestampType() {
        return (attributes() & TIMESTAMP_TYPE_MASK) == 0 ? TimestampType.CREATE_TIME : TimestampType.LOG_APPEND_TIME;
    }

    /** Whether the batch belongs to a transaction (attribute bit 4). */
    public boolean isTransactional() {
        return (attributes() & TRANSACTIONAL_FLAG_MASK) != 0;
    }

    /** Whether the batch holds a control record (attribute bit 5). */
    public boolean isControlBatch() {
        return (attributes() & CONTROL_FLAG_MASK) != 0;
    }

    /** Whether baseTimestamp holds the compaction delete horizon (attribute bit 6). */
    public boolean hasDeleteHorizon() {
        return (attributes() & DELETE_HORIZON_FLAG_MASK) != 0;
    }

    /** The delete horizon in milliseconds, when attribute bit 6 is set. */
    public OptionalLong deleteHorizonMs() {
        return hasDeleteHorizon() ? OptionalLong.of(baseTimestamp()) : OptionalLong.empty();
    }

    /** lastOffset - baseOffset. */
    public int lastOffsetDelta() {
        return buffer.getInt(LAST_OFFSET_DELTA_OFFSET);
    }

    /** Timestamp the record deltas are relative to (the delete horizon when bit 6 is set). */
    public long baseTimestamp() {
        return buffer.getLong(BASE_TIMESTAMP_OFFSET);
    }

    /** Largest CreateTime of the records, or the LogAppendTime. */
    public long maxTimestamp() {
        return buffer.getLong(MAX_TIMESTAMP_OFFSET);
    }

    /** Producer id, or -1. */
    public long producerId() {
        return buffer.getLong(PRODUCER_ID_OFFSET);
    }

    /** Whether a producer id is set. */
    public boolean hasProducerId() {
        return producerId() > NO_PRODUCER_ID;
    }

    /** Producer epoch, or -1. */
    public short producerEpoch() {
        return buffer.getShort(PRODUCER_EPOCH_OFFSET);
    }

    /** Sequence of the first record, or -1. */
    public int baseSequence() {
        return buffer.getInt(BASE_SEQUENCE_OFFSET);
    }

    /** Sequence of the last record (wrapping), or -1 when there is no base sequence. */
    public int lastSequence() {
        int base = baseSequence();
        return base == NO_SEQUENCE ? NO_SEQUENCE : incrementSequence(base, lastOffsetDelta());
    }

    /** The recordsCount field. */
    public int recordsCount() {
        return buffer.getInt(RECORDS_COUNT_OFFSET);
    }

    /** baseOffset + lastOffsetDelta. */
    public long lastOffset() {
        return baseOffset() + lastOffsetDelta();
    }

    /** The offset after this batch. */
    public long nextOffset() {
        return lastOffset() + 1;
    }

    /** Size of the whole batch in bytes (batchLength + 12). */
    public int sizeInBytes() {
        return buffer.limit();
    }

    /** A read-only view of the batch bytes, positioned at 0. */
    public ByteBuffer buffer() {
        return buffer.asReadOnlyBuffer();
    }

    /** CRC-32C of bytes 21 to the end, computed now. */
    public long computeCrc() {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().position(ATTRIBUTES_OFFSET));
        return crc.getValue();
    }

    /** Whether the stored CRC matches the bytes. */
    public boolean isValid() {
        return crc() == computeCrc();
    }

    /**
     * Checks the CRC.
     *
     * @throws CorruptRecordException with the stored and computed CRCs if they differ
     */
    public void ensureValid() {
        long computed = computeCrc();
        long stored = crc();
        if (computed != stored) {
            throw new CorruptRecordException("reason=crcMismatch batchOffset=" + baseOffset()
                    + " expectedCrc=" + stored + " actualCrc=" + computed + " sizeInBytes=" + sizeInBytes());
        }
    }

    /**
     * Iterates the records, decompressing the records section first if needed (at most
     * {@link #DEFAULT_MAX_DECOMPRESSED_BYTES}). Decoding is lazy; a malformed record raises
     * {@link CorruptRecordException} from {@code next()}.
     *
     * @throws CorruptRecordException from this call if recordsCount is negative or larger than the
     *     bytes could hold, the codec is unknown, or decompression fails
     */
    @Override
    public Iterator<Record> iterator() {
        return iterator(DEFAULT_MAX_DECOMPRESSED_BYTES);
    }

    /** Like {@link #iterator()}, with an explicit bound on the decompressed records section. */
    public Iterator<Record> iterator(int maxDecompressedBytes) {
        int count = recordsCount();
        if (count < 0) {
            throw new CorruptRecordException("reason=negativeRecordsCount recordsCount=" + count
                    + " batchOffset=" + baseOffset());
        }
        CompressionType compression = compressionType();
        if (count == 0 && compression != CompressionType.NONE) {
            return Collections.emptyIterator();
        }
        ByteBuffer records = recordsSection(compression, maxDecompressedBytes);
        if (count == 0 && records.hasRemaining()) {
            throw new CorruptRecordException("reason=bytesAfterLastRecord recordsCount=0 trailingBytes="
                    + records.remaining() + " batchOffset=" + baseOffset());
        }
        if ((long) count * RecordIterator.MIN_RECORD_BYTES > records.remaining()) {
            throw new CorruptRecordException("reason=recordsCountExceedsBytes recordsCount=" + count
                    + " recordsBytes=" + records.remaining() + " batchOffset=" + baseOffset());
        }
        return new RecordIterator(records, this, count);
    }

    private ByteBuffer recordsSection(CompressionType compression, int maxDecompressedBytes) {
        if (compression == CompressionType.NONE) {
            return buffer.slice(RECORD_BATCH_OVERHEAD, buffer.limit() - RECORD_BATCH_OVERHEAD);
        }
        ByteBuffer section = buffer.duplicate().position(RECORD_BATCH_OVERHEAD);
        byte[] records = CompressionCodec.decompress(compression, section, maxDecompressedBytes, this::describe);
        return ByteBuffer.wrap(records);
    }

    private String describe() {
        return "batchOffset=" + baseOffset();
    }

    /**
     * Decodes every record and checks the batch's internal consistency: recordsCount is not negative
     * and equals the number of records, every record length fits, offset deltas strictly increase
     * and stay within 0..lastOffsetDelta. Does not check the CRC (see {@link #ensureValid()}).
     *
     * @return the number of records
     * @throws CorruptRecordException on the first inconsistency
     */
    public int validateRecords() {
        Iterator<Record> records = iterator();
        if (!(records instanceof RecordIterator walker)) {
            return 0;
        }
        // Walks every record's framing (lengths, varints, headers, offsets) without building Record
        // objects: the append path validates every produced record, so this must not allocate.
        return walker.validateAll(lastOffsetDelta());
    }

    /** Sets the base offset in place; the CRC stays valid because the field is outside it. */
    public void setBaseOffset(long baseOffset) {
        buffer.putLong(BASE_OFFSET_OFFSET, baseOffset);
    }

    /** Sets the partition leader epoch in place; the CRC stays valid because the field is outside it. */
    public void setPartitionLeaderEpoch(int epoch) {
        buffer.putInt(PARTITION_LEADER_EPOCH_OFFSET, epoch);
    }

    /**
     * Sets lastOffsetDelta, then rewrites the CRC. Compaction uses it: a rebuilt batch keeps its
     * original last offset (and so the producer's last sequence) even when its last records are
     * gone. Nothing is written when the field already has this value.
     */
    public void setLastOffsetDelta(int lastOffsetDelta) {
        if (lastOffsetDelta() == lastOffsetDelta) {
            return;
        }
        buffer.putInt(LAST_OFFSET_DELTA_OFFSET, lastOffsetDelta);
        buffer.putInt(CRC_OFFSET, (int) computeCrc());
    }

    /**
     * Writes, at {@code out}'s position, the 61-byte header of a batch with this batch's offsets,
     * leader epoch, timestamp type, transactional and control bits, max timestamp and producer
     * fields, but no records: batchLength 49, no compression, no delete horizon, baseTimestamp -1,
     * recordsCount 0, CRC computed. Compaction keeps such a batch when it removed every record of a
     * producer's last batch, so that producer state survives (Kafka writes the same header).
     *
     * <pre>
     * offset size field                  value written
     *  0     8    baseOffset     INT64   original baseOffset
     *  8     4    batchLength    INT32   49 (no records)
     * 12     4    partitionLeaderEpoch   original
     * 16     1    magic          INT8    2
     * 17     4    crc            UINT32  CRC-32C of bytes 21..61
     * 21     2    attributes     INT16   compression 0 (none), original timestamp-type, transactional and
     *                                    control bits, no delete horizon
     * 23     4    lastOffsetDelta INT32  original (keeps the last offset and last sequence)
     * 27     8    baseTimestamp  INT64   -1
     * 35     8    maxTimestamp   INT64   original maxTimestamp
     * 43     8    producerId     INT64   original
     * 51     2    producerEpoch  INT16   original
     * 53     4    baseSequence   INT32   original
     * 57     4    recordsCount   INT32   0
     * </pre>
     */
    public void writeEmptyHeaderTo(ByteBuffer out) {
        int start = out.position();
        int attributes = attributes() & (TIMESTAMP_TYPE_MASK | TRANSACTIONAL_FLAG_MASK | CONTROL_FLAG_MASK);
        out.putLong(baseOffset()).putInt(MIN_BATCH_LENGTH).putInt(partitionLeaderEpoch()).put(MAGIC).putInt(0)
                .putShort((short) attributes).putInt(lastOffsetDelta()).putLong(NO_TIMESTAMP).putLong(maxTimestamp())
                .putLong(producerId()).putShort(producerEpoch()).putInt(baseSequence()).putInt(0);
        RecordBatch empty = at(out, start, RECORD_BATCH_OVERHEAD);
        out.putInt(start + CRC_OFFSET, (int) empty.computeCrc());
    }

    /**
     * Sets the timestamp type bit and the max timestamp, then rewrites the CRC (a leader does this
     * for a topic with LogAppendTime). Nothing is written when both already have these values.
     *
     * @throws IllegalArgumentException for {@link TimestampType#NO_TIMESTAMP_TYPE}
     */
    public void setMaxTimestamp(TimestampType timestampType, long maxTimestamp) {
        if (timestampType == TimestampType.NO_TIMESTAMP_TYPE) {
            throw new IllegalArgumentException("reason=noTimestampTypeInMagic2 batchOffset=" + baseOffset());
        }
        if (timestampType() == timestampType && maxTimestamp() == maxTimestamp) {
            return;
        }
        int attributes = attributes() & ~TIMESTAMP_TYPE_MASK;
        if (timestampType == TimestampType.LOG_APPEND_TIME) {
            attributes |= TIMESTAMP_TYPE_MASK;
        }
        buffer.putShort(ATTRIBUTES_OFFSET, (short) attributes);
        buffer.putLong(MAX_TIMESTAMP_OFFSET, maxTimestamp);
        buffer.putInt(CRC_OFFSET, (int) computeCrc());
    }

    /**
     * Adds {@code increment} to a producer sequence number, wrapping from {@link Integer#MAX_VALUE}
     * to 0 as producers do.
     */
    public static int incrementSequence(int sequence, int increment) {
        if (sequence > Integer.MAX_VALUE - increment) {
            return increment - (Integer.MAX_VALUE - sequence) - 1;
        }
        return sequence + increment;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordBatch that && buffer.equals(that.buffer);
    }

    @Override
    public int hashCode() {
        return buffer.hashCode();
    }

    @Override
    public String toString() {
        return "RecordBatch(baseOffset=" + baseOffset() + " lastOffset=" + lastOffset() + " recordsCount="
                + recordsCount() + " sizeInBytes=" + sizeInBytes() + " attributes=0x"
                + Integer.toHexString(attributes() & 0xffff) + " producerId=" + producerId() + " producerEpoch="
                + producerEpoch() + " baseSequence=" + baseSequence() + " partitionLeaderEpoch="
                + partitionLeaderEpoch() + " crc=" + crc() + ")";
    }
}
