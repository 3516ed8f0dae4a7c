package dev.millrace.streams.state;

/**
 * Marks a bytes store whose values are stored in the timestamped format: an 8-byte big-endian timestamp followed
 * by the plain value bytes.
 */
public interface TimestampedBytesStore {

    /**
     * Converts a plain value to the timestamped format with the unknown timestamp {@code -1}.
     *
     * @param plainValue the plain value, or null
     * @return the timestamped value, or null when {@code plainValue} is null
     */
    static byte[] convertToTimestampedFormat(byte[] plainValue) {
        if (plainValue == null) {
            return null;
        }
        byte[] result = new byte[Long.BYTES + plainValue.length];
        for (int i = 0; i < Long.BYTES; i++) {
            result[i] = (byte) 0xFF;
        }
        System.arraycopy(plainValue, 0, result, Long.BYTES, plainValue.length);
        return result;
    }
}
