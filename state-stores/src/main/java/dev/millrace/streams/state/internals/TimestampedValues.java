package dev.millrace.streams.state.internals;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The timestamped value format of Kafka Streams: an 8-byte big-endian timestamp followed by the plain value.
 * Changelogs carry the plain value and the timestamp as record timestamp; these helpers split and join them.
 */
final class TimestampedValues {

    private TimestampedValues() {
    }

    /**
     * Returns the plain value of a timestamped value.
     *
     * @param valueAndTimestamp the timestamped value, at least 8 bytes
     * @return the bytes after the timestamp
     */
    static byte[] rawValue(byte[] valueAndTimestamp) {
        checkLength(valueAndTimestamp);
        return Arrays.copyOfRange(valueAndTimestamp, Long.BYTES, valueAndTimestamp.length);
    }

    /**
     * Returns the timestamp of a timestamped value.
     *
     * @param valueAndTimestamp the timestamped value, at least 8 bytes
     * @return the timestamp
     */
    static long timestamp(byte[] valueAndTimestamp) {
        checkLength(valueAndTimestamp);
        return ByteBuffer.wrap(valueAndTimestamp).getLong();
    }

    /**
     * Joins a plain value and a timestamp into the timestamped format.
     *
     * @param rawValue the plain value, or null
     * @param timestamp the timestamp
     * @return the timestamped value, or null for a null value
     */
    static byte[] withTimestamp(byte[] rawValue, long timestamp) {
        if (rawValue == null) {
            return null;
        }
        return ByteBuffer.allocate(Long.BYTES + rawValue.length).putLong(timestamp).put(rawValue).array();
    }

    private static void checkLength(byte[] valueAndTimestamp) {
        if (valueAndTimestamp.length < Long.BYTES) {
            throw new IllegalArgumentException("reason=timestampedValueTooShort length=" + valueAndTimestamp.length);
        }
    }
}
