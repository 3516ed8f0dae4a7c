package dev.millrace.storage.index;

import dev.millrace.storage.CorruptIndexException;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;

/**
 * A segment's sparse offset index ({@code <baseOffset>.index}): it maps some offsets of the segment
 * to the byte position in the {@code .log} file of the batch that contains them, so that a read
 * finds its start with one binary search and a short scan of the log. The segment layer adds an
 * entry every {@code index.interval.bytes} of appended data.
 *
 * <p><b>Layout</b> (Kafka's, big-endian). The file is a plain array of 8-byte entries, with no
 * header; entry {@code n} starts at byte {@code 8 * n}:
 * <pre>
 *  byte  0                   4                   8
 *        +-------------------+-------------------+
 *        | relativeOffset    | position          |
 *        | INT32             | INT32             |
 *        +-------------------+-------------------+
 *  relativeOffset = offset - baseOffset   (0 .. 2^31-1)
 *  position       = byte position of the batch in the segment's .log file
 * </pre>
 *
 * <p><b>Invariants</b> (beyond those of {@link MappedIndex}): offsets strictly increase from entry
 * to entry and positions do not decrease; {@link #lastOffset()} is the offset of the last entry, or
 * the base offset when the index is empty.
 *
 * <p><b>Threading.</b> Not thread-safe: confined to the partition's owning thread.
 */
public final class OffsetIndex extends MappedIndex {
    /** Bytes per entry. */
    public static final int ENTRY_SIZE = 8;

    private long lastOffset;
    private int lastPosition;

    /**
     * Opens {@code file}, creating it preallocated to {@code maxIndexSizeBytes} (rounded down to a
     * multiple of {@link #ENTRY_SIZE}) if it does not exist.
     *
     * @throws IllegalArgumentException if the file is new and {@code maxIndexSizeBytes < ENTRY_SIZE},
     *                                  or {@code baseOffset < 0}
     * @throws dev.millrace.storage.LogStorageException if the file cannot be created or mapped
     */
    public OffsetIndex(Path file, long baseOffset, int maxIndexSizeBytes) {
        super(file, baseOffset, maxIndexSizeBytes, ENTRY_SIZE);
        onEntriesChanged();
    }

    /**
     * Adds an entry: the batch containing {@code offset} starts at {@code position}.
     *
     * @throws IndexOffsetOverflowException if the offset is outside the range this index can store
     * @throws IllegalArgumentException     if the offset is not above the last entry's, or the
     *                                      position is negative or below the last entry's
     * @throws IllegalStateException        if the index is full or closed
     */
    public void append(long offset, int position) {
        int at = nextEntryPosition(0);
        if (entries() > 0 && offset <= lastOffset) {
            throw new IllegalArgumentException("offset=" + offset + " lastOffset=" + lastOffset + " entries="
                    + entries() + " file=" + file() + ": offsets must increase");
        }
        if (position < 0 || (entries() > 0 && position < lastPosition)) {
            throw new IllegalArgumentException("position=" + position + " lastPosition=" + lastPosition
                    + " offset=" + offset + " file=" + file() + ": positions must be >= 0 and must not decrease");
        }
        int relative = relativeOffset(offset);
        MappedByteBuffer buffer = buffer();
        buffer.putInt(at, relative);
        buffer.putInt(at + 4, position);
        entryAppended();
        lastOffset = offset;
        lastPosition = position;
    }

    /**
     * Finds where to start reading for {@code targetOffset}: the entry with the largest offset
     * {@code <= targetOffset}, or {@code (baseOffset, 0)} when there is none.
     */
    public OffsetPosition lookup(long targetOffset) {
        int slot = largestSlotAtOrBelow(targetOffset, true);
        if (slot < 0) {
            return new OffsetPosition(baseOffset(), 0);
        }
        return new OffsetPosition(offsetAt(slot), positionAt(slot));
    }

    /**
     * The entry in {@code slot}.
     *
     * @throws IllegalArgumentException if {@code slot} is not in {@code [0, entries())}
     */
    public OffsetPosition entry(int slot) {
        ensureOpen();
        checkSlot(slot);
        return new OffsetPosition(offsetAt(slot), positionAt(slot));
    }

    /** The offset of the last entry, or the base offset when the index is empty. */
    public long lastOffset() {
        return lastOffset;
    }

    @Override
    long keyAt(int slot) {
        return offsetAt(slot);
    }

    @Override
    long offsetAt(int slot) {
        return baseOffset() + buffer().getInt(slot * ENTRY_SIZE);
    }

    private int positionAt(int slot) {
        return buffer().getInt(slot * ENTRY_SIZE + 4);
    }

    @Override
    void onEntriesChanged() {
        int n = entries();
        lastOffset = n == 0 ? baseOffset() : offsetAt(n - 1);
        lastPosition = n == 0 ? 0 : positionAt(n - 1);
    }

    @Override
    void checkEntries() {
        MappedByteBuffer buffer = buffer();
        int n = entries();
        int previousRelative = -1;
        int previousPosition = 0;
        for (int slot = 0; slot < n; slot++) {
            int relative = buffer.getInt(slot * ENTRY_SIZE);
            int position = buffer.getInt(slot * ENTRY_SIZE + 4);
            if (relative <= previousRelative) {
                throw corrupt(slot, relative, position, "relative offset must be >= 0 and above the previous entry's "
                        + previousRelative);
            }
            if (position < previousPosition) {
                throw corrupt(slot, relative, position, "position must be >= 0 and not below the previous entry's "
                        + previousPosition);
            }
            previousRelative = relative;
            previousPosition = position;
        }
    }

    private CorruptIndexException corrupt(int slot, int relative, int position, String what) {
        return new CorruptIndexException("file=" + file() + " entry=" + slot + " bytePosition=" + slot * ENTRY_SIZE
                + " baseOffset=" + baseOffset() + " relativeOffset=" + relative + " position=" + position + ": "
                + what);
    }
}
