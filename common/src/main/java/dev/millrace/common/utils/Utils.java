package dev.millrace.common.utils;

/**
 * The hash functions that custom partitioners need, mirroring the two that Kafka's
 * {@code org.apache.kafka.common.utils.Utils} exposes for that purpose, with identical results.
 *
 * <p>The default partitioner places a record with a non-null key on partition
 * {@code toPositive(murmur2(keyBytes)) % numPartitions}; a partitioner that computes the same value
 * sends every key to the same partition as a Kafka producer would. Stateless and thread-safe.
 */
public final class Utils {
    private static final int SEED = 0x9747b28c;
    private static final int MULTIPLIER = 0x5bd1e995;
    private static final int SHIFT = 24;

    private Utils() {
    }

    /**
     * Returns the 32-bit MurmurHash2 of the given bytes, in the variant Kafka uses for partitioning.
     *
     * <p>The input is read as little-endian 4-byte blocks, each mixed into a state that starts at
     * {@code 0x9747b28c ^ length}; the 1 to 3 trailing bytes are folded in afterwards, and a final
     * avalanche step spreads the bits. Multiplier {@code 0x5bd1e995}, shift 24.
     *
     * @param data the bytes to hash, usually a serialized record key
     * @return the hash, possibly negative; see {@link #toPositive(int)}
     */
    public static int murmur2(byte[] data) {
        int length = data.length;
        int hash = SEED ^ length;
        int blockEnd = length & ~3;
        for (int offset = 0; offset < blockEnd; offset += 4) {
            int block = (data[offset] & 0xff)
                    | (data[offset + 1] & 0xff) << 8
                    | (data[offset + 2] & 0xff) << 16
                    | (data[offset + 3] & 0xff) << 24;
            block *= MULTIPLIER;
            block ^= block >>> SHIFT;
            block *= MULTIPLIER;
            hash = hash * MULTIPLIER ^ block;
        }
        int tail = length - blockEnd;
        if (tail > 0) {
            if (tail == 3) {
                hash ^= (data[blockEnd + 2] & 0xff) << 16;
            }
            if (tail >= 2) {
                hash ^= (data[blockEnd + 1] & 0xff) << 8;
            }
            hash ^= data[blockEnd] & 0xff;
            hash *= MULTIPLIER;
        }
        hash ^= hash >>> 13;
        hash *= MULTIPLIER;
        hash ^= hash >>> 15;
        return hash;
    }

    /**
     * Maps any int to a non-negative one by clearing the sign bit ({@code n & 0x7fffffff}). Unlike
     * {@link Math#abs(int)} this never returns a negative value, even for {@link Integer#MIN_VALUE},
     * which maps to 0.
     *
     * @param number any int, usually a hash
     * @return {@code number} with its sign bit cleared
     */
    public static int toPositive(int number) {
        return number & 0x7fffffff;
    }
}
