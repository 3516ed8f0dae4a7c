package dev.millrace.protocol.types;

import java.nio.ByteBuffer;

/**
 * Variable-length integer encodings of the Kafka protocol, on {@link ByteBuffer}s.
 *
 * <pre>
 * unsigned varint: 7 data bits per byte, least significant group first, high bit = "more follows"
 *   300 = 0b1_0010_1100 -&gt; [1010_1100] [0000_0010]
 * varint / varlong: zigzag first ((n &lt;&lt; 1) ^ (n &gt;&gt; 31|63)), then unsigned varint, so small
 *   negative numbers stay short: -1 -&gt; 1 -&gt; [0000_0001]
 * </pre>
 *
 * <p>Readers reject encodings longer than the type allows (5 bytes for 32 bits, 10 for 64) with
 * {@link MalformedMessageException}, and truncated input with the same exception, never with a
 * {@link java.nio.BufferUnderflowException}.
 */
public final class ByteUtils {
    private ByteUtils() {
    }

    public static int readUnsignedVarint(ByteBuffer buffer) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (!buffer.hasRemaining()) {
                throw new MalformedMessageException("reason=truncatedVarint position=" + buffer.position());
            }
            byte b = buffer.get();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (shift == 28 && (b & 0xf0) != 0) {
                    throw new MalformedMessageException("reason=varintOverflows32Bits position=" + buffer.position());
                }
                return value;
            }
        }
        throw new MalformedMessageException("reason=varintLongerThan5Bytes position=" + buffer.position());
    }

    public static long readUnsignedVarlong(ByteBuffer buffer) {
        long value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (!buffer.hasRemaining()) {
                throw new MalformedMessageException("reason=truncatedVarlong position=" + buffer.position());
            }
            byte b = buffer.get();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (shift == 63 && (b & 0x7e) != 0) {
                    throw new MalformedMessageException("reason=varlongOverflows64Bits position=" + buffer.position());
                }
                return value;
            }
        }
        throw new MalformedMessageException("reason=varlongLongerThan10Bytes position=" + buffer.position());
    }

    public static int readVarint(ByteBuffer buffer) {
        int raw = readUnsignedVarint(buffer);
        return (raw >>> 1) ^ -(raw & 1);
    }

    public static long readVarlong(ByteBuffer buffer) {
        long raw = readUnsignedVarlong(buffer);
        return (raw >>> 1) ^ -(raw & 1);
    }

    public static void writeUnsignedVarint(int value, ByteBuffer buffer) {
        int v = value;
        while ((v & 0xffffff80) != 0) {
            buffer.put((byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        buffer.put((byte) v);
    }

    public static void writeUnsignedVarlong(long value, ByteBuffer buffer) {
        long v = value;
        while ((v & 0xffffffffffffff80L) != 0L) {
            buffer.put((byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        buffer.put((byte) v);
    }

    public static void writeVarint(int value, ByteBuffer buffer) {
        writeUnsignedVarint((value << 1) ^ (value >> 31), buffer);
    }

    public static void writeVarlong(long value, ByteBuffer buffer) {
        writeUnsignedVarlong((value << 1) ^ (value >> 63), buffer);
    }

    /** Bytes taken by {@code value} as an unsigned varint (1..5). */
    public static int sizeOfUnsignedVarint(int value) {
        int bits = 32 - Integer.numberOfLeadingZeros(value);
        return bits == 0 ? 1 : (bits + 6) / 7;
    }

    /** Bytes taken by {@code value} as an unsigned varlong (1..10). */
    public static int sizeOfUnsignedVarlong(long value) {
        int bits = 64 - Long.numberOfLeadingZeros(value);
        return bits == 0 ? 1 : (bits + 6) / 7;
    }

    /** Bytes taken by {@code value} as a zigzag varint. */
    public static int sizeOfVarint(int value) {
        return sizeOfUnsignedVarint((value << 1) ^ (value >> 31));
    }

    /** Bytes taken by {@code value} as a zigzag varlong. */
    public static int sizeOfVarlong(long value) {
        return sizeOfUnsignedVarlong((value << 1) ^ (value >> 63));
    }
}
