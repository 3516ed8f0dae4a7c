package dev.millrace.protocol.types;

import dev.millrace.common.Uuid;
import dev.millrace.protocol.record.MemoryRecords;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes protocol primitives from a {@link ByteBuffer}, advancing its position.
 *
 * <p>Every read checks the bytes that remain first and reports a short or impossible input as a
 * {@link MalformedMessageException} naming the field and the buffer position, so that hostile input
 * can never cause a {@link java.nio.BufferUnderflowException}, a huge allocation or a negative
 * array size. Lengths of strings, bytes and arrays are checked against the remaining bytes before
 * anything is allocated; records and bytes fields are slices of the input (no copy) for records,
 * a copy for bytes. Not thread-safe: one reader per decoding call.
 */
public final class Readable {
    private final ByteBuffer buffer;

    public Readable(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    public int remaining() {
        return buffer.remaining();
    }

    public int position() {
        return buffer.position();
    }

    private void require(int bytes, String what) {
        if (buffer.remaining() < bytes) {
            throw new MalformedMessageException("field=" + what + " reason=truncated needBytes=" + bytes
                    + " remainingBytes=" + buffer.remaining() + " position=" + buffer.position());
        }
    }

    public byte readInt8() {
        require(1, "int8");
        return buffer.get();
    }

    public boolean readBool() {
        return readInt8() != 0;
    }

    public short readInt16() {
        require(2, "int16");
        return buffer.getShort();
    }

    public int readUint16() {
        return readInt16() & 0xffff;
    }

    public int readInt32() {
        require(4, "int32");
        return buffer.getInt();
    }

    public long readUint32() {
        return readInt32() & 0xffffffffL;
    }

    public long readInt64() {
        require(8, "int64");
        return buffer.getLong();
    }

    public double readFloat64() {
        require(8, "float64");
        return buffer.getDouble();
    }

    public Uuid readUuid() {
        require(16, "uuid");
        return new Uuid(buffer.getLong(), buffer.getLong());
    }

    public int readUnsignedVarint() {
        return ByteUtils.readUnsignedVarint(buffer);
    }

    /**
     * Reads a length prefix: INT16 (strings) or INT32 (bytes, arrays) in classic versions, an unsigned
     * varint holding length + 1 in compact ones. Returns -1 for null.
     */
    private int readLength(String field, boolean compact, boolean int16) {
        if (compact) {
            int lengthPlusOne = readUnsignedVarint();
            return lengthPlusOne == 0 ? -1 : (lengthPlusOne - 1) & 0x7fffffff;
        }
        if (int16) {
            require(2, field);
            return buffer.getShort();
        }
        require(4, field);
        return buffer.getInt();
    }

    private int checkedLength(String field, int length, boolean nullable, int minElementSize) {
        if (length < -1) {
            throw new MalformedMessageException("field=" + field + " reason=negativeLength length=" + length
                    + " position=" + buffer.position());
        }
        if (length == -1) {
            if (!nullable) {
                throw new MalformedMessageException("field=" + field + " reason=nullInNonNullableField position="
                        + buffer.position());
            }
            return -1;
        }
        if ((long) length * minElementSize > buffer.remaining()) {
            throw new MalformedMessageException("field=" + field + " reason=lengthBeyondBuffer length=" + length
                    + " remainingBytes=" + buffer.remaining() + " position=" + buffer.position());
        }
        return length;
    }

    /** Reads a (compact) (nullable) string; null only when {@code nullable}. */
    public String readString(String field, boolean compact, boolean nullable) {
        int length = checkedLength(field, readLength(field, compact, true), nullable, 1);
        if (length < 0) {
            return null;
        }
        int start = buffer.position();
        ByteBuffer slice = buffer.slice(start, length);
        buffer.position(start + length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException("field=" + field + " reason=invalidUtf8 position=" + start, e);
        }
    }

    /** Reads (compact) (nullable) bytes into a new array. */
    public byte[] readBytes(String field, boolean compact, boolean nullable) {
        int length = checkedLength(field, readLength(field, compact, false), nullable, 1);
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    /** Reads a records field as a zero-copy slice of the input; null when the length says so. */
    public MemoryRecords readRecords(String field, boolean compact) {
        int length = checkedLength(field, readLength(field, compact, false), true, 1);
        if (length < 0) {
            return null;
        }
        int start = buffer.position();
        ByteBuffer slice = buffer.slice(start, length);
        buffer.position(start + length);
        return MemoryRecords.readableRecords(slice);
    }

    /**
     * Reads an array element count, or -1 for a null array. The count is checked against the
     * remaining bytes using the smallest encoded size of one element, so that a forged count cannot
     * make the caller allocate or loop beyond what the input can hold.
     */
    public int readArrayLength(String field, boolean compact, boolean nullable, int minElementSize) {
        return checkedLength(field, readLength(field, compact, false), nullable, Math.max(1, minElementSize));
    }

    /** Reads {@code size} raw bytes (an unknown tagged field's payload). */
    public byte[] readRawBytes(String field, int size) {
        checkedLength(field, size, false, 1);
        byte[] bytes = new byte[size];
        buffer.get(bytes);
        return bytes;
    }

    /**
     * Returns a reader over the next {@code size} bytes (a tagged field's payload) and skips them
     * here. The caller checks with {@link #expectEnd(String)} that the payload was fully consumed.
     */
    public Readable slice(String field, int size) {
        checkedLength(field, size, false, 1);
        int start = buffer.position();
        ByteBuffer slice = buffer.slice(start, size);
        buffer.position(start + size);
        return new Readable(slice);
    }

    /** Fails unless every byte of this reader has been consumed. */
    public void expectEnd(String field) {
        if (buffer.hasRemaining()) {
            throw new MalformedMessageException("field=" + field + " reason=trailingBytes trailingBytes="
                    + buffer.remaining() + " position=" + buffer.position());
        }
    }
}
