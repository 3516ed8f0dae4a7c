package dev.millrace.protocol.record;

import dev.millrace.common.header.Header;
import dev.millrace.common.record.TimestampType;
import dev.millrace.protocol.types.ByteUtils;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Writes one magic 2 record batch (layout on {@link RecordBatch}, records on {@link Record}).
 *
 * <p>Usage: configure (every setter is optional and must come before the first append), append
 * records, then {@link #build()}:
 * <pre>{@code
 * MemoryRecords records = new RecordBatchBuilder()
 *         .compression(CompressionType.LZ4)
 *         .producerState(producerId, producerEpoch, baseSequence)
 *         .append(timestampMs, key, value)
 *         .append(timestampMs, otherKey, otherValue, headers)
 *         .build();
 * }</pre>
 *
 * <p>Defaults mirror a fresh Kafka producer batch: no compression, CreateTime, base offset 0, no
 * producer id/epoch/sequence, partition leader epoch -1, not transactional, not control, no delete
 * horizon. With LogAppendTime the max timestamp is the configured {@link #logAppendTime(long)}.
 *
 * <p>How it stays fast: each record's size is computed up front and the record is written with its
 * varints straight into one growable heap buffer, after 61 reserved header bytes; nothing is
 * allocated per record (except UTF-8 bytes of header keys). {@link #build()} compresses the records
 * section in one pass into an array that again reserves the header, then writes the header and the
 * CRC-32C. For {@link CompressionType#NONE} the output is byte for byte what Kafka's
 * {@code MemoryRecordsBuilder} writes for the same input.
 *
 * <p>Argument checks throw {@link IllegalArgumentException} (as Kafka's builder does): offsets must
 * increase and stay within {@code Integer.MAX_VALUE} of the base offset, timestamps must be -1 or
 * non-negative, control records only go into control batches and data records only into other batches.
 * Not thread-safe; one builder builds one batch.
 */
public final class RecordBatchBuilder {
    private static final int DEFAULT_INITIAL_CAPACITY = 1024;
    private static final byte[][] NO_HEADER_KEYS = new byte[0][];

    private CompressionType compression = CompressionType.NONE;
    private TimestampType timestampType = TimestampType.CREATE_TIME;
    private long logAppendTime = RecordBatch.NO_TIMESTAMP;
    private long baseOffset;
    private long producerId = RecordBatch.NO_PRODUCER_ID;
    private short producerEpoch = RecordBatch.NO_PRODUCER_EPOCH;
    private int baseSequence = RecordBatch.NO_SEQUENCE;
    private boolean transactional;
    private boolean control;
    private int partitionLeaderEpoch = RecordBatch.NO_PARTITION_LEADER_EPOCH;
    private long deleteHorizonMs = RecordBatch.NO_TIMESTAMP;
    private int initialCapacity = DEFAULT_INITIAL_CAPACITY;

    private ByteBuffer buffer;
    private int numRecords;
    private long lastOffset;
    private long baseTimestamp;
    private long maxTimestamp = RecordBatch.NO_TIMESTAMP;
    private byte[][] headerKeys = NO_HEADER_KEYS;
    private MemoryRecords built;

    /** Creates a builder with the defaults described on the class. */
    public RecordBatchBuilder() {
    }

    /** Codec of the records section. */
    public RecordBatchBuilder compression(CompressionType compression) {
        checkConfigurable();
        this.compression = Objects.requireNonNull(compression, "compression");
        return this;
    }

    /**
     * Timestamp type of the batch.
     *
     * @throws IllegalArgumentException for {@link TimestampType#NO_TIMESTAMP_TYPE}
     */
    public RecordBatchBuilder timestampType(TimestampType timestampType) {
        checkConfigurable();
        if (timestampType == null || timestampType == TimestampType.NO_TIMESTAMP_TYPE) {
            throw new IllegalArgumentException("reason=timestampTypeRequiredForMagic2 timestampType=" + timestampType);
        }
        this.timestampType = timestampType;
        return this;
    }

    /** Switches to LogAppendTime with the given append time, which becomes the batch's max timestamp. */
    public RecordBatchBuilder logAppendTime(long logAppendTimeMs) {
        checkConfigurable();
        this.timestampType = TimestampType.LOG_APPEND_TIME;
        this.logAppendTime = logAppendTimeMs;
        return this;
    }

    /** Offset of the first record appended with {@link #append}. */
    public RecordBatchBuilder baseOffset(long baseOffset) {
        checkConfigurable();
        this.baseOffset = baseOffset;
        return this;
    }

    /** Idempotent producer fields: producer id, producer epoch and the first record's sequence. */
    public RecordBatchBuilder producerState(long producerId, short producerEpoch, int baseSequence) {
        checkConfigurable();
        this.producerId = producerId;
        this.producerEpoch = producerEpoch;
        this.baseSequence = baseSequence;
        return this;
    }

    /** Marks the batch as part of a transaction (requires a producer id at build time). */
    public RecordBatchBuilder transactional(boolean transactional) {
        checkConfigurable();
        this.transactional = transactional;
        return this;
    }

    /** Makes this a control batch, which accepts only control records such as transaction markers. */
    public RecordBatchBuilder control(boolean control) {
        checkConfigurable();
        this.control = control;
        return this;
    }

    /** Epoch of the partition leader writing the batch (-1 for producers). */
    public RecordBatchBuilder partitionLeaderEpoch(int partitionLeaderEpoch) {
        checkConfigurable();
        this.partitionLeaderEpoch = partitionLeaderEpoch;
        return this;
    }

    /**
     * Sets the compaction delete horizon: it is stored as baseTimestamp with attribute bit 6, and record
     * timestamps become deltas from it. A negative value means none.
     */
    public RecordBatchBuilder deleteHorizonMs(long deleteHorizonMs) {
        checkConfigurable();
        this.deleteHorizonMs = deleteHorizonMs;
        return this;
    }

    /** Initial size of the write buffer in bytes (it grows as needed); include the 61 header bytes. */
    public RecordBatchBuilder initialCapacity(int bytes) {
        checkConfigurable();
        if (bytes < 0) {
            throw new IllegalArgumentException("reason=negativeCapacity initialCapacity=" + bytes);
        }
        this.initialCapacity = bytes;
        return this;
    }

    private void checkConfigurable() {
        if (buffer != null) {
            throw new IllegalStateException("reason=configureAfterAppend numRecords=" + numRecords);
        }
    }

    /** Appends a record without headers at the next offset. */
    public RecordBatchBuilder append(long timestamp, byte[] key, byte[] value) {
        return appendWithOffset(nextOffset(), timestamp, key, value, null);
    }

    /** Appends a record at the next offset; {@code headers} may be null for none. */
    public RecordBatchBuilder append(long timestamp, byte[] key, byte[] value, Header[] headers) {
        return appendWithOffset(nextOffset(), timestamp, key, value, headers);
    }

    /** Appends a record at the next offset; key and value bytes are position..limit (not consumed). */
    public RecordBatchBuilder append(long timestamp, ByteBuffer key, ByteBuffer value, Header[] headers) {
        return appendWithOffset(nextOffset(), timestamp, key, value, headers);
    }

    /** Appends a record at {@code offset}, which must be above every offset appended so far. */
    public RecordBatchBuilder appendWithOffset(long offset, long timestamp, byte[] key, byte[] value,
            Header[] headers) {
        checkDataRecord();
        writePrefix(offset, timestamp, key == null ? -1 : key.length, value == null ? -1 : value.length, headers);
        if (key != null) {
            buffer.put(key);
        }
        writeValueAndHeaders(value, headers);
        return this;
    }

    /** Appends a record at {@code offset}; key and value bytes are position..limit (not consumed). */
    public RecordBatchBuilder appendWithOffset(long offset, long timestamp, ByteBuffer key, ByteBuffer value,
            Header[] headers) {
        checkDataRecord();
        appendBuffers(offset, timestamp, key, value, headers);
        return this;
    }

    /** Appends a COMMIT or ABORT marker at the next offset; the batch must be a control batch. */
    public RecordBatchBuilder appendEndTxnMarker(long timestamp, EndTransactionMarker marker) {
        return appendControlRecord(timestamp, marker.controlType(), marker.serializeValue());
    }

    /** Appends a control record of {@code type} with {@code value} at the next offset. */
    public RecordBatchBuilder appendControlRecord(long timestamp, ControlRecordType type, ByteBuffer value) {
        if (!control) {
            throw new IllegalArgumentException("reason=controlRecordInDataBatch controlType=" + type);
        }
        appendBuffers(nextOffset(), timestamp, type.recordKey(), value, null);
        return this;
    }

    private void checkDataRecord() {
        if (control) {
            throw new IllegalArgumentException("reason=dataRecordInControlBatch numRecords=" + numRecords);
        }
    }

    private void appendBuffers(long offset, long timestamp, ByteBuffer key, ByteBuffer value, Header[] headers) {
        int keySize = key == null ? -1 : key.remaining();
        int valueSize = value == null ? -1 : value.remaining();
        writePrefix(offset, timestamp, keySize, valueSize, headers);
        if (key != null) {
            putBytes(key, keySize);
        }
        ByteUtils.writeVarint(valueSize, buffer);
        if (value != null) {
            putBytes(value, valueSize);
        }
        writeHeaders(headers);
    }

    private void putBytes(ByteBuffer src, int length) {
        int position = buffer.position();
        buffer.put(position, src, src.position(), length);
        buffer.position(position + length);
    }

    private long nextOffset() {
        return numRecords == 0 ? baseOffset : lastOffset + 1;
    }

    /**
     * Checks the record, reserves room for it and writes everything up to the key bytes: length,
     * attributes, timestamp delta, offset delta and key length. Updates the batch counters.
     */
    private void writePrefix(long offset, long timestamp, int keySize, int valueSize, Header[] headers) {
        if (built != null) {
            throw new IllegalStateException("reason=appendAfterBuild numRecords=" + numRecords);
        }
        if (numRecords > 0 ? offset <= lastOffset : offset < baseOffset) {
            throw new IllegalArgumentException("reason=offsetNotIncreasing offset=" + offset
                    + " lastOffset=" + (numRecords > 0 ? lastOffset : baseOffset - 1));
        }
        if (offset - baseOffset > Integer.MAX_VALUE || numRecords == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("reason=offsetDeltaOverflow offset=" + offset
                    + " baseOffset=" + baseOffset + " numRecords=" + numRecords);
        }
        if (timestamp < 0 && timestamp != RecordBatch.NO_TIMESTAMP) {
            throw new IllegalArgumentException("reason=negativeTimestamp timestamp=" + timestamp);
        }
        if (numRecords == 0) {
            baseTimestamp = deleteHorizonMs >= 0 ? deleteHorizonMs : timestamp;
        }
        int offsetDelta = (int) (offset - baseOffset);
        long timestampDelta = timestamp - baseTimestamp;
        long bodySize = 1L + ByteUtils.sizeOfVarlong(timestampDelta) + ByteUtils.sizeOfVarint(offsetDelta)
                + sizeOfBytes(keySize) + sizeOfBytes(valueSize) + sizeOfHeaders(headers);
        if (bodySize > ByteSink.MAX_ARRAY_BYTES - 16) {
            throw new IllegalArgumentException("reason=recordTooLarge recordBytes=" + bodySize);
        }
        ensureRoom(5 + (int) bodySize);
        ByteBuffer out = buffer;
        ByteUtils.writeVarint((int) bodySize, out);
        out.put((byte) 0);
        ByteUtils.writeVarlong(timestampDelta, out);
        ByteUtils.writeVarint(offsetDelta, out);
        ByteUtils.writeVarint(keySize, out);
        numRecords++;
        lastOffset = offset;
        if (timestamp > maxTimestamp) {
            maxTimestamp = timestamp;
        }
    }

    private void writeValueAndHeaders(byte[] value, Header[] headers) {
        ByteBuffer out = buffer;
        if (value == null) {
            out.put((byte) 1);
        } else {
            ByteUtils.writeVarint(value.length, out);
            out.put(value);
        }
        writeHeaders(headers);
    }

    private static int sizeOfBytes(int size) {
        return size < 0 ? 1 : ByteUtils.sizeOfVarint(size) + size;
    }

    /** Size of the header count and headers; caches each key's UTF-8 bytes for {@link #writeHeaders}. */
    private int sizeOfHeaders(Header[] headers) {
        if (headers == null || headers.length == 0) {
            return 1;
        }
        if (headerKeys.length < headers.length) {
            headerKeys = new byte[headers.length][];
        }
        int size = ByteUtils.sizeOfVarint(headers.length);
        for (int i = 0; i < headers.length; i++) {
            Header header = headers[i];
            if (header == null || header.key() == null) {
                throw new IllegalArgumentException("reason=nullHeaderKey headerIndex=" + i);
            }
            byte[] key = header.key().getBytes(StandardCharsets.UTF_8);
            headerKeys[i] = key;
            byte[] value = header.value();
            size += ByteUtils.sizeOfVarint(key.length) + key.length + sizeOfBytes(value == null ? -1 : value.length);
        }
        return size;
    }

    private void writeHeaders(Header[] headers) {
        ByteBuffer out = buffer;
        if (headers == null || headers.length == 0) {
            out.put((byte) 0);
            return;
        }
        ByteUtils.writeVarint(headers.length, out);
        for (int i = 0; i < headers.length; i++) {
            byte[] key = headerKeys[i];
            ByteUtils.writeVarint(key.length, out);
            out.put(key);
            byte[] value = headers[i].value();
            if (value == null) {
                out.put((byte) 1);
            } else {
                ByteUtils.writeVarint(value.length, out);
                out.put(value);
            }
            headerKeys[i] = null;
        }
    }

    private void ensureRoom(int bytes) {
        if (buffer == null) {
            buffer = ByteBuffer.allocate(Math.max(initialCapacity, RecordBatch.RECORD_BATCH_OVERHEAD + bytes));
            buffer.position(RecordBatch.RECORD_BATCH_OVERHEAD);
            return;
        }
        if (buffer.remaining() >= bytes) {
            return;
        }
        long needed = (long) buffer.position() + bytes;
        if (needed > ByteSink.MAX_ARRAY_BYTES) {
            throw new IllegalArgumentException("reason=batchTooLarge neededBytes=" + needed);
        }
        int capacity = (int) Math.min(ByteSink.MAX_ARRAY_BYTES, Math.max(needed, 2L * buffer.capacity()));
        ByteBuffer grown = ByteBuffer.allocate(capacity);
        grown.put(buffer.flip());
        buffer = grown;
    }

    /** Number of records appended so far. */
    public int numRecords() {
        return numRecords;
    }

    /** Bytes written so far, uncompressed, including the 61 header bytes. */
    public int uncompressedSizeInBytes() {
        return buffer == null ? RecordBatch.RECORD_BATCH_OVERHEAD : buffer.position();
    }

    /**
     * Finishes the batch: compresses the records, writes the header and CRC. Returns
     * {@link MemoryRecords#EMPTY} when no record was appended (as Kafka's builder does), otherwise one
     * batch. Calling it again returns the same result.
     *
     * @throws IllegalArgumentException if the producer fields are inconsistent: transactional without
     *     producer id, producer id without epoch, or producer id without base sequence (data batches)
     */
    public MemoryRecords build() {
        if (built != null) {
            return built;
        }
        checkProducerState();
        if (numRecords == 0) {
            built = MemoryRecords.EMPTY;
            return built;
        }
        byte[] bytes;
        int size;
        if (compression == CompressionType.NONE) {
            bytes = buffer.array();
            size = buffer.position();
        } else {
            int recordsBytes = buffer.position() - RecordBatch.RECORD_BATCH_OVERHEAD;
            ByteSink out = CompressionCodec.compress(compression, buffer.array(), RecordBatch.RECORD_BATCH_OVERHEAD,
                    recordsBytes, RecordBatch.RECORD_BATCH_OVERHEAD);
            bytes = out.array();
            size = out.size();
        }
        ByteBuffer batch = ByteBuffer.wrap(bytes, 0, size);
        writeHeader(batch, size);
        built = MemoryRecords.readableRecords(batch);
        buffer = null;
        return built;
    }

    private void checkProducerState() {
        if (transactional && producerId == RecordBatch.NO_PRODUCER_ID) {
            throw new IllegalArgumentException("reason=transactionalWithoutProducerId");
        }
        if (producerId != RecordBatch.NO_PRODUCER_ID) {
            if (producerEpoch == RecordBatch.NO_PRODUCER_EPOCH) {
                throw new IllegalArgumentException("reason=producerIdWithoutEpoch producerId=" + producerId);
            }
            if (baseSequence < 0 && !control) {
                throw new IllegalArgumentException("reason=negativeBaseSequence producerId=" + producerId
                        + " baseSequence=" + baseSequence);
            }
        }
    }

    private void writeHeader(ByteBuffer batch, int size) {
        int attributes = compression.id;
        if (timestampType == TimestampType.LOG_APPEND_TIME) {
            attributes |= RecordBatch.TIMESTAMP_TYPE_MASK;
        }
        if (transactional) {
            attributes |= RecordBatch.TRANSACTIONAL_FLAG_MASK;
        }
        if (control) {
            attributes |= RecordBatch.CONTROL_FLAG_MASK;
        }
        if (deleteHorizonMs >= 0) {
            attributes |= RecordBatch.DELETE_HORIZON_FLAG_MASK;
        }
        long batchMaxTimestamp = timestampType == TimestampType.LOG_APPEND_TIME ? logAppendTime : maxTimestamp;
        batch.putLong(RecordBatch.BASE_OFFSET_OFFSET, baseOffset);
        batch.putInt(RecordBatch.LENGTH_OFFSET, size - RecordBatch.LOG_OVERHEAD);
        batch.putInt(RecordBatch.PARTITION_LEADER_EPOCH_OFFSET, partitionLeaderEpoch);
        batch.put(RecordBatch.MAGIC_OFFSET, RecordBatch.MAGIC);
        batch.putShort(RecordBatch.ATTRIBUTES_OFFSET, (short) attributes);
        batch.putInt(RecordBatch.LAST_OFFSET_DELTA_OFFSET, (int) (lastOffset - baseOffset));
        batch.putLong(RecordBatch.BASE_TIMESTAMP_OFFSET, baseTimestamp);
        batch.putLong(RecordBatch.MAX_TIMESTAMP_OFFSET, batchMaxTimestamp);
        batch.putLong(RecordBatch.PRODUCER_ID_OFFSET, producerId);
        batch.putShort(RecordBatch.PRODUCER_EPOCH_OFFSET, producerEpoch);
        batch.putInt(RecordBatch.BASE_SEQUENCE_OFFSET, baseSequence);
        batch.putInt(RecordBatch.RECORDS_COUNT_OFFSET, numRecords);
        CRC32C crc = new CRC32C();
        crc.update(batch.array(), RecordBatch.ATTRIBUTES_OFFSET, size - RecordBatch.ATTRIBUTES_OFFSET);
        batch.putInt(RecordBatch.CRC_OFFSET, (int) crc.getValue());
    }
}
