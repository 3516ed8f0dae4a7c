package dev.millrace.protocol.record;

import dev.millrace.common.errors.CorruptRecordException;
import dev.millrace.common.header.Header;
import dev.millrace.common.header.RecordHeader;
import dev.millrace.common.record.TimestampType;
import dev.millrace.protocol.types.ByteUtils;
import dev.millrace.protocol.types.MalformedMessageException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Decodes the records of one batch, lazily, from a buffer that holds exactly the (uncompressed)
 * records section, positions 0 to limit. The layout is drawn on {@link Record}.
 *
 * <p>Every length is checked against the bytes of its record before it is used, and the record must
 * end exactly where its length prefix says; the batch must hold exactly {@code recordsCount} records.
 * Any violation raises {@link CorruptRecordException} naming the batch, the record index and its byte
 * position, never a buffer underflow.
 *
 * <p>Decoding walks a private cursor with absolute reads and never moves the buffer's own position
 * (except around the rare varint longer than two bytes, which {@link ByteUtils} decodes); records get
 * their key and value from a read-only view of the same bytes. Not thread-safe: one iterator per consumer.
 */
final class RecordIterator implements Iterator<Record> {
    /** Smallest record body: attributes, timestamp delta, offset delta, key, value and header count. */
    static final int MIN_BODY_BYTES = 6;
    /** Smallest encoded record: a one-byte length prefix and the smallest body. */
    static final int MIN_RECORD_BYTES = 1 + MIN_BODY_BYTES;

    private final ByteBuffer in;
    private final ByteBuffer readOnly;
    private final byte[] array;
    private final int arrayOffset;
    private final int limit;
    private final long baseOffset;
    private final long baseTimestamp;
    private final int baseSequence;
    private final boolean logAppendTime;
    private final long maxTimestamp;
    private final int count;
    private int index;
    private int cursor;

    RecordIterator(ByteBuffer records, RecordBatch batch, int count) {
        this.in = records;
        this.readOnly = records.isReadOnly() ? records : records.asReadOnlyBuffer();
        this.array = records.hasArray() ? records.array() : null;
        this.arrayOffset = records.hasArray() ? records.arrayOffset() : 0;
        this.limit = records.limit();
        this.baseOffset = batch.baseOffset();
        this.baseTimestamp = batch.baseTimestamp();
        this.baseSequence = batch.baseSequence();
        this.logAppendTime = batch.timestampType() == TimestampType.LOG_APPEND_TIME;
        this.maxTimestamp = batch.maxTimestamp();
        this.count = count;
    }

    @Override
    public boolean hasNext() {
        return index < count;
    }

    @Override
    public Record next() {
        if (index >= count) {
            throw new NoSuchElementException("reason=noMoreRecords recordsCount=" + count);
        }
        if (cursor >= limit) {
            throw corrupt("reason=fewerRecordsThanCount recordsCount=" + count + " actualRecords=" + index);
        }
        Record record;
        try {
            record = readRecord();
        } catch (MalformedMessageException e) {
            throw new CorruptRecordException("reason=malformedRecord " + facts() + " cause=" + e.getMessage(), e);
        }
        index++;
        if (index == count && cursor < limit) {
            throw corrupt("reason=bytesAfterLastRecord recordsCount=" + count + " trailingBytes="
                    + (limit - cursor));
        }
        return record;
    }

    /**
     * Checks the framing of every remaining record exactly as {@link #next()} would decode it (record
     * and field lengths, varints, header counts, no trailing bytes, the count) plus increasing offset
     * deltas within {@code lastOffsetDelta}, without building records.
     *
     * @return the number of records
     * @throws CorruptRecordException on the first violation
     */
    int validateAll(int lastOffsetDelta) {
        int previousDelta = -1;
        try {
            while (index < count) {
                if (cursor >= limit) {
                    throw corrupt("reason=fewerRecordsThanCount recordsCount=" + count + " actualRecords=" + index);
                }
                int offsetDelta = skipRecord();
                if (offsetDelta <= previousDelta || offsetDelta > lastOffsetDelta) {
                    throw corrupt("reason=offsetDeltaOutOfOrder offsetDelta=" + offsetDelta + " previousOffsetDelta="
                            + previousDelta + " lastOffsetDelta=" + lastOffsetDelta);
                }
                previousDelta = offsetDelta;
                index++;
            }
        } catch (MalformedMessageException e) {
            throw new CorruptRecordException("reason=malformedRecord " + facts() + " cause=" + e.getMessage(), e);
        }
        if (cursor < limit) {
            throw corrupt("reason=bytesAfterLastRecord recordsCount=" + count + " trailingBytes=" + (limit - cursor));
        }
        return index;
    }

    /** Advances past one record, checking its framing as {@link #readRecord()} does; returns its offset delta. */
    private int skipRecord() {
        int bodySize = readVarint();
        int bodyStart = cursor;
        if (bodySize < MIN_BODY_BYTES || bodySize > limit - bodyStart) {
            throw corrupt("reason=recordLengthOutOfRange recordBytes=" + bodySize + " remainingBytes="
                    + (limit - bodyStart) + " minBytes=" + MIN_BODY_BYTES);
        }
        int end = bodyStart + bodySize;
        cursor++;
        readVarlong();
        int offsetDelta = readVarint();
        skipBytes(readVarint(), end, "key");
        skipBytes(readVarint(), end, "value");
        readHeaders(readVarint(), end, false);
        if (cursor != end) {
            throw corrupt("reason=recordLengthMismatch recordBytes=" + bodySize + " decodedBytes=" + (cursor - bodyStart));
        }
        return offsetDelta;
    }

