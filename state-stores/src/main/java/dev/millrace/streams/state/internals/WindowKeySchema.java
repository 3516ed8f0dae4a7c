package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;

import java.nio.ByteBuffer;

/**
 * The binary key of a window record in a changelog, as Kafka Streams lays it out: the serialized key, then the
 * window start as an 8-byte big-endian long, then a 4-byte big-endian sequence number (which tells duplicates
 * apart). In-memory window stores restore from keys in this layout.
 */
final class WindowKeySchema {

    static final int TIMESTAMP_SIZE = Long.BYTES;
    static final int SEQNUM_SIZE = Integer.BYTES;
    private static final int SUFFIX_SIZE = TIMESTAMP_SIZE + SEQNUM_SIZE;

    private WindowKeySchema() {
    }

    /**
     * Lays out a changelog key.
     *
     * @param key the serialized key
     * @param windowStart the window start
     * @param seqnum the sequence number
     * @return the binary key
     */
    static Bytes toStoreKeyBinary(Bytes key, long windowStart, int seqnum) {
        byte[] raw = key.get();
        return Bytes.wrap(ByteBuffer.allocate(raw.length + SUFFIX_SIZE)
                .put(raw).putLong(windowStart).putInt(seqnum).array());
    }

    /**
     * Extracts the serialized key of a changelog key.
     *
     * @param binaryKey the binary key
     * @return the serialized key
     */
    static byte[] extractStoreKeyBytes(byte[] binaryKey) {
        byte[] key = new byte[binaryKey.length - SUFFIX_SIZE];
        System.arraycopy(binaryKey, 0, key, 0, key.length);
        return key;
    }

    /**
     * Extracts the window start of a changelog key.
     *
     * @param binaryKey the binary key
     * @return the window start
     */
    static long extractStoreTimestamp(byte[] binaryKey) {
        return ByteBuffer.wrap(binaryKey).getLong(binaryKey.length - SUFFIX_SIZE);
    }

    /**
     * Extracts the sequence number of a changelog key.
     *
     * @param binaryKey the binary key
     * @return the sequence number
     */
    static int extractStoreSequence(byte[] binaryKey) {
        return ByteBuffer.wrap(binaryKey).getInt(binaryKey.length - SEQNUM_SIZE);
    }
}
