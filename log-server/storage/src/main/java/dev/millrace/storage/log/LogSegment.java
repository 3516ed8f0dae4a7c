package dev.millrace.storage.log;

import dev.millrace.common.errors.CorruptRecordException;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.storage.CorruptIndexException;
import dev.millrace.storage.LogStorageException;
import dev.millrace.storage.index.OffsetIndex;
import dev.millrace.storage.index.OffsetPosition;
import dev.millrace.storage.index.TimeIndex;
import dev.millrace.storage.index.TimestampOffset;
import dev.millrace.storage.index.TransactionIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Consumer;

/**
 * One segment of a partition log: a {@code .log} file of batches starting at {@link #baseOffset()},
 * with its sparse offset index, time index and transaction index.
 *
 * <p>Invariants: batches are stored in offset order with strictly increasing, non-overlapping
 * offsets, all {@code >= baseOffset} and within {@code baseOffset + Integer.MAX_VALUE} (index entries
 * store offsets relative to the base in 32 bits); every offset-index entry points at the start of a
 * batch whose last offset is the entry's offset; time-index timestamps increase. An entry is added
 * after at least {@code index.interval.bytes} of batches since the previous one, so a lookup scans
 * at most that many bytes plus one batch.
 *
 * <p>Threading: the partition's owning thread appends, truncates, recovers and closes. Readers may
 * call {@link #read} and the lookups from other threads: the file size and index entries they see
 * are published after the data they describe.
 *
 * <p>Failure cases: I/O errors raise {@link LogStorageException}; a corrupt batch found by
 * {@link #recover} ends recovery of the segment at that batch (the caller truncates the log there).
 */
public final class LogSegment implements AutoCloseable {
    private final Path dir;
    private final long baseOffset;
    private final FileRecords log;
    private final OffsetIndex offsetIndex;
    private final TimeIndex timeIndex;
    private final TransactionIndex txnIndex;
    private final int indexIntervalBytes;
    private final long createdMs;

    private int bytesSinceLastIndexEntry;
    private volatile long maxTimestampSoFar = RecordBatch.NO_TIMESTAMP;
    private volatile long offsetOfMaxTimestampSoFar = -1;
    private volatile long firstBatchTimestamp = RecordBatch.NO_TIMESTAMP;

    private LogSegment(Path dir, long baseOffset, FileRecords log, OffsetIndex offsetIndex, TimeIndex timeIndex,
                       TransactionIndex txnIndex, int indexIntervalBytes, long createdMs) {
        this.dir = dir;
        this.baseOffset = baseOffset;
        this.log = log;
        this.offsetIndex = offsetIndex;
        this.timeIndex = timeIndex;
        this.txnIndex = txnIndex;
        this.indexIntervalBytes = indexIntervalBytes;
        this.createdMs = createdMs;
    }

    /**
     * Opens the segment with {@code baseOffset} in {@code dir}, creating its files if they do not
     * exist. Existing index files are reopened as they are; {@link #sanityCheck} or {@link #recover}
     * decides whether to trust them.
     */
    public static LogSegment open(Path dir, long baseOffset, LogConfig config, long nowMs) {
        return open(dir, baseOffset, config, nowMs, "");
    }

    /**
     * Opens (creating if needed) a segment whose files carry {@code suffix} after their usual names,
     * such as {@link LogFiles#CLEANED_SUFFIX} for a segment the cleaner is writing.
     */
    public static LogSegment open(Path dir, long baseOffset, LogConfig config, long nowMs, String suffix) {
        FileRecords log = FileRecords.open(LogFiles.withSuffix(LogFiles.logFile(dir, baseOffset), suffix));
        OffsetIndex offsetIndex = new OffsetIndex(LogFiles.withSuffix(LogFiles.offsetIndexFile(dir, baseOffset),
                suffix), baseOffset, config.segmentIndexBytes());
        TimeIndex timeIndex = new TimeIndex(LogFiles.withSuffix(LogFiles.timeIndexFile(dir, baseOffset), suffix),
                baseOffset, config.segmentIndexBytes());
        TransactionIndex txnIndex = new TransactionIndex(LogFiles.withSuffix(LogFiles.txnIndexFile(dir, baseOffset),
                suffix), baseOffset);
        LogSegment segment = new LogSegment(dir, baseOffset, log, offsetIndex, timeIndex, txnIndex,
                config.indexIntervalBytes(), nowMs);
        segment.recomputeMaxTimestamp();
        return segment;
    }

    private void loadTimestampsFromIndex() {
        TimestampOffset last = timeIndex.lastEntry();
        if (last.timestamp() > maxTimestampSoFar) {
            maxTimestampSoFar = last.timestamp();
            offsetOfMaxTimestampSoFar = last.offset();
        }
    }

