package dev.millrace.protocol.record;

import dev.millrace.common.errors.CorruptRecordException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array with a hard size limit: the output of a codec. Compression writes into it
 * after a reserved prefix (room for the batch header); decompression writes the records section.
 *
 * <p>The limit is what makes decompression safe on hostile input: nothing is written or allocated
 * beyond {@code limit} bytes, and any attempt to go further raises {@link CorruptRecordException} with
 * {@code reason=decompressedSizeExceedsLimit}, so a forged size field or a decompression bomb costs
 * at most {@code limit} bytes of heap.
 *
 * <p>A sink made by {@link #decompressionSink(int)} starts on a per-thread scratch array (256 KiB, kept
 * for the thread's lifetime) so that decompressing a typical batch allocates nothing but its exact-size
 * result, returned by {@link #toArray()}; output that outgrows the scratch moves to a fresh array. The
 * scratch is reused by the next decompression on the same thread, so {@link #toArray()} must be called
 * before that. Not thread-safe.
 */
final class ByteSink extends OutputStream {
    /** Largest array the JVM reliably allocates. */
    static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;
    private static final int SCRATCH_BYTES = 256 * 1024;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH_BYTES]);

    private byte[] array;
    private int size;
    private final int limit;
    private final boolean scratch;

    ByteSink(int initialCapacity, int limit) {
        this(new byte[Math.max(16, Math.min(initialCapacity, limit))], limit, false);
    }

    private ByteSink(byte[] array, int limit, boolean scratch) {
        this.array = array;
        this.limit = limit;
        this.scratch = scratch;
    }

    /** A sink on this thread's scratch array, holding at most {@code limit} bytes. */
    static ByteSink decompressionSink(int limit) {
        return new ByteSink(SCRATCH.get(), limit, true);
    }

    byte[] array() {
        return array;
    }

    int size() {
        return size;
    }

    int limit() {
        return limit;
    }

    /** The written bytes in an array of their own, exactly {@link #size()} long. */
    byte[] toArray() {
        boolean owned = !scratch || array != SCRATCH.get();
        return owned && array.length == size ? array : Arrays.copyOf(array, size);
    }

    /** Moves the end of the written data to {@code newSize} (after writing into {@link #array()} directly). */
    void setSize(int newSize) {
        size = newSize;
    }

    /** Bytes that can be written without growing: up to the array's end or the limit, whichever is first. */
    int spare() {
        return Math.min(array.length, limit) - size;
    }

    /** Makes sure that {@code bytes} more bytes fit after the current size, growing the array if needed. */
    void ensureRoom(int bytes) {
        long needed = (long) size + bytes;
        if (needed > limit) {
            throw new CorruptRecordException("reason=decompressedSizeExceedsLimit limitBytes=" + limit
                    + " neededBytes=" + needed);
        }
        if (needed <= array.length) {
            return;
        }
        long grown = Math.max(needed, (long) array.length * 2);
        array = Arrays.copyOf(array, (int) Math.min(grown, limit));
    }

    @Override
    public void write(int b) {
        ensureRoom(1);
        array[size++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        ensureRoom(length);
        System.arraycopy(bytes, offset, array, size, length);
        size += length;
    }

    /** Reads {@code in} to its end into this sink, failing once the limit would be passed. */
    void readFully(InputStream in) throws IOException {
        while (true) {
            if (spare() == 0) {
                if (size >= limit) {
                    if (in.read() < 0) {
                        return;
                    }
                    throw new CorruptRecordException("reason=decompressedSizeExceedsLimit limitBytes=" + limit);
                }
                ensureRoom(1);
            }
            int read = in.read(array, size, spare());
            if (read < 0) {
                return;
            }
            size += read;
        }
    }
}
