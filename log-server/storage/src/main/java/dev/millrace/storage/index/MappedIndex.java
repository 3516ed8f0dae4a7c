package dev.millrace.storage.index;

import dev.millrace.storage.CorruptIndexException;
import dev.millrace.storage.LogStorageException;
import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The memory-mapped, fixed-entry-size index file that {@link OffsetIndex} and {@link TimeIndex}
 * share: file creation and preallocation, mapping, resizing, truncation, the cache-friendly binary
 * search, and the close/delete/rename lifecycle. Subclasses define the entry layout.
 *
 * <p><b>File size.</b> A new file is preallocated to {@code maxIndexSizeBytes} rounded down to a
 * multiple of the entry size, and entries are written from the start. An existing file is mapped at
 * its current length and holds {@code length / entrySize} entries (rounded down), so an index that
 * was trimmed by {@link #close()} is reopened full: the segment layer calls {@link #resize(int)}
 * (or {@link #reset()}) on the active segment's indexes to make room again, while inactive segments
 * keep their trimmed files. An index file left preallocated by a crash reopens with its zero tail
 * counted as entries; {@link #sanityCheck()} reports it and recovery rebuilds the index.
 *
 * <p><b>Invariants</b> (for an index whose file is sound): {@code 0 <= entries <= maxEntries};
 * entries are sorted by offset (and, for the time index, by timestamp); every stored offset is in
 * {@code [baseOffset, baseOffset + Integer.MAX_VALUE]}. Bytes after the last entry are not part of
 * the index (they may hold stale entries after a truncation) and are cut off by
 * {@link #trimToValidSize()}.
 *
 * <p><b>Search.</b> Lookups binary-search the mapped entries without allocating. Appends and most
 * lookups touch the end of the index, so a lookup whose target falls in the last 8 KiB of entries
 * (the warm section, as Kafka does) searches only there, which keeps the touched pages resident.
 *
 * <p><b>Durability.</b> Writes go to the page cache through the mapping; {@link #flush()} forces
 * them to disk. {@link #close()} trims the file but does not force it.
 *
 * <p><b>Failures.</b> I/O errors become {@link LogStorageException}; an I/O error inside
 * {@link #resize(int)} leaves the index closed. Reading or changing the entries of a closed index
 * throws {@link IllegalStateException}; the accessors, {@link #close()}, {@link #deleteIfExists()}
 * and {@link #renameTo(Path)} remain allowed.
 *
 * <p><b>Threading.</b> Not thread-safe: confined to the partition's owning thread.
 */
public abstract sealed class MappedIndex implements Closeable permits OffsetIndex, TimeIndex {
    /** Size of the section at the end of the index that lookups try first, in bytes (Kafka's value). */
    static final int WARM_SECTION_BYTES = 8192;

    private final long baseOffset;
    private final int maxIndexSize;
    private final int entrySize;
    private Path file;
    /** The mapping; {@code null} once closed. */
    private MappedByteBuffer mmap;
    private long length;
    private int maxEntries;
    private int entries;

    MappedIndex(Path file, long baseOffset, int maxIndexSizeBytes, int entrySize) {
        this.file = Objects.requireNonNull(file, "file");
        if (baseOffset < 0) {
            throw new IllegalArgumentException("baseOffset=" + baseOffset + " file=" + file + ": must be >= 0");
        }
        this.baseOffset = baseOffset;
        this.maxIndexSize = maxIndexSizeBytes;
        this.entrySize = entrySize;
        boolean exists = Files.exists(file);
        if (!exists && maxIndexSizeBytes < entrySize) {
            throw new IllegalArgumentException("maxIndexSizeBytes=" + maxIndexSizeBytes + " entrySize=" + entrySize
                    + " file=" + file + ": a new index must hold at least one entry");
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            if (!exists) {
                raf.setLength(roundDown(maxIndexSizeBytes));
            }
            long fileLength = raf.length();
            if (fileLength > Integer.MAX_VALUE) {
                throw new CorruptIndexException("file=" + file + " length=" + fileLength
                        + ": index files are limited to " + Integer.MAX_VALUE + " bytes");
            }
            this.mmap = raf.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, fileLength);
            this.length = fileLength;
        } catch (IOException e) {
            throw new LogStorageException("operation=open file=" + file, e);
        }
        this.maxEntries = mmap.limit() / entrySize;
        this.entries = exists ? maxEntries : 0;
    }

    // ---- entry layout, defined by subclasses ----

    /** The search key in {@code slot}: the offset for the offset index, the timestamp for the time index. */
    abstract long keyAt(int slot);

    /** The absolute offset stored in {@code slot}. */
    abstract long offsetAt(int slot);

    /** Re-reads whatever the subclass caches about the last entry after the entry count changed. */
    abstract void onEntriesChanged();

    /** Checks every entry's contents; the base class has already checked the file length. */
    abstract void checkEntries();

    // ---- accessors ----

    /** The current path of the index file. */
    public Path file() {
        return file;
    }

    /** The base offset of the segment this index belongs to. */
    public long baseOffset() {
        return baseOffset;
    }

    /** The configured maximum size ({@code segment.index.bytes}), used by {@link #reset()}. */
    public int maxIndexSize() {
        return maxIndexSize;
    }

    /** The length of the file and of the mapping, in bytes. */
    public long length() {
        return length;
    }

    /** The number of entries the current mapping can hold. */
    public int maxEntries() {
        return maxEntries;
    }

    /** The number of entries in the index. */
    public int entries() {
        return entries;
    }

    /** The number of bytes the entries occupy: {@code entries() * entrySize}. */
    public int sizeInBytes() {
        return entries * entrySize;
    }

    /** Whether no more entries can be appended without a {@link #resize(int)}. */
    public boolean isFull() {
        return entries >= maxEntries;
    }

    /** Whether {@code offset} can be stored: it lies in {@code [baseOffset, baseOffset + Integer.MAX_VALUE]}. */
    public boolean canAppendOffset(long offset) {
        return offset >= baseOffset && offset - baseOffset <= Integer.MAX_VALUE;
    }

    /**
     * The offset relative to the base offset, as stored in an entry.
     *
     * @throws IndexOffsetOverflowException if {@link #canAppendOffset(long)} is false
     */
    public int relativeOffset(long offset) {
        if (!canAppendOffset(offset)) {
            throw new IndexOffsetOverflowException("offset=" + offset + " baseOffset=" + baseOffset + " file=" + file
                    + ": offset must lie in [baseOffset, baseOffset + " + Integer.MAX_VALUE + "]");
        }
        return (int) (offset - baseOffset);
    }

    // ---- mutation ----

    /**
     * Removes every entry whose offset is {@code >= offset}. Truncating to an offset above every
     * entry changes nothing. The file keeps its size.
     */
    public void truncateTo(long offset) {
        ensureOpen();
        int keep = offset == Long.MIN_VALUE ? 0 : largestSlotAtOrBelow(offset - 1, false) + 1;
        if (keep < entries) {
            truncateToEntries(keep);
        }
    }

    /** Removes every entry. The file keeps its size. */
    public void truncate() {
        ensureOpen();
        truncateToEntries(0);
    }

    /** Removes every entry and resizes the file to {@link #maxIndexSize()}, as for a fresh active segment. */
    public void reset() {
        truncate();
        resize(maxIndexSize);
    }

    /**
     * Sets the file and mapping length to {@code newSizeBytes} rounded down to a multiple of the
     * entry size, keeping the entries.
     *
     * @return whether the length changed
     * @throws IllegalArgumentException if the new size is negative or cannot hold the current entries
     */
    public boolean resize(int newSizeBytes) {
        ensureOpen();
        int rounded = newSizeBytes < 0 ? -1 : roundDown(newSizeBytes);
        if (rounded < sizeInBytes()) {
            throw new IllegalArgumentException("newSizeBytes=" + newSizeBytes + " entries=" + entries + " sizeInBytes="
                    + sizeInBytes() + " file=" + file + ": the new size must hold the current entries");
        }
        if (rounded == length) {
            return false;
        }
        MappedByteBuffer old = mmap;
        mmap = null;
        IndexFiles.unmap(old, file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(rounded);
            mmap = raf.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, rounded);
        } catch (IOException e) {
            throw new LogStorageException("operation=resize file=" + file + " newSizeBytes=" + rounded, e);
        }
        length = rounded;
        maxEntries = rounded / entrySize;
        return true;
    }

    /** Cuts the file down to the entries it holds; the index is full afterwards. */
    public void trimToValidSize() {
        resize(sizeInBytes());
    }

    /** Forces the mapped entries to disk. */
    public void flush() {
        ensureOpen();
        try {
            mmap.force();
        } catch (UncheckedIOException e) {
            throw new LogStorageException("operation=flush file=" + file, e);
        }
    }

    /**
     * Trims the file to its entries and releases the mapping. Closing twice is harmless. Does not
     * force the entries to disk: call {@link #flush()} first when they must survive a crash.
     */
    @Override
    public void close() {
        if (mmap == null) {
            return;
        }
        trimToValidSize();
        releaseMapping();
    }

    /**
     * Releases the mapping (without trimming) and deletes the file.
     *
     * @return whether the file existed
     */
    public boolean deleteIfExists() {
        releaseMapping();
        return IndexFiles.deleteIfExists(file);
    }

    /**
     * Renames the file (atomically where the file system allows), replacing {@code target} if it
     * exists. The mapping stays valid. On failure the index keeps its old path.
     */
    public void renameTo(Path target) {
        Objects.requireNonNull(target, "target");
        IndexFiles.move(file, target);
        file = target;
    }

    /**
     * Checks the file against the format's invariants: length a multiple of the entry size, every
     * offset at or above the base offset, entries in order. Reads every entry.
     *
     * @throws CorruptIndexException naming the file and the first offending entry
     */
    public void sanityCheck() {
        ensureOpen();
        if (length % entrySize != 0) {
            throw new CorruptIndexException("file=" + file + " length=" + length + " entrySize=" + entrySize
                    + ": length is not a multiple of the entry size");
        }
        checkEntries();
    }

    // ---- helpers for subclasses ----

    /** The mapping, after checking that the index is open. */
    final MappedByteBuffer buffer() {
        ensureOpen();
        return mmap;
    }

    final int entrySize() {
        return entrySize;
    }

    /**
     * Returns the byte position for a new entry, throwing if there is no room.
     *
     * @param reservedSlots slots at the end of the mapping this append may not use
     */
    final int nextEntryPosition(int reservedSlots) {
        ensureOpen();
        if (entries >= maxEntries - reservedSlots) {
            throw new IllegalStateException("entries=" + entries + " maxEntries=" + maxEntries + " reservedSlots="
                    + reservedSlots + " file=" + file + ": index is full");
        }
        return entries * entrySize;
    }

    /** Records that the entry at {@link #nextEntryPosition(int)} was written. */
    final void entryAppended() {
        entries++;
    }

    final void checkSlot(int slot) {
        if (slot < 0 || slot >= entries) {
            throw new IllegalArgumentException("slot=" + slot + " entries=" + entries + " file=" + file
                    + ": slot out of range");
        }
    }

    final void ensureOpen() {
        if (mmap == null) {
            throw new IllegalStateException("file=" + file + ": index is closed");
        }
    }

    /**
     * The largest slot whose key (or offset, if {@code byKey} is false) is {@code <= target}, or -1
     * if there is none. Tries the warm section at the end first.
     */
    final int largestSlotAtOrBelow(long target, boolean byKey) {
        ensureOpen();
        if (entries == 0) {
            return -1;
        }
        int warmStart = Math.max(0, entries - 1 - WARM_SECTION_BYTES / entrySize);
        if (valueAt(warmStart, byKey) <= target) {
            return search(target, byKey, warmStart, entries - 1);
        }
        if (warmStart == 0 || valueAt(0, byKey) > target) {
            return -1;
        }
        return search(target, byKey, 0, warmStart - 1);
    }

    /** Binary search in {@code [low, high]} where {@code valueAt(low) <= target} is known. */
    private int search(long target, boolean byKey, int low, int high) {
        int lo = low;
        int hi = high;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (valueAt(mid, byKey) <= target) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private long valueAt(int slot, boolean byKey) {
        return byKey ? keyAt(slot) : offsetAt(slot);
    }

    private void truncateToEntries(int count) {
        entries = count;
        onEntriesChanged();
    }

    private void releaseMapping() {
        MappedByteBuffer old = mmap;
        if (old != null) {
            mmap = null;
            IndexFiles.unmap(old, file);
        }
    }

    private int roundDown(int bytes) {
        return bytes / entrySize * entrySize;
    }
}