    /**
     * Re-derives the largest timestamp (and the offset that first reached it) the way appends do:
     * from the time index's last entry, then the batches after it, a strictly larger timestamp
     * taking over.
     */
    private void recomputeMaxTimestamp() {
        maxTimestampSoFar = RecordBatch.NO_TIMESTAMP;
        offsetOfMaxTimestampSoFar = -1;
        loadTimestampsFromIndex();
        long from = offsetOfMaxTimestampSoFar >= 0 ? offsetOfMaxTimestampSoFar + 1 : baseOffset;
        for (FileBatch batch : log.batchesFrom(offsetIndex.lookup(from).position())) {
            if (batch.lastOffset() >= from && batch.maxTimestamp() > maxTimestampSoFar) {
                maxTimestampSoFar = batch.maxTimestamp();
                offsetOfMaxTimestampSoFar = batch.lastOffset();
            }
        }
    }

    public long baseOffset() {
        return baseOffset;
    }

    public FileRecords log() {
        return log;
    }

    public OffsetIndex offsetIndex() {
        return offsetIndex;
    }

    public TimeIndex timeIndex() {
        return timeIndex;
    }

    public TransactionIndex txnIndex() {
        return txnIndex;
    }

    public int sizeInBytes() {
        return log.sizeInBytes();
    }

    /** Largest timestamp of the segment's records, or -1 if unknown. */
    public long maxTimestampSoFar() {
        return maxTimestampSoFar;
    }

    /**
     * The timestamp retention by time compares against: the largest record timestamp, or the
     * file's modification time if no record carries one (Kafka does the same).
     */
    public long largestTimestamp() {
        if (maxTimestampSoFar > 0) {
            return maxTimestampSoFar;
        }
        try {
            FileTime modified = Files.getLastModifiedTime(log.file());
            return modified.toMillis();
        } catch (IOException e) {
            throw new LogStorageException("file=" + log.file() + " operation=lastModifiedTime", e);
        }
    }

    /**
     * Appends validated batches whose offsets are already assigned, updating the indexes.
     *
     * @param records batches with offsets in {@code [baseOffset, baseOffset + Integer.MAX_VALUE]},
     *     above every offset already in the segment
     */
    public void append(MemoryRecords records) {
        if (records.sizeInBytes() == 0) {
            return;
        }
        int position = log.sizeInBytes();
        for (RecordBatch batch : records.batches()) {
            if (batch.lastOffset() - baseOffset > Integer.MAX_VALUE || batch.baseOffset() < baseOffset) {
                throw new IllegalArgumentException("segment=" + baseOffset + " batchOffset=" + batch.baseOffset()
                        + " lastOffset=" + batch.lastOffset() + " reason=offsetOutsideSegmentRange");
            }
            indexBatch(batch, position);
            position += batch.sizeInBytes();
        }
        log.append(records);
    }

    /**
     * Reads batches starting with the one that holds {@code startOffset}.
     *
     * @param maxSize upper bound of bytes returned, unless {@code minOneBatch} lets the first batch
     *     exceed it (KIP-74: a consumer must always make progress)
     * @param maxPosition do not return bytes at or beyond this file position (the high watermark's)
     * @return the slice and the offset metadata of its first batch, or null when the segment holds
     *     no offset at or after {@code startOffset}
     */
    public FetchSlice read(long startOffset, int maxSize, long maxPosition, boolean minOneBatch) {
        FileBatch first = translateOffset(startOffset, 0);
        if (first == null) {
            return null;
        }
        int startPosition = first.position();
        if (startPosition >= maxPosition) {
            return new FetchSlice(first.baseOffset(), startPosition, log.slice(startPosition, 0));
        }
        int length = (int) Math.min(maxPosition - startPosition, maxSize);
        if (minOneBatch && length < first.sizeInBytes()) {
            length = (int) Math.min(maxPosition - startPosition, first.sizeInBytes());
        }
        return new FetchSlice(first.baseOffset(), startPosition, log.slice(startPosition, Math.max(0, length)));
    }

    /**
     * The first batch whose last offset is at least {@code offset}, searching from the offset
     * index's floor entry (and not before {@code startingFilePosition}); null if none.
     */
    public FileBatch translateOffset(long offset, int startingFilePosition) {
        OffsetPosition floor = offsetIndex.lookup(offset);
        return log.searchForOffset(offset, Math.max(floor.position(), startingFilePosition));
    }

    /**
     * The first record with timestamp {@code >= timestamp} and offset {@code >= startingOffset}.
     *
     * @return {timestamp, offset}, or null
     */
    public long[] findOffsetByTimestamp(long timestamp, long startingOffset) {
        TimestampOffset floor = timeIndex.lookup(timestamp);
        OffsetPosition position = offsetIndex.lookup(Math.max(floor.offset(), startingOffset));
        return log.searchForTimestamp(timestamp, position.position(), startingOffset);
    }

