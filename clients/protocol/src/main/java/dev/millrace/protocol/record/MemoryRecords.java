package dev.millrace.protocol.record;

import java.nio.ByteBuffer;

/**
 * Record batches held in a {@link ByteBuffer}. The buffer's position..limit is the content; this
 * class never changes the caller's buffer position (it keeps its own duplicate).
 */
public final class MemoryRecords implements Records {
    /** No batches. */
    public static final MemoryRecords EMPTY = new MemoryRecords(ByteBuffer.allocate(0));

    private final ByteBuffer buffer;

    private MemoryRecords(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** Wraps the remaining bytes of {@code buffer} (position..limit) without copying. */
    public static MemoryRecords readableRecords(ByteBuffer buffer) {
        return new MemoryRecords(buffer.slice());
    }

    /** A fresh read-only view of the content, positioned at 0. */
    public ByteBuffer buffer() {
        return buffer.asReadOnlyBuffer();
    }

    @Override
    public int sizeInBytes() {
        return buffer.remaining();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemoryRecords that && buffer.equals(that.buffer);
    }

    @Override
    public int hashCode() {
        return buffer.hashCode();
    }

    @Override
    public String toString() {
        return "MemoryRecords(sizeInBytes=" + sizeInBytes() + ")";
    }
}