    private Record readRecord() {
        int start = cursor;
        int bodySize = readVarint();
        int bodyStart = cursor;
        if (bodySize < MIN_BODY_BYTES || bodySize > limit - bodyStart) {
            throw corrupt("reason=recordLengthOutOfRange recordBytes=" + bodySize + " remainingBytes="
                    + (limit - bodyStart) + " minBytes=" + MIN_BODY_BYTES);
        }
        int end = bodyStart + bodySize;
        cursor++;
        long timestampDelta = readVarlong();
        int offsetDelta = readVarint();
        int keySize = readVarint();
        int keyPosition = cursor;
        skipBytes(keySize, end, "key");
        int valueSize = readVarint();
        int valuePosition = cursor;
        skipBytes(valueSize, end, "value");
        int headerCount = readVarint();
        Header[] headers = readHeaders(headerCount, end, true);
        if (cursor != end) {
            throw corrupt("reason=recordLengthMismatch recordBytes=" + bodySize + " decodedBytes="
                    + (cursor - bodyStart));
        }
        long timestamp = logAppendTime ? maxTimestamp : baseTimestamp + timestampDelta;
        int sequence = baseSequence < 0 ? RecordBatch.NO_SEQUENCE
                : RecordBatch.incrementSequence(baseSequence, offsetDelta);
        return new Record(readOnly, end - start, baseOffset + offsetDelta, timestamp, sequence, keyPosition, keySize,
                valuePosition, valueSize, headers);
    }

    private void skipBytes(int size, int end, String field) {
        if (size < -1 || size > end - cursor) {
            throw corrupt("reason=fieldLengthOutOfRange field=" + field + " length=" + size
                    + " recordRemainingBytes=" + (end - cursor));
        }
        if (size > 0) {
            cursor += size;
        }
    }

    /**
     * Reads (or, when {@code materialize} is false, only checks and skips) {@code headerCount}
     * headers ending by {@code end}.
     */
    private Header[] readHeaders(int headerCount, int end, boolean materialize) {
        if (headerCount < 0 || headerCount > (end - cursor) / 2) {
            throw corrupt("reason=headerCountOutOfRange headerCount=" + headerCount
                    + " recordRemainingBytes=" + (end - cursor));
        }
        if (headerCount == 0) {
            return Record.NO_HEADERS;
        }
        Header[] headers = materialize ? new Header[headerCount] : null;
        for (int i = 0; i < headerCount; i++) {
            int keySize = readVarint();
            if (keySize < 0 || keySize > end - cursor) {
                throw corrupt("reason=headerKeyLengthOutOfRange header=" + i + " length=" + keySize);
            }
            int keyPosition = cursor;
            cursor += keySize;
            int valueSize = readVarint();
            if (valueSize < -1 || valueSize > end - cursor) {
                throw corrupt("reason=headerValueLengthOutOfRange header=" + i + " length=" + valueSize);
            }
            if (materialize) {
                cursor = keyPosition;
                String key = new String(copy(keySize), StandardCharsets.UTF_8);
                readVarint();
                headers[i] = new RecordHeader(key, valueSize < 0 ? null : copy(valueSize));
            } else {
                cursor += Math.max(0, valueSize);
            }
        }
        return headers;
    }

    private byte[] copy(int size) {
        byte[] bytes = new byte[size];
        in.get(cursor, bytes);
        cursor += size;
        return bytes;
    }

    /**
     * Reads a zigzag varint at the cursor. Inside a record nearly every varint (deltas, lengths up to
     * 8191, header counts) takes one or two bytes, so those are decoded here; longer ones, and every
     * malformed or truncated one, go through {@link ByteUtils}.
     */
    private int readVarint() {
        int raw = shortUnsignedVarint();
        if (raw >= 0) {
            return (raw >>> 1) ^ -(raw & 1);
        }
        in.position(cursor);
        int value = ByteUtils.readVarint(in);
        cursor = in.position();
        return value;
    }

    /** Reads a zigzag varlong at the cursor, with the same shortcut as {@link #readVarint()}. */
    private long readVarlong() {
        int raw = shortUnsignedVarint();
        if (raw >= 0) {
            return (raw >>> 1) ^ -(raw & 1);
        }
        in.position(cursor);
        long value = ByteUtils.readVarlong(in);
        cursor = in.position();
        return value;
    }

    /**
     * Decodes an unsigned varint of one or two bytes at the cursor and advances past it, or returns -1
     * without moving when the varint is longer or the bytes run out.
     */
    private int shortUnsignedVarint() {
        int position = cursor;
        if (position + 1 < limit) {
            int first = byteAt(position);
            if (first >= 0) {
                cursor = position + 1;
                return first;
            }
            int second = byteAt(position + 1);
            if (second >= 0) {
                cursor = position + 2;
                return (first & 0x7f) | (second << 7);
            }
        } else if (position < limit) {
            int first = byteAt(position);
            if (first >= 0) {
                cursor = position + 1;
                return first;
            }
        }
        return -1;
    }

    /** The byte at {@code position} (below {@code limit}), straight from the array when there is one. */
    private int byteAt(int position) {
        return array != null ? array[arrayOffset + position] : in.get(position);
    }

    private CorruptRecordException corrupt(String reason) {
        return new CorruptRecordException(reason + " " + facts());
    }

    private String facts() {
        return "batchOffset=" + baseOffset + " recordIndex=" + index + " recordPosition=" + cursor;
    }
}