    /** The offset after the last batch of the segment (its base offset when empty). */
    public long readNextOffset() {
        OffsetPosition floor = offsetIndex.lookup(Long.MAX_VALUE);
        long next = baseOffset;
        for (FileBatch batch : log.batchesFrom(floor.position())) {
            next = batch.nextOffset();
        }
        return next;
    }

    /**
     * The outcome of {@link #recover}.
     *
     * @param validBytes length of the prefix of valid batches
     * @param nextOffset offset after the last valid batch (the base offset if none)
     * @param corruption why scanning stopped before the end of the file, or null if it did not
     */
    public record Recovery(int validBytes, long nextOffset, String corruption) {
        /** Whether bytes after the valid prefix exist (a torn or corrupt tail). */
        public boolean hasInvalidTail(int fileSize) {
            return validBytes < fileSize;
        }
    }

    /**
     * Rebuilds the offset and time indexes from the log, validating every batch (framing, magic,
     * CRC, record decoding, increasing offsets), and drops transaction-index entries beyond the
     * valid prefix. Changes nothing in the log file: the caller decides whether an invalid tail is
     * a torn write to truncate ({@link #truncateLogTo}) or corruption to report.
     *
     * @param onValidBatch called for every valid batch in order (to rebuild leader epochs)
     */
    public Recovery recover(Consumer<RecordBatch> onValidBatch) {
        offsetIndex.reset();
        timeIndex.reset();
        try {
            txnIndex.sanityCheck();
        } catch (CorruptIndexException e) {
            txnIndex.reset();
        }
        maxTimestampSoFar = RecordBatch.NO_TIMESTAMP;
        offsetOfMaxTimestampSoFar = -1;
        firstBatchTimestamp = RecordBatch.NO_TIMESTAMP;
        bytesSinceLastIndexEntry = 0;
        int validBytes = 0;
        long lastOffset = baseOffset - 1;
        String corruption = null;
        try {
            for (FileBatch header : log.batchesFrom(0)) {
                RecordBatch batch = log.load(header);
                batch.ensureValid();
                batch.validateRecords();
                if (batch.baseOffset() <= lastOffset || batch.lastOffset() - baseOffset > Integer.MAX_VALUE) {
                    throw new CorruptRecordException("reason=offsetsNotIncreasing batchOffset=" + batch.baseOffset()
                            + " previousLastOffset=" + lastOffset);
                }
                indexBatch(batch, validBytes);
                onValidBatch.accept(batch);
                lastOffset = batch.lastOffset();
                validBytes += batch.sizeInBytes();
            }
        } catch (CorruptRecordException e) {
            corruption = e.getMessage();
        }
        if (corruption == null && validBytes < log.sizeInBytes()) {
            corruption = "reason=tornTail trailingBytes=" + (log.sizeInBytes() - validBytes);
        }
        txnIndex.truncateTo(lastOffset + 1);
        return new Recovery(validBytes, lastOffset + 1, corruption);
    }

    /** Cuts the log file to {@code validBytes} (after {@link #recover} found an invalid tail). */
    public int truncateLogTo(int validBytes) {
        return log.truncateTo(validBytes);
    }

    private void indexBatch(RecordBatch batch, int position) {
        if (firstBatchTimestamp == RecordBatch.NO_TIMESTAMP) {
            firstBatchTimestamp = batch.maxTimestamp();
        }
        if (batch.maxTimestamp() > maxTimestampSoFar) {
            maxTimestampSoFar = batch.maxTimestamp();
            offsetOfMaxTimestampSoFar = batch.lastOffset();
        }
        if (bytesSinceLastIndexEntry > indexIntervalBytes) {
            offsetIndex.append(batch.lastOffset(), position);
            timeIndex.maybeAppend(maxTimestampSoFar, offsetOfMaxTimestampSoFar);
            bytesSinceLastIndexEntry = 0;
        }
        bytesSinceLastIndexEntry += batch.sizeInBytes();
    }

    /**
     * Removes every batch with an offset at or above {@code offset} (a batch that straddles it is
     * removed whole, as batches are atomic), with their index entries.
     *
     * @return bytes removed
     */
    public int truncateTo(long offset) {
        FileBatch first = translateOffset(offset, 0);
        if (first == null) {
            return 0;
        }
        // The batch holding `offset` goes whole, so the data now ends before its base offset: cut the
        // indexes there too, not at `offset` (entries name batches' last offsets).
        long newEnd = Math.min(offset, first.baseOffset());
        offsetIndex.truncateTo(newEnd);
        timeIndex.truncateTo(newEnd);
        txnIndex.truncateTo(newEnd);
        int removed = log.truncateTo(first.position());
        bytesSinceLastIndexEntry = 0;
        if (log.sizeInBytes() == 0) {
            firstBatchTimestamp = RecordBatch.NO_TIMESTAMP;
        }
        recomputeMaxTimestamp();
        return removed;
    }

