package dev.millrace.storage.log;

import dev.millrace.common.errors.CorruptRecordException;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.Record;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.protocol.record.Records;
import dev.millrace.storage.LogStorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Record batches in a file: a segment's {@code .log} file, or a read-only slice of one that a fetch
 * sends to the network with zero copy ({@link #transferTo}).
 *
 * <p>The file holds batches exactly as they were validated and stamped with offsets, back to back:
 * {@code | batch | batch | ... |}, so that bytes can go from disk to socket unchanged.
 *
 * <p>Threading: the owning partition thread appends, truncates and renames; any thread may read.
 * The size is published through a volatile field after each append, so a reader never sees a
 * half-written batch within the size it read. A slice's bounds are fixed at creation. Truncation
 * concurrent with a read of the truncated range makes that read return fewer bytes (the fetch path
 * tolerates a short trailing batch, as Kafka clients do).
 */
public final class FileRecords implements Records, AutoCloseable {
    private volatile Path file;
    private final FileChannel channel;
    private final int start;
    private final int end;
    private final boolean slice;
    private volatile int size;

    private FileRecords(Path file, FileChannel channel, int start, int end, boolean slice) throws IOException {
        this.file = file;
        this.channel = channel;
        this.start = start;
        this.end = end;
        this.slice = slice;
        this.size = slice ? end - start : (int) Math.min(channel.size(), Integer.MAX_VALUE);
    }

    /** Opens (creating if needed) a log file for appending and reading. */
    public static FileRecords open(Path file) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileRecords records = new FileRecords(file, channel, 0, Integer.MAX_VALUE, false);
            channel.position(records.size);
            return records;
        } catch (IOException e) {
            throw new LogStorageException("file=" + file + " operation=open", e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public int sizeInBytes() {
        return size;
    }

    /** The channel, for zero-copy transfer and flushing. */
    public FileChannel channel() {
        return channel;
    }

    /** Byte position of this view within the file. */
    public int start() {
        return start;
    }

    /**
     * Appends the batches of {@code records} at the end of the file.
     *
     * @return the number of bytes written
     */
    public int append(MemoryRecords records) {
        if (slice) {
            throw new IllegalStateException("file=" + file + " reason=cannotAppendToASlice");
        }
        int bytes = records.sizeInBytes();
        if ((long) size + bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("file=" + file + " size=" + size + " appendBytes=" + bytes
                    + " reason=segmentWouldExceed2GiB");
        }
        ByteBuffer buffer = records.buffer();
        try {
            long at = size;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
        } catch (IOException e) {
            throw new LogStorageException("file=" + file + " operation=append position=" + size, e);
        }
        size += bytes;
        return bytes;
    }

    /** Forces written bytes to the disk. */
    public void flush() {
        try {
            channel.force(true);
        } catch (IOException e) {
            throw new LogStorageException("file=" + file + " operation=flush", e);
        }
    }

    /**
     * A read-only view of {@code length} bytes from {@code position} (relative to this view),
     * clipped to the current size.
     */
    public FileRecords slice(int position, int length) {
        int current = size;
        if (position < 0 || position > current || length < 0) {
            throw new IllegalArgumentException("file=" + file + " position=" + position + " length=" + length
                    + " size=" + current);
        }
        int sliceEnd = (int) Math.min((long) start + position + length, (long) start + current);
        try {
            return new FileRecords(file, channel, start + position, sliceEnd, true);
        } catch (IOException e) {
            throw new LogStorageException("file=" + file + " operation=slice", e);
        }
    }

    /**
     * Truncates the file to {@code targetSize} bytes.
     *
     * @return the number of bytes removed
     */
    public int truncateTo(int targetSize) {
        if (slice) {
            throw new IllegalStateException("file=" + file + " reason=cannotTruncateASlice");
        }
        int current = size;
        if (targetSize < 0 || targetSize > current) {
            throw new IllegalArgumentException("file=" + file + " targetSize=" + targetSize + " size=" + current);
        }
        try {
            channel.truncate(targetSize);
            channel.position(targetSize);
        } catch (IOException e) {
            throw new LogStorageException("file=" + file + " operation=truncate targetSize=" + targetSize, e);
        }
        size = targetSize;
        return current - targetSize;
    }

    /**
     * Sends up to {@code count} bytes starting at {@code offset} within this view to {@code target},
     * with zero copy where the platform allows.
     *
     * @return bytes transferred
     */
    public long transferTo(WritableByteChannel target, long offset, long count) throws IOException {
        long position = start + offset;
        long bytes = Math.min(count, (long) sizeInBytes() - offset);
        return channel.transferTo(position, bytes, target);
    }

    /** Reads bytes at {@code position} (relative to this view) until {@code buffer} is full or the view ends. */
    public void readInto(ByteBuffer buffer, int position) {
        try {
            long at = (long) start + position;
            long limit = (long) start + sizeInBytes();
            while (buffer.hasRemaining() && at < limit) {
                int read = channel.read(buffer, at);
                if (read < 0) {
                    break;
                }
                at += read;
            }
        } catch (IOException e) {
            throw new LogStorageException("file=" + file + " operation=read position=" + position, e);
        }
    }

    /** The bytes of this view in a new heap buffer (for tests, tools and compaction). */
    public MemoryRecords readAll() {
        ByteBuffer buffer = ByteBuffer.allocate(sizeInBytes());
        readInto(buffer, 0);
        return MemoryRecords.readableRecords(buffer.flip());
    }

    /**
     * The batches of this view from {@code position} on, read header by header. Iteration stops
     * quietly at a torn tail (a batch that extends past the end); an impossible header raises
     * {@link CorruptRecordException} naming the file and position.
     */
    public Iterable<FileBatch> batchesFrom(int position) {
        return () -> new BatchIterator(position);
    }

    /** Loads and wraps the whole batch (checks its framing, not its CRC). */
    public RecordBatch load(FileBatch batch) {
        ByteBuffer buffer = ByteBuffer.allocate(batch.sizeInBytes());
        readInto(buffer, batch.position());
        if (buffer.hasRemaining()) {
            throw new CorruptRecordException("file=" + file + " reason=batchTruncatedWhileReading position="
                    + batch.position() + " batchOffset=" + batch.baseOffset());
        }
        return RecordBatch.wrap(buffer.flip());
    }

    /**
     * The first batch, at or after {@code startingPosition}, whose last offset is at least
     * {@code targetOffset}; null if there is none.
     */
    public FileBatch searchForOffset(long targetOffset, int startingPosition) {
        for (FileBatch batch : batchesFrom(startingPosition)) {
            if (batch.lastOffset() >= targetOffset) {
                return batch;
            }
        }
        return null;
    }

    /**
     * The first record, at or after {@code startingPosition} and with offset at least
     * {@code startingOffset}, whose timestamp is at least {@code targetTimestamp}.
     *
     * @return {timestamp, offset}, or null if no record qualifies
     */
    public long[] searchForTimestamp(long targetTimestamp, int startingPosition, long startingOffset) {
        for (FileBatch batch : batchesFrom(startingPosition)) {
            if (batch.maxTimestamp() < targetTimestamp || batch.lastOffset() < startingOffset) {
                continue;
            }
            for (Record record : load(batch)) {
                if (record.timestamp() >= targetTimestamp && record.offset() >= startingOffset) {
                    return new long[] {record.timestamp(), record.offset()};
                }
            }
        }
        return null;
    }

    /** The record with the largest timestamp (the first of equals) from {@code startingPosition} on, or null. */
    public long[] largestTimestampAfter(int startingPosition) {
        long bestTimestamp = RecordBatch.NO_TIMESTAMP;
        FileBatch best = null;
        for (FileBatch batch : batchesFrom(startingPosition)) {
            if (batch.maxTimestamp() > bestTimestamp) {
                bestTimestamp = batch.maxTimestamp();
                best = batch;
            }
        }
        if (best == null) {
            return null;
        }
        for (Record record : load(best)) {
            if (record.timestamp() == bestTimestamp) {
                return new long[] {bestTimestamp, record.offset()};
            }
        }
        return new long[] {bestTimestamp, best.lastOffset()};
    }

    /** Renames the underlying file (the channel stays open). */
    public void renameTo(Path target) {
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            file = target;
        } catch (IOException e) {
            throw new LogStorageException("file=" + file + " operation=rename target=" + target, e);
        }
    }

    @Override
    public void close() {
        if (slice) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new LogStorageException("file=" + file + " operation=close", e);
        }
    }

    /** Closes and deletes the file. */
    public void closeAndDelete() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new LogStorageException("file=" + file + " operation=delete", e);
        }
    }

    /** All batch headers of this view (for tests and tools). */
    public List<FileBatch> batches() {
        List<FileBatch> list = new ArrayList<>();
        batchesFrom(0).forEach(list::add);
        return list;
    }

    @Override
    public String toString() {
        return "FileRecords(file=" + file + ", start=" + start + ", size=" + sizeInBytes() + ")";
    }

    private final class BatchIterator implements Iterator<FileBatch> {
        private final ByteBuffer header = ByteBuffer.allocate(FileBatch.HEADER_BYTES);
        private final int limit = sizeInBytes();
        private int position;
        private FileBatch next;

        BatchIterator(int position) {
            this.position = position;
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            if (limit - position < FileBatch.HEADER_BYTES) {
                return false;
            }
            header.clear();
            readInto(header, position);
            header.flip();
            if (header.remaining() < FileBatch.HEADER_BYTES) {
                return false;
            }
            try {
                next = FileBatch.parse(header, position, (long) limit - position);
            } catch (CorruptRecordException e) {
                throw new CorruptRecordException("file=" + file + " " + e.getMessage());
            }
            if (next == null) {
                return false;
            }
            position += next.sizeInBytes();
            return true;
        }

        @Override
        public FileBatch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("file=" + file + " reason=noMoreBatches");
            }
            FileBatch batch = next;
            next = null;
            return batch;
        }
    }
}
