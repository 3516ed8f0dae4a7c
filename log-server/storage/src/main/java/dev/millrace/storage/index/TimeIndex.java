package dev.millrace.storage.index;

import dev.millrace.storage.CorruptIndexException;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;

/**
 * A segment's sparse time index ({@code <baseOffset>.timeindex}): it maps growing timestamps to
 * offsets so that a lookup by timestamp ({@code ListOffsets}, time-based retention) finds where to
 * start scanning the segment. The segment layer offers an entry, with the largest timestamp seen so
 * far, whenever it adds an offset index entry; the index keeps it only if the timestamp grew.
 *
 * <p><b>Layout</b> (Kafka's, big-endian). The file is a plain array of 12-byte entries, with no
 * header; entry {@code n} starts at byte {@code 12 * n}:
 * <pre>
 *  byte  0                                       8                   12
 *        +---------------------------------------+-------------------+
 *        | timestamp                             | relativeOffset    |
 *        | INT64                                 | INT32             |
 *        +---------------------------------------+-------------------+
 *  timestamp      = milliseconds since the epoch
 *  relativeOffset = offset - baseOffset   (0 .. 2^31-1)
 * </pre>
 *
 * <p><b>Invariants</b> (beyond those of {@link MappedIndex}): timestamps strictly increase from
 * entry to entry and offsets do not decrease; {@link #lastEntry()} is the last entry, or
 * {@code (NO_TIMESTAMP, baseOffset)} when the index is empty.
 *
 * <p><b>Reserved last slot.</b> As in Kafka, {@link #isFull()} reports full one entry early, so
 * that when the segment stops being active it can always record its final largest timestamp with
 * {@link #maybeAppend(long, long, boolean)} and {@code skipFullCheck = true}.
 *
 * <p><b>Threading.</b> Not thread-safe: confined to the partition's owning thread.
 */
public final class TimeIndex extends MappedIndex {
    /** Bytes per entry. */
    public static final int ENTRY_SIZE = 12;
    /** The timestamp of records without one (Kafka's {@code RecordBatch.NO_TIMESTAMP}). */
    public static final long NO_TIMESTAMP = -1L;

    private TimestampOffset lastEntry;

    /**
     * Opens {@code file}, creating it preallocated to {@code maxIndexSizeBytes} (rounded down to a
     * multiple of {@link #ENTRY_SIZE}) if it does not exist.
     *
     * @throws IllegalArgumentException if the file is new and {@code maxIndexSizeBytes < ENTRY_SIZE},
     *                                  or {@code baseOffset < 0}
     * @throws dev.millrace.storage.LogStorageException if the file cannot be created or mapped
     */
    public TimeIndex(Path file, long baseOffset, int maxIndexSizeBytes) {
        super(file, baseOffset, maxIndexSizeBytes, ENTRY_SIZE);
        onEntriesChanged();
    }

    /**
     * Full when only the reserved last slot is left (see the class notes).
     */
    @Override
    public boolean isFull() {
        return entries() >= maxEntries() - 1;
    }

    /**
     * Same as {@link #maybeAppend(long, long, boolean)} with {@code skipFullCheck = false}.
     */
    public void maybeAppend(long timestamp, long offset) {
        maybeAppend(timestamp, offset, false);
    }

