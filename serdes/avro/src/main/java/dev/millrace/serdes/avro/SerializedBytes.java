package dev.millrace.serdes.avro;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The growable byte buffer one serialize call writes a value into: a {@link ByteArrayOutputStream}
 * without its per-call locking (Avro's direct encoder makes one call per field), sized by the caller's
 * guess, whose {@link #toByteArray} hands over the buffer itself when the guess was exact instead of
 * copying it.
 *
 * <p>Confined to the thread of one serialize call; not thread-safe, and not usable after
 * {@link #toByteArray}.
 */
final class SerializedBytes extends ByteArrayOutputStream {
    /** The largest array size that JVMs reliably allocate. */
    private static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    /**
     * Creates a buffer.
     *
     * @param expectedSize the expected total size in bytes; at least 1
     */
    SerializedBytes(int expectedSize) {
        super(expectedSize);
    }

    @Override
    public void write(int b) {
        if (count == buf.length) {
            grow(count + 1);
        }
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (length > buf.length - count) {
            grow(count + length);
        }
        System.arraycopy(bytes, offset, buf, count, length);
        count += length;
    }

    /**
     * The bytes written: the buffer itself if it is exactly full, else an exact-size copy.
     *
     * @return the bytes written
     */
    @Override
    public byte[] toByteArray() {
        return count == buf.length ? buf : Arrays.copyOf(buf, count);
    }

    private void grow(int needed) {
        if (needed < 0) {
            throw new OutOfMemoryError("reason=serializedValueTooLarge neededBytes=" + Integer.toUnsignedLong(needed));
        }
        int doubled = buf.length > MAX_SIZE / 2 ? MAX_SIZE : buf.length * 2;
        buf = Arrays.copyOf(buf, Math.max(needed, doubled));
    }
}
