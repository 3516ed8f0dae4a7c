package dev.millrace.storage.cleaner;

import dev.millrace.common.record.TimestampType;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.storage.log.LogSegment;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Collects the batches a cleaning keeps in the cleaner's write buffer and appends them to the
 * cleaned segment ({@link LogSegment#append}, which builds the offset and time indexes exactly as
 * for produced data) whenever the buffer is full and at {@link #flush()}.
 *
 * <p>Three kinds of batch are written:
 * <ul>
 *   <li>an original batch, byte for byte ({@link #writeOriginal});</li>
 *   <li>a rebuilt batch ({@link #writeRebuilt}): the builder sets lastOffsetDelta from the last
 *   retained record, so it is patched back to the original batch's value (the producer's last
 *   sequence is baseSequence + lastOffsetDelta and must survive) and the CRC recomputed;</li>
 *   <li>an empty batch ({@link #writeEmpty}): just the 61-byte v2 header of a batch whose records
 *   were all removed, kept so that the producer's state survives (Kafka writes the same header):
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
 * </pre></li>
 * </ul>
 *
 * <p>Threading: confined to one cleaner thread, writing a segment no other thread sees yet.
 */
final class CleanedBatchWriter {
    private static final int ATTRIBUTES = 21;
    private static final int LAST_OFFSET_DELTA = 23;
    private static final int CRC = 17;
    private static final short TIMESTAMP_TYPE_BIT = 0x08;
    private static final short TRANSACTIONAL_BIT = 0x10;
    private static final short CONTROL_BIT = 0x20;

    private final LogSegment segment;
    private final int bufferBytes;
    private ByteBuffer buffer;
    private long bytesWritten;

    CleanedBatchWriter(LogSegment segment, int bufferBytes) {
        this.segment = segment;
        this.bufferBytes = Math.max(bufferBytes, RecordBatch.RECORD_BATCH_OVERHEAD);
        this.buffer = ByteBuffer.allocate(this.bufferBytes);
    }

    /** Bytes appended to the segment plus bytes still buffered. */
    long bytesWritten() {
        return bytesWritten;
    }

    /** Copies {@code batch} unchanged. */
    void writeOriginal(RecordBatch batch) {
        ByteBuffer bytes = batch.buffer();
        reserve(bytes.remaining()).put(bytes);
    }

    /**
     * Copies the single batch {@code rebuilt} and sets its lastOffsetDelta to {@code lastOffsetDelta}
     * (recomputing the CRC when that changes it).
     */
    void writeRebuilt(MemoryRecords rebuilt, int lastOffsetDelta) {
        ByteBuffer bytes = rebuilt.buffer();
        int size = bytes.remaining();
        ByteBuffer out = reserve(size);
        int start = out.position();
        out.put(bytes);
        if (out.getInt(start + LAST_OFFSET_DELTA) != lastOffsetDelta) {
            out.putInt(start + LAST_OFFSET_DELTA, lastOffsetDelta);
            out.putInt(start + CRC, crcOf(out, start, size));
        }
    }

    /** Writes the empty header of {@code original} (layout in the class notes). */
    void writeEmpty(RecordBatch original) {
        short attributes = 0;
        if (original.timestampType() == TimestampType.LOG_APPEND_TIME) {
            attributes |= TIMESTAMP_TYPE_BIT;
        }
        if (original.isTransactional()) {
            attributes |= TRANSACTIONAL_BIT;
        }
        if (original.isControlBatch()) {
            attributes |= CONTROL_BIT;
        }
        ByteBuffer out = reserve(RecordBatch.RECORD_BATCH_OVERHEAD);
        int start = out.position();
        out.putLong(original.baseOffset());
        out.putInt(RecordBatch.MIN_BATCH_LENGTH);
        out.putInt(original.partitionLeaderEpoch());
        out.put(RecordBatch.MAGIC);
        out.putInt(0);
        out.putShort(attributes);
        out.putInt(original.lastOffsetDelta());
        out.putLong(RecordBatch.NO_TIMESTAMP);
        out.putLong(original.maxTimestamp());
        out.putLong(original.producerId());
        out.putShort(original.producerEpoch());
        out.putInt(original.baseSequence());
        out.putInt(0);
        out.putInt(start + CRC, crcOf(out, start, RecordBatch.RECORD_BATCH_OVERHEAD));
    }

    /** Appends the buffered batches to the segment. */
    void flush() {
        if (buffer.position() == 0) {
            return;
        }
        buffer.flip();
        segment.append(MemoryRecords.readableRecords(buffer));
        buffer.clear();
        if (buffer.capacity() > bufferBytes) {
            buffer = ByteBuffer.allocate(bufferBytes);
        }
    }

    /** Makes room for {@code bytes} more bytes (flushing, or growing for an oversized batch). */
    private ByteBuffer reserve(int bytes) {
        if (buffer.remaining() < bytes) {
            flush();
            if (buffer.capacity() < bytes) {
                buffer = ByteBuffer.allocate(bytes);
            }
        }
        bytesWritten += bytes;
        return buffer;
    }

    private static int crcOf(ByteBuffer out, int start, int size) {
        CRC32C crc = new CRC32C();
        crc.update(out.duplicate().limit(start + size).position(start + ATTRIBUTES));
        return (int) crc.getValue();
    }
}
