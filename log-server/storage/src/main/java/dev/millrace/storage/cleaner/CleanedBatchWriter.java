package dev.millrace.storage.cleaner;

import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.storage.log.LogSegment;
import java.nio.ByteBuffer;

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
 *   were all removed, kept so that the producer's state survives (layout in
 *   {@link RecordBatch#writeEmptyHeaderTo}).</li>
 * </ul>
 *
 * <p>Threading: confined to one cleaner thread, writing a segment no other thread sees yet.
 */
final class CleanedBatchWriter {
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
        RecordBatch.wrap(out.duplicate().position(start).limit(start + size)).setLastOffsetDelta(lastOffsetDelta);
    }

    /** Writes the empty header of {@code original} (see {@link RecordBatch#writeEmptyHeaderTo}). */
    void writeEmpty(RecordBatch original) {
        original.writeEmptyHeaderTo(reserve(RecordBatch.RECORD_BATCH_OVERHEAD));
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
}
