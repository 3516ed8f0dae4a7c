package dev.millrace.protocol.types;

import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.Records;
import java.nio.ByteBuffer;

/** A {@link Writable} over a heap or direct {@link ByteBuffer} that the caller sized beforehand. */
public final class ByteBufferWritable implements Writable {
    private final ByteBuffer buffer;

    public ByteBufferWritable(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    public ByteBuffer buffer() {
        return buffer;
    }

    @Override
    public void writeInt8(byte value) {
        buffer.put(value);
    }

    @Override
    public void writeInt16(short value) {
        buffer.putShort(value);
    }

    @Override
    public void writeInt32(int value) {
        buffer.putInt(value);
    }

    @Override
    public void writeInt64(long value) {
        buffer.putLong(value);
    }

    @Override
    public void writeFloat64(double value) {
        buffer.putDouble(value);
    }

    @Override
    public void writeUnsignedVarint(int value) {
        ByteUtils.writeUnsignedVarint(value, buffer);
    }

    @Override
    public void writeRaw(byte[] bytes) {
        buffer.put(bytes);
    }

    @Override
    public void writeRecordsPayload(Records records) {
        if (records instanceof MemoryRecords memory) {
            buffer.put(memory.buffer());
        } else {
            throw new IllegalArgumentException("recordsType=" + records.getClass().getName()
                    + " reason=onlyMemoryRecordsCanBeCopiedIntoAHeapBuffer");
        }
    }
}
