package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;

import java.util.Arrays;

/** Computes the exclusive upper bound of the keys that start with a prefix. */
final class PrefixBound {

    private PrefixBound() {
    }

    /**
     * Returns the smallest key greater than every key starting with {@code prefix}: the prefix without its
     * trailing {@code 0xFF} bytes, with its last byte incremented. (Incrementing the prefix as a fixed-width
     * number, as Kafka Streams' in-memory stores do, is wrong when the prefix ends in {@code 0xFF}: the bound for
     * {@code 7F FF} would be {@code 80 00}, which lets the key {@code 80} through.)
     *
     * @param prefix the prefix
     * @return the bound, or null when there is none (an empty prefix, or one made only of {@code 0xFF} bytes)
     */
    static Bytes upperExclusive(Bytes prefix) {
        byte[] raw = prefix.get();
        int last = raw.length - 1;
        while (last >= 0 && raw[last] == (byte) 0xFF) {
            last--;
        }
        if (last < 0) {
            return null;
        }
        byte[] bound = Arrays.copyOf(raw, last + 1);
        bound[last]++;
        return Bytes.wrap(bound);
    }
}
