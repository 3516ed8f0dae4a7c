package dev.millrace.protocol.record;

import dev.millrace.common.header.Header;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One decoded record of a magic 2 batch. Its absolute offset, timestamp and sequence are computed
 * from the batch header and the record's deltas; key and value stay in the batch's (or the
 * decompressed records section's) bytes and are handed out as read-only slices.
 *
 * <pre>
 * record := length        VARINT   bytes that follow this field
 *           attributes    INT8     unused, 0
 *           timestampDelta VARLONG timestamp - batch baseTimestamp
 *           offsetDelta   VARINT   offset - batch baseOffset
 *           keyLength     VARINT   -1 = null key
 *           key           keyLength bytes
 *           valueLength   VARINT   -1 = null value (tombstone)
 *           value         valueLength bytes
 *           headerCount   VARINT
 *           header*       := keyLength VARINT (&gt;= 0) | key UTF-8 | valueLength VARINT (-1 = null) | value
 * VARINT / VARLONG are zigzag-encoded base-128 varints (ByteUtils):
 *   0 -&gt; 00, -1 -&gt; 01, 1 -&gt; 02, 63 -&gt; 7e, -65 -&gt; 81 01, 300 -&gt; d8 04
 * </pre>
 *
 * <p>In a batch with LogAppendTime every record's timestamp is the batch's max timestamp. The
 * sequence is the batch's base sequence plus the offset delta, wrapping from
 * {@link Integer#MAX_VALUE} to 0; it is -1 when the batch has no base sequence.
 *
 * <p>Instances are immutable views. They keep the underlying bytes alive; {@link #key()} and
 * {@link #value()} return a new read-only buffer on every call, so callers may move its position
 * freely. Thread-safe as long as nobody writes to the underlying batch bytes.
 */
public final class Record {
    static final Header[] NO_HEADERS = new Header[0];

    private final ByteBuffer source;
    private final int sizeInBytes;
    private final long offset;
    private final long timestamp;
    private final int sequence;
    private final int keyPosition;
    private final int keySize;
    private final int valuePosition;
    private final int valueSize;
    private final Header[] headers;

    Record(ByteBuffer source, int sizeInBytes, long offset, long timestamp, int sequence, int keyPosition,
            int keySize, int valuePosition, int valueSize, Header[] headers) {
        this.source = source;
        this.sizeInBytes = sizeInBytes;
        this.offset = offset;
        this.timestamp = timestamp;
        this.sequence = sequence;
        this.keyPosition = keyPosition;
        this.keySize = keySize;
        this.valuePosition = valuePosition;
        this.valueSize = valueSize;
        this.headers = headers;
    }

    /** Absolute offset: batch base offset plus the record's offset delta. */
    public long offset() {
        return offset;
    }

    /** Producer sequence number of this record, or -1 when the batch has none. */
    public int sequence() {
        return sequence;
    }

    /** Timestamp in milliseconds (CreateTime, or the batch's LogAppendTime), or -1 for none. */
    public long timestamp() {
        return timestamp;
    }

    /** Whether the key is non-null. */
    public boolean hasKey() {
        return keySize >= 0;
    }

    /** Key length in bytes, or -1 for a null key. */
    public int keySize() {
        return keySize;
    }

    /** A new read-only buffer over the key bytes, or null for a null key. */
    public ByteBuffer key() {
        return keySize < 0 ? null : source.slice(keyPosition, keySize);
    }

    /** Whether the value is non-null (false for a tombstone). */
    public boolean hasValue() {
        return valueSize >= 0;
    }

    /** Value length in bytes, or -1 for a null value. */
    public int valueSize() {
        return valueSize;
    }

    /** A new read-only buffer over the value bytes, or null for a null value. */
    public ByteBuffer value() {
        return valueSize < 0 ? null : source.slice(valuePosition, valueSize);
    }

    /** The headers in wire order (a copy of the array; empty when there are none). */
    public Header[] headers() {
        return headers.length == 0 ? headers : headers.clone();
    }

    /** Encoded size of the record, including its length prefix. */
    public int sizeInBytes() {
        return sizeInBytes;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Record that && offset == that.offset && timestamp == that.timestamp
                && sequence == that.sequence && sizeInBytes == that.sizeInBytes
                && Objects.equals(key(), that.key()) && Objects.equals(value(), that.value())
                && Arrays.equals(headers, that.headers);
    }

    @Override
    public int hashCode() {
        int result = Long.hashCode(offset);
        result = 31 * result + Long.hashCode(timestamp);
        result = 31 * result + sequence;
        result = 31 * result + Objects.hashCode(key());
        result = 31 * result + Objects.hashCode(value());
        return 31 * result + Arrays.hashCode(headers);
    }

    @Override
    public String toString() {
        return "Record(offset=" + offset + " timestamp=" + timestamp + " sequence=" + sequence + " keyBytes="
                + keySize + " valueBytes=" + valueSize + " headers=" + headers.length + ")";
    }
}