    /**
     * Whether the next append of {@code batchBytes} bytes must go to a new segment: it would pass
     * {@code segment.bytes}, the incoming batch's timestamp is {@code segment.ms} or more after the
     * segment's first batch's (Kafka's rule; wall-clock time since creation when the segment has no
     * timestamp yet), an index is full, or the batch's last offset would not fit the 32-bit relative
     * offsets of the indexes.
     *
     * @param maxTimestampInBatch largest timestamp of the incoming batch
     * @param lastOffsetOfBatch last offset of the incoming batch
     */
    public boolean shouldRoll(LogConfig config, int batchBytes, long maxTimestampInBatch, long lastOffsetOfBatch,
                              long nowMs) {
        if (log.sizeInBytes() == 0) {
            return false;
        }
        boolean full = (long) log.sizeInBytes() + batchBytes > config.segmentBytes();
        long waited = firstBatchTimestamp > 0 ? maxTimestampInBatch - firstBatchTimestamp : nowMs - createdMs;
        boolean old = waited >= config.segmentMs();
        boolean indexFull = offsetIndex.isFull() || timeIndex.isFull();
        boolean offsetOverflow = lastOffsetOfBatch - baseOffset > Integer.MAX_VALUE;
        return full || old || indexFull || offsetOverflow;
    }

    /**
     * Records the segment's final largest timestamp in the time index (using its reserved last
     * slot) and trims the index files to their entries; called when the segment stops being the
     * active one.
     */
    public void onBecomeInactiveSegment() {
        if (maxTimestampSoFar >= 0) {
            timeIndex.maybeAppend(maxTimestampSoFar, offsetOfMaxTimestampSoFar, true);
        }
        offsetIndex.trimToValidSize();
        timeIndex.trimToValidSize();
    }

    /**
     * Gives the index files room for new entries again: a reopened index is mapped at its trimmed
     * length, which is full. Called on the segment that becomes (or stays) the active one.
     */
    public void resizeIndexesToMax() {
        offsetIndex.resize(offsetIndex.maxIndexSize());
        timeIndex.resize(timeIndex.maxIndexSize());
    }

    /** Checks the index files' invariants (used after a clean shutdown, instead of a full recovery). */
    public void sanityCheck() {
        offsetIndex.sanityCheck();
        timeIndex.sanityCheck();
        txnIndex.sanityCheck();
    }

    public void flush() {
        log.flush();
        offsetIndex.flush();
        timeIndex.flush();
        txnIndex.flush();
    }

    /** Adds {@code suffix} to the names of every file of the segment. */
    public void changeFileSuffixes(String oldSuffix, String newSuffix) {
        log.renameTo(rename(log.file(), oldSuffix, newSuffix));
        offsetIndex.renameTo(rename(offsetIndex.file(), oldSuffix, newSuffix));
        timeIndex.renameTo(rename(timeIndex.file(), oldSuffix, newSuffix));
        txnIndex.renameTo(rename(txnIndex.file(), oldSuffix, newSuffix));
    }

    private static Path rename(Path file, String oldSuffix, String newSuffix) {
        Path base = oldSuffix.isEmpty() ? file : LogFiles.withoutSuffix(file, oldSuffix);
        return newSuffix.isEmpty() ? base : LogFiles.withSuffix(base, newSuffix);
    }

    /** Records the final largest timestamp in the time index, then closes every file. */
    @Override
    public void close() {
        if (maxTimestampSoFar >= 0 && maxTimestampSoFar > timeIndex.lastEntry().timestamp()
                && timeIndex.entries() < timeIndex.maxEntries()) {
            timeIndex.maybeAppend(maxTimestampSoFar, offsetOfMaxTimestampSoFar, true);
        }
        offsetIndex.close();
        timeIndex.close();
        txnIndex.close();
        log.close();
    }

    /** Closes and deletes every file of the segment. */
    public void deleteIfExists() {
        offsetIndex.close();
        timeIndex.close();
        txnIndex.close();
        offsetIndex.deleteIfExists();
        timeIndex.deleteIfExists();
        txnIndex.deleteIfExists();
        log.closeAndDelete();
    }

    /** Directory of the segment. */
    public Path dir() {
        return dir;
    }

    @Override
    public String toString() {
        return "LogSegment(baseOffset=" + baseOffset + ", size=" + sizeInBytes() + ")";
    }
}
