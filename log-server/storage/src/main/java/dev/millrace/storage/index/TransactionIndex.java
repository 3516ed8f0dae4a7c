package dev.millrace.storage.index;

import dev.millrace.storage.CorruptIndexException;
import dev.millrace.storage.LogStorageException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A segment's transaction index ({@code <baseOffset>.txnindex}): the aborted transactions whose
 * abort marker was written in the segment, in marker order. A {@code read_committed} fetch asks
 * each segment from the fetch offset onwards for the aborted transactions overlapping its range
 * ({@link #collectAbortedTxns(long, long)}). A transaction may start in an earlier segment, so
 * {@code firstOffset} may lie below the segment's start offset; {@code lastOffset} may not.
 *
 * <p><b>Layout</b> (Kafka's, big-endian). Unlike the offset and time indexes this file is not
 * memory-mapped or preallocated: it is written with plain appends, is created on the first append
 * (a segment without aborted transactions has no file), and holds exactly its entries. Entry
 * {@code n} starts at byte {@code 34 * n}:
 * <pre>
 *  byte  0      2              10             18             26             34
 *        +------+--------------+--------------+--------------+--------------+
 *        | ver  | producerId   | firstOffset  | lastOffset   | lastStable-  |
 *        | INT16| INT64        | INT64        | INT64        | Offset INT64 |
 *        +------+--------------+--------------+--------------+--------------+
 *  ver = 0 (AbortedTxn.CURRENT_VERSION)
 * </pre>
 *
 * <p><b>Invariants</b> (for a sound file): length is a multiple of 34; every entry has version 0;
 * {@code lastOffset} strictly increases from entry to entry and is {@code >= startOffset};
 * {@code firstOffset <= lastOffset}. {@link #append(AbortedTxn)} enforces them for new entries and
 * {@link #sanityCheck()} verifies them for a file read from disk.
 *
 * <p><b>Failures.</b> I/O errors become {@link LogStorageException}. Reads ignore a torn partial
 * entry at the end of the file, but {@link #append(AbortedTxn)} refuses to write after one and
 * {@link #sanityCheck()} reports it, since recovery must rebuild such a file. An entry with an
 * unknown version makes reads throw {@link CorruptIndexException}. Reading or changing the entries
 * of a closed index throws {@link IllegalStateException}; the accessors, {@link #close()},
 * {@link #deleteIfExists()} and {@link #renameTo(Path)} remain allowed.
 *
 * <p><b>Durability.</b> Appends go to the page cache; {@link #flush()} forces them to disk and
 * {@link #close()} does not.
 *
 * <p><b>Threading.</b> Not thread-safe: confined to the partition's owning thread.
 */
public final class TransactionIndex implements Closeable {
    /** Entries read per block when scanning the file. */
    private static final int READ_BLOCK_ENTRIES = 128;

    private final long startOffset;
    private Path file;
    /** Open when the file exists; {@code null} before the first append or after close. */
    private FileChannel channel;
    private boolean closed;
    /** The file length as this index wrote or found it. */
    private long size;
    private boolean hasLastOffset;
    private long lastOffset;

    /**
     * Opens the index of the segment starting at {@code startOffset}. The file is opened if it
     * exists and created only by the first {@link #append(AbortedTxn)}.
     *
     * @throws dev.millrace.storage.LogStorageException if an existing file cannot be opened or read
     */
    public TransactionIndex(Path file, long startOffset) {
        this.file = Objects.requireNonNull(file, "file");
        this.startOffset = startOffset;
        if (Files.exists(file)) {
            openChannel();
            if (size >= AbortedTxn.SIZE) {
                long lastEntry = (size / AbortedTxn.SIZE - 1) * AbortedTxn.SIZE;
                ByteBuffer field = ByteBuffer.allocate(8);
                readFully(field, lastEntry + 18, "open");
                hasLastOffset = true;
                lastOffset = field.getLong(0);
            }
        }
    }

    /** The current path of the index file (which may not exist yet). */
    public Path file() {
        return file;
    }

    /** The base offset of the segment this index belongs to. */
    public long startOffset() {
        return startOffset;
    }

    /** The file length in bytes (0 when the file does not exist). */
    public long sizeInBytes() {
        return size;
    }

    /**
     * Appends an aborted transaction, creating the file if needed.
     *
     * @throws IllegalArgumentException if {@code lastOffset} is not above the previous entry's, is
     *                                  below the start offset, or is below {@code firstOffset}
     * @throws CorruptIndexException    if the file ends in a partial entry
     * @throws IllegalStateException    if the index is closed
     */
    public void append(AbortedTxn txn) {
        Objects.requireNonNull(txn, "txn");
        ensureOpen();
        if (hasLastOffset && txn.lastOffset() <= lastOffset) {
            throw new IllegalArgumentException("lastOffset=" + txn.lastOffset() + " previousLastOffset=" + lastOffset
                    + " txn=" + txn + " file=" + file + ": last offsets must increase");
        }
        if (txn.lastOffset() < startOffset || txn.firstOffset() > txn.lastOffset()) {
            throw new IllegalArgumentException("txn=" + txn + " startOffset=" + startOffset + " file=" + file
                    + ": need firstOffset <= lastOffset and lastOffset >= startOffset");
        }
        if (size % AbortedTxn.SIZE != 0) {
            throw new CorruptIndexException("file=" + file + " length=" + size + " entrySize=" + AbortedTxn.SIZE
                    + ": file ends in a partial entry; refusing to append");
        }
        if (channel == null) {
            openChannel();
        }
        ByteBuffer entry = ByteBuffer.allocate(AbortedTxn.SIZE);
        txn.writeTo(entry);
        entry.flip();
        try {
            long at = size;
            while (entry.hasRemaining()) {
                at += channel.write(entry, at);
            }
        } catch (IOException e) {
            throw new LogStorageException("operation=append file=" + file + " position=" + size, e);
        }
        size += AbortedTxn.SIZE;
        hasLastOffset = true;
        lastOffset = txn.lastOffset();
    }

    /**
     * Collects the aborted transactions that overlap the fetch range {@code [fetchOffset,
     * upperBoundOffset)}: those with {@code lastOffset >= fetchOffset} and
     * {@code firstOffset < upperBoundOffset}. The scan stops at the first entry whose last stable
     * offset is {@code >= upperBoundOffset}, which makes the result complete: no later entry or
     * segment can overlap the range.
     *
     * @throws CorruptIndexException if an entry has an unknown version
     */
    public TxnIndexSearchResult collectAbortedTxns(long fetchOffset, long upperBoundOffset) {
        List<AbortedTxn> found = new ArrayList<>();
        boolean complete = scan((txn, position) -> {
            if (txn.lastOffset() >= fetchOffset && txn.firstOffset() < upperBoundOffset) {
                found.add(txn);
            }
            return txn.lastStableOffset() >= upperBoundOffset;
        });
        return new TxnIndexSearchResult(found, complete);
    }

    /**
     * Every entry, in file order.
     *
     * @throws CorruptIndexException if an entry has an unknown version
     */
    public List<AbortedTxn> allAbortedTxns() {
        List<AbortedTxn> all = new ArrayList<>();
        scan((txn, position) -> !all.add(txn));
        return all;
    }

    /**
     * Removes every entry whose {@code lastOffset >= offset} (entries are sorted by it, so this
     * cuts a tail off the file). Truncating to an offset above every entry changes nothing.
     */
    public void truncateTo(long offset) {
        long[] cut = {-1};
        long[] newLast = {0};
        boolean[] hasNewLast = {false};
        scan((txn, position) -> {
            if (txn.lastOffset() >= offset) {
                cut[0] = position;
                return true;
            }
            hasNewLast[0] = true;
            newLast[0] = txn.lastOffset();
            return false;
        });
        if (cut[0] >= 0) {
            truncateFile(cut[0]);
            hasLastOffset = hasNewLast[0];
            lastOffset = newLast[0];
        }
    }

    /** Removes every entry; the (empty) file stays if it exists. */
    public void reset() {
        ensureOpen();
        truncateFile(0);
        hasLastOffset = false;
        lastOffset = 0;
    }

    /**
     * Checks the file: length a multiple of 34, and every entry of version 0, with
     * {@code firstOffset <= lastOffset}, {@code lastOffset >= startOffset}, and {@code lastOffset}
     * above the previous entry's. A missing file is sound (no aborted transactions).
     *
     * @throws CorruptIndexException naming the file and the first offending entry
     */
    public void sanityCheck() {
        ensureOpen();
        if (size % AbortedTxn.SIZE != 0) {
            throw new CorruptIndexException("file=" + file + " length=" + size + " entrySize=" + AbortedTxn.SIZE
                    + ": length is not a multiple of the entry size");
        }
        long[] previous = {Long.MIN_VALUE};
        scan((txn, position) -> {
            String problem = null;
            if (txn.lastOffset() < startOffset) {
                problem = "lastOffset is below startOffset=" + startOffset;
            } else if (txn.firstOffset() > txn.lastOffset()) {
                problem = "firstOffset is above lastOffset";
            } else if (txn.lastOffset() <= previous[0]) {
                problem = "lastOffset is not above the previous entry's " + previous[0];
            }
            if (problem != null) {
                throw new CorruptIndexException("file=" + file + " entry=" + position / AbortedTxn.SIZE
                        + " bytePosition=" + position + " txn=" + txn + ": " + problem);
            }
            previous[0] = txn.lastOffset();
            return false;
        });
    }

    /** Forces appended entries to disk (nothing to do before the file exists). */
    public void flush() {
        ensureOpen();
        if (channel != null) {
            try {
                channel.force(true);
            } catch (IOException e) {
                throw new LogStorageException("operation=flush file=" + file, e);
            }
        }
    }

    /** Closes the file. Closing twice is harmless. Does not force the entries to disk. */
    @Override
    public void close() {
        closed = true;
        if (channel != null) {
            FileChannel open = channel;
            channel = null;
            try {
                open.close();
            } catch (IOException e) {
                throw new LogStorageException("operation=close file=" + file, e);
            }
        }
    }

    /**
     * Closes the index and deletes the file.
     *
     * @return whether the file existed
     */
    public boolean deleteIfExists() {
        close();
        return IndexFiles.deleteIfExists(file);
    }

    /**
     * Renames the file if it exists (atomically where the file system allows), replacing
     * {@code target}; later appends go to {@code target}. On failure the index keeps its old path.
     */
    public void renameTo(Path target) {
        Objects.requireNonNull(target, "target");
        if (Files.exists(file)) {
            IndexFiles.move(file, target);
        }
        file = target;
    }

    // ---- internals ----

    /** Receives entries during a scan; returns true to stop. */
    @FunctionalInterface
    private interface EntryVisitor {
        boolean visit(AbortedTxn txn, long position);
    }

    /**
     * Visits the complete entries in file order until the visitor asks to stop.
     *
     * @return whether the visitor stopped the scan
     */
    private boolean scan(EntryVisitor visitor) {
        ensureOpen();
        if (channel == null) {
            return false;
        }
        long complete = size - size % AbortedTxn.SIZE;
        ByteBuffer block = ByteBuffer.allocate((int) Math.min(complete, (long) READ_BLOCK_ENTRIES * AbortedTxn.SIZE));
        for (long blockStart = 0; blockStart < complete; blockStart += block.capacity()) {
            int blockBytes = (int) Math.min(block.capacity(), complete - blockStart);
            block.clear().limit(blockBytes);
            readFully(block, blockStart, "read");
            for (int at = 0; at < blockBytes; at += AbortedTxn.SIZE) {
                long position = blockStart + at;
                short version = block.getShort(at);
                if (version != AbortedTxn.CURRENT_VERSION) {
                    throw new CorruptIndexException("file=" + file + " entry=" + position / AbortedTxn.SIZE
                            + " bytePosition=" + position + " version=" + version + " expectedVersion="
                            + AbortedTxn.CURRENT_VERSION + ": unknown entry version");
                }
                if (visitor.visit(AbortedTxn.readFrom(block, at), position)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void readFully(ByteBuffer buffer, long position, String operation) {
        try {
            long at = position;
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, at);
                if (read < 0) {
                    throw new LogStorageException("operation=" + operation + " file=" + file + " position=" + at
                            + ": unexpected end of file");
                }
                at += read;
            }
        } catch (IOException e) {
            throw new LogStorageException("operation=" + operation + " file=" + file + " position=" + position, e);
        }
    }

    private void truncateFile(long newSize) {
        if (channel != null && newSize < size) {
            try {
                channel.truncate(newSize);
            } catch (IOException e) {
                throw new LogStorageException("operation=truncate file=" + file + " newSize=" + newSize, e);
            }
            size = newSize;
        }
    }

    private void openChannel() {
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            size = channel.size();
        } catch (IOException e) {
            throw new LogStorageException("operation=open file=" + file, e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("file=" + file + ": transaction index is closed");
        }
    }
}