    /**
     * Adds the entry {@code (timestamp, offset)} if {@code timestamp} is larger than the last
     * entry's (with no entries, larger than {@link #NO_TIMESTAMP}); otherwise does nothing.
     *
     * @param skipFullCheck whether the reserved last slot may be used (when the segment is rolled
     *                      or closed)
     * @throws IllegalArgumentException     if {@code offset} is below the last entry's offset or
     *                                      {@code timestamp} below its timestamp
     * @throws IndexOffsetOverflowException if an entry is to be added and the offset is outside the
     *                                      range this index can store
     * @throws IllegalStateException        if an entry is to be added and the index is full, or if
     *                                      the index is closed
     */
    public void maybeAppend(long timestamp, long offset, boolean skipFullCheck) {
        ensureOpen();
        if (entries() > 0 && offset < lastEntry.offset()) {
            throw new IllegalArgumentException("offset=" + offset + " lastOffset=" + lastEntry.offset() + " timestamp="
                    + timestamp + " entries=" + entries() + " file=" + file() + ": offsets must not decrease");
        }
        if (entries() > 0 && timestamp < lastEntry.timestamp()) {
            throw new IllegalArgumentException("timestamp=" + timestamp + " lastTimestamp=" + lastEntry.timestamp()
                    + " offset=" + offset + " entries=" + entries() + " file=" + file()
                    + ": timestamps must not decrease");
        }
        if (timestamp <= lastEntry.timestamp()) {
            return;
        }
        int at = nextEntryPosition(skipFullCheck ? 0 : 1);
        int relative = relativeOffset(offset);
        MappedByteBuffer buffer = buffer();
        buffer.putLong(at, timestamp);
        buffer.putInt(at + 8, relative);
        entryAppended();
        lastEntry = new TimestampOffset(timestamp, offset);
    }

    /**
     * Finds where to start searching for {@code targetTimestamp}: the entry with the largest
     * timestamp {@code <= targetTimestamp}, or {@code (NO_TIMESTAMP, baseOffset)} when there is none.
     */
    public TimestampOffset lookup(long targetTimestamp) {
        int slot = largestSlotAtOrBelow(targetTimestamp, true);
        if (slot < 0) {
            return new TimestampOffset(NO_TIMESTAMP, baseOffset());
        }
        return new TimestampOffset(keyAt(slot), offsetAt(slot));
    }

    /**
     * The entry in {@code slot}.
     *
     * @throws IllegalArgumentException if {@code slot} is not in {@code [0, entries())}
     */
    public TimestampOffset entry(int slot) {
        ensureOpen();
        checkSlot(slot);
        return new TimestampOffset(keyAt(slot), offsetAt(slot));
    }

    /** The last entry, or {@code (NO_TIMESTAMP, baseOffset)} when the index is empty. */
    public TimestampOffset lastEntry() {
        return lastEntry;
    }

    @Override
    long keyAt(int slot) {
        return buffer().getLong(slot * ENTRY_SIZE);
    }

    @Override
    long offsetAt(int slot) {
        return baseOffset() + buffer().getInt(slot * ENTRY_SIZE + 8);
    }

    @Override
    void onEntriesChanged() {
        int n = entries();
        lastEntry = n == 0 ? new TimestampOffset(NO_TIMESTAMP, baseOffset()) : entry(n - 1);
    }

    @Override
    void checkEntries() {
        MappedByteBuffer buffer = buffer();
        int n = entries();
        long previousTimestamp = 0;
        int previousRelative = 0;
        for (int slot = 0; slot < n; slot++) {
            long timestamp = buffer.getLong(slot * ENTRY_SIZE);
            int relative = buffer.getInt(slot * ENTRY_SIZE + 8);
            if (relative < previousRelative) {
                throw corrupt(slot, timestamp, relative, "relative offset must be >= 0 and not below the previous"
                        + " entry's " + previousRelative);
            }
            if (slot > 0 && timestamp <= previousTimestamp) {
                throw corrupt(slot, timestamp, relative, "timestamp must be above the previous entry's "
                        + previousTimestamp);
            }
            previousTimestamp = timestamp;
            previousRelative = relative;
        }
    }

    private CorruptIndexException corrupt(int slot, long timestamp, int relative, String what) {
        return new CorruptIndexException("file=" + file() + " entry=" + slot + " bytePosition=" + slot * ENTRY_SIZE
                + " baseOffset=" + baseOffset() + " timestamp=" + timestamp + " relativeOffset=" + relative + ": "
                + what);
    }
}
