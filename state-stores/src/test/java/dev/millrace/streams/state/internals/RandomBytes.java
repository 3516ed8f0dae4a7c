package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;

import java.util.Random;

/**
 * Random keys and values for the model and differential tests. Keys are drawn from a small alphabet that
 * includes the bytes where signed and unsigned order differ (0x7F, 0x80, 0xFF) and short lengths (0 to 3), so
 * that prefixes, unsigned ordering and collisions are frequent.
 */
final class RandomBytes {

    private static final byte[] ALPHABET = {0x00, 0x01, 0x61, 0x7F, (byte) 0x80, (byte) 0xFF};

    /** The seed base: {@code -Dmillrace.seed=N} overrides it. */
    static final long SEED = Long.getLong("millrace.seed", 0x5EEDL);

    private RandomBytes() {
    }

    static Bytes key(Random random) {
        return Bytes.wrap(raw(random, 1 + random.nextInt(3)));
    }

    static Bytes keyOrEmpty(Random random) {
        return Bytes.wrap(raw(random, random.nextInt(4)));
    }

    static byte[] raw(Random random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return bytes;
    }

    static byte[] value(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(3)];
        random.nextBytes(bytes);
        return bytes;
    }

    static boolean allFF(Bytes bytes) {
        for (byte b : bytes.get()) {
            if (b != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }
}
