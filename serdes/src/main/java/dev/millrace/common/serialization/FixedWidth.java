package dev.millrace.common.serialization;

import dev.millrace.common.errors.SerializationException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Big-endian encoding of the fixed-width built-ins (short, int, long and the IEEE 754 bit patterns
 * of float and double) and the size check their deserializers share.
 *
 * <p>Buffer reads are absolute, from the buffer's position, and always big-endian whatever the
 * buffer's own byte order is, because the wire format is big-endian. Stateless and thread-safe.
 */
final class FixedWidth {

    private FixedWidth() {
    }

    /**
     * Throws unless {@code actual == expected}.
     *
     * @throws SerializationException naming the deserializer, topic and both sizes
     */
    static void checkSize(String deserializer, String topic, int expected, int actual) {
        if (actual != expected) {
            throw new SerializationException("reason=unexpectedSize deserializer=" + deserializer + " topic=" + topic
                    + " expectedSize=" + expected + " actualSize=" + actual);
        }
    }

    static byte[] writeShort(short value) {
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    static byte[] writeInt(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    static byte[] writeLong(long value) {
        byte[] bytes = new byte[Long.BYTES];
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }

    static short readShort(byte[] bytes) {
        return (short) (((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF));
    }

    static int readInt(byte[] bytes) {
        return ((bytes[0] & 0xFF) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
    }

    static long readLong(byte[] bytes) {
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    static short readShort(ByteBuffer buffer) {
        short value = buffer.getShort(buffer.position());
        return buffer.order() == ByteOrder.BIG_ENDIAN ? value : Short.reverseBytes(value);
    }

    static int readInt(ByteBuffer buffer) {
        int value = buffer.getInt(buffer.position());
        return buffer.order() == ByteOrder.BIG_ENDIAN ? value : Integer.reverseBytes(value);
    }

    static long readLong(ByteBuffer buffer) {
        long value = buffer.getLong(buffer.position());
        return buffer.order() == ByteOrder.BIG_ENDIAN ? value : Long.reverseBytes(value);
    }
}
