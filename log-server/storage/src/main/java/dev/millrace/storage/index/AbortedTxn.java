package dev.millrace.storage.index;

import java.nio.ByteBuffer;

/**
 * One aborted transaction of one producer, as kept in a {@link TransactionIndex}: the transaction's
 * data spans {@code [firstOffset, lastOffset]}, where {@code lastOffset} is the offset of its abort
 * marker, and {@code lastStableOffset} was the partition's last stable offset when the marker was
 * written. A {@code read_committed} fetch uses these entries to drop the aborted data. Immutable.
 *
 * <p>The 34-byte serialized form is drawn in {@link TransactionIndex}.
 *
 * @param producerId       the producer that aborted
 * @param firstOffset      the offset of the transaction's first record
 * @param lastOffset       the offset of the abort marker
 * @param lastStableOffset the last stable offset when the abort was written
 */
public record AbortedTxn(long producerId, long firstOffset, long lastOffset, long lastStableOffset) {
    /** The only entry version there is. */
    public static final short CURRENT_VERSION = 0;
    /** Bytes per serialized entry: version INT16 and four INT64 fields. */
    public static final int SIZE = 2 + 4 * 8;

    /** Writes the 34-byte entry at the buffer's position (relative puts). */
    void writeTo(ByteBuffer buffer) {
        buffer.putShort(CURRENT_VERSION);
        buffer.putLong(producerId);
        buffer.putLong(firstOffset);
        buffer.putLong(lastOffset);
        buffer.putLong(lastStableOffset);
    }

    /** Reads the fields of the entry at {@code position}; the version (INT16 at {@code position}) is not checked. */
    static AbortedTxn readFrom(ByteBuffer buffer, int position) {
        return new AbortedTxn(buffer.getLong(position + 2), buffer.getLong(position + 10),
                buffer.getLong(position + 18), buffer.getLong(position + 26));
    }
}
