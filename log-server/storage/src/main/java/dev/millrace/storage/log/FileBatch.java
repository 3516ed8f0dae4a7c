package dev.millrace.storage.log;

import dev.millrace.common.errors.CorruptRecordException;
import dev.millrace.protocol.record.RecordBatch;
import java.nio.ByteBuffer;

/**
 * The header facts of one batch inside a log file, read without loading the batch: where it is,
 * how big it is, which offsets and which largest timestamp it holds. {@link FileRecords#load}
 * reads the whole batch when its records are needed.
 *
 * <pre>
 * bytes read per batch (the start of the 61-byte v2 header; see RecordBatch for all of it):
 *  0 baseOffset INT64 | 8 batchLength INT32 | 12 partitionLeaderEpoch INT32 | 16 magic INT8 |
 * 17 crc UINT32 | 21 attributes INT16 | 23 lastOffsetDelta INT32 | 27 baseTimestamp INT64 |
 * 35 maxTimestamp INT64
 * </pre>
 *
 * @param position byte position of the batch in the file
 * @param baseOffset first offset of the batch
 * @param lastOffset last offset of the batch
 * @param sizeInBytes size of the whole batch, log overhead included
 * @param maxTimestamp largest timestamp of the batch
 * @param partitionLeaderEpoch leader epoch stamped by the leader that appended it
 */
public record FileBatch(int position, long baseOffset, long lastOffset, int sizeInBytes, long maxTimestamp,
                        int partitionLeaderEpoch) {
    /** Bytes of the header this record reads. */
    static final int HEADER_BYTES = 43;

    /** The offset after this batch. */
    public long nextOffset() {
        return lastOffset + 1;
    }

    /**
     * Parses the header bytes at {@code header}'s position. {@code fileBytesLeft} is the number of
     * bytes from the batch start to the end of the file.
     *
     * @return the batch, or null if the batch extends past the end of the file (a torn tail)
     * @throws CorruptRecordException if the length or magic is impossible
     */
    static FileBatch parse(ByteBuffer header, int position, long fileBytesLeft) {
        int start = header.position();
        int batchLength = header.getInt(start + 8);
        if (batchLength < RecordBatch.MIN_BATCH_LENGTH) {
            throw new CorruptRecordException("reason=batchLengthTooSmall batchLength=" + batchLength
                    + " position=" + position);
        }
        long size = (long) RecordBatch.LOG_OVERHEAD + batchLength;
        if (size > fileBytesLeft) {
            return null;
        }
        byte magic = header.get(start + 16);
        long baseOffset = header.getLong(start);
        if (magic != RecordBatch.MAGIC) {
            throw new CorruptRecordException("reason=unsupportedMagic magic=" + magic + " position=" + position
                    + " batchOffset=" + baseOffset);
        }
        int lastOffsetDelta = header.getInt(start + 23);
        if (lastOffsetDelta < 0) {
            throw new CorruptRecordException("reason=negativeLastOffsetDelta lastOffsetDelta=" + lastOffsetDelta
                    + " position=" + position + " batchOffset=" + baseOffset);
        }
        return new FileBatch(position, baseOffset, baseOffset + lastOffsetDelta, (int) size,
                header.getLong(start + 35), header.getInt(start + 12));
    }
}
