package dev.millrace.storage.cleaner;

import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.storage.log.FileRecords;
import java.nio.ByteBuffer;

/**
 * Reads the batches of a segment file in large chunks (the cleaner's read buffer) instead of one
 * header and one batch at a time. A batch larger than the buffer makes the buffer grow to hold it
 * for the rest of the file; the buffer shrinks back afterwards.
 *
 * <p>The batches handed to the visitor are views over the read buffer: they are valid only until the
 * visitor returns. A torn tail (a last batch extending past the end of the file) ends the read
 * quietly; an impossible batch header raises {@link dev.millrace.common.errors.CorruptRecordException}.
 *
 * <p>Threading: confined to one cleaner thread. The file is only read (positional reads, safe
 * while the owner thread reads the same file).
 */
final class SegmentBatchReader {
    /** Receives each batch; returns false to stop reading. */
    @FunctionalInterface
    interface Visitor {
        boolean visit(RecordBatch batch, int position);
    }

    private final int initialBytes;
    private ByteBuffer buffer;
    private long bytesRead;

    SegmentBatchReader(int initialBytes) {
        this.initialBytes = Math.max(initialBytes, RecordBatch.RECORD_BATCH_OVERHEAD);
        this.buffer = ByteBuffer.allocate(this.initialBytes);
    }

    /** Bytes of whole batches read since this reader was created. */
    long bytesRead() {
        return bytesRead;
    }

    /** Visits the batches of {@code file} from position 0 until the end or until the visitor returns false. */
    void read(FileRecords file, Visitor visitor) {
        int size = file.sizeInBytes();
        int position = 0;
        try {
            while (position < size) {
                buffer.clear();
                buffer.limit(Math.min(buffer.capacity(), size - position));
                file.readInto(buffer, position);
                buffer.flip();
                int consumed = 0;
                for (RecordBatch batch : MemoryRecords.readableRecords(buffer).batches()) {
                    boolean more = visitor.visit(batch, position + consumed);
                    consumed += batch.sizeInBytes();
                    bytesRead += batch.sizeInBytes();
                    if (!more) {
                        return;
                    }
                }
                if (consumed == 0) {
                    int needed = batchSizeAtStart();
                    if (needed < 0 || needed > size - position || needed <= buffer.capacity()) {
                        return; // torn tail, or the file got shorter while being read
                    }
                    buffer = ByteBuffer.allocate(needed);
                }
                position += consumed;
            }
        } finally {
            if (buffer.capacity() > initialBytes) {
                buffer = ByteBuffer.allocate(initialBytes);
            }
        }
    }

    /** Size of the batch starting at the buffer's start, or -1 if not even its length field was read. */
    private int batchSizeAtStart() {
        if (buffer.remaining() < RecordBatch.LOG_OVERHEAD) {
            return -1;
        }
        long size = (long) RecordBatch.LOG_OVERHEAD + buffer.getInt(8);
        return size > Integer.MAX_VALUE ? -1 : (int) size;
    }
}
