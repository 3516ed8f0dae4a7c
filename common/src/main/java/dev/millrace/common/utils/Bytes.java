package dev.millrace.common.utils;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * A byte array with value semantics, so that it can serve as a map key, a state-store key or a
 * sorted-set element: equality and hash code follow the contents, and ordering is lexicographic over
 * unsigned bytes (a proper prefix sorts first).
 *
 * <p>The array is held, not copied: {@link #get()} returns the very array given to the constructor.
 * The instance behaves as a value only while nobody writes to that array; under that rule it is
 * immutable and thread-safe. The hash code is computed lazily and cached; the race on the cache is
 * benign because every thread computes the same number.
 *
 * <p>{@link #toString()} prints printable ASCII characters as themselves and every other byte,
 * including the backslash, as {@code \xHH} with upper-case hex digits, so that the text is the same
 * as Kafka's for the same bytes.
 *
 * <p>{@link #increment(Bytes)} and {@link #BYTES_LEXICO_COMPARATOR} are supported here for range scans
 * over byte keys; Kafka 4.3 deprecated them on its {@code Bytes} in favour of an internal helper, with
 * the same behaviour.
 */
public final class Bytes implements Comparable<Bytes> {

    /** A shared zero-length array; zero-length arrays cannot be modified, so sharing is safe. */
    public static final byte[] EMPTY = new byte[0];

    /** Orders byte arrays lexicographically by unsigned byte value; a proper prefix sorts first. */
    public static final ByteArrayComparator BYTES_LEXICO_COMPARATOR = new LexicographicComparator();

    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    private final byte[] bytes;
    private int hashCode;

    /**
     * Wraps an array, passing null through.
     *
     * @param bytes the array to wrap, or null
     * @return a new instance holding {@code bytes}, or null when {@code bytes} is null
     */
    public static Bytes wrap(byte[] bytes) {
        return bytes == null ? null : new Bytes(bytes);
    }

    /**
     * Creates an instance holding the given array (not a copy).
     *
     * @param bytes the array; must not be null
     * @throws NullPointerException if {@code bytes} is null
     */
    public Bytes(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "reason=nullBytes");
    }

    /**
     * Returns the array this instance holds; callers must not modify it.
     *
     * @return the held array, never null
     */
    public byte[] get() {
        return bytes;
    }

    @Override
    public int hashCode() {
        int h = hashCode;
        if (h == 0) {
            h = Arrays.hashCode(bytes);
            hashCode = h;
        }
        return h;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Bytes that && hashCode() == that.hashCode() && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int compareTo(Bytes other) {
        return BYTES_LEXICO_COMPARATOR.compare(bytes, other.bytes);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int unsigned = b & 0xFF;
            if (unsigned >= ' ' && unsigned <= '~' && unsigned != '\\') {
                text.append((char) unsigned);
            } else {
                text.append("\\x").append(HEX_DIGITS[unsigned >>> 4]).append(HEX_DIGITS[unsigned & 0x0F]);
            }
        }
        return text.toString();
    }

    /**
     * Returns the value one greater than {@code input}, reading the array as an unsigned big-endian
     * number of fixed width: the last byte is incremented and carries propagate towards the first.
     * The result has the same length as the input; the input is not modified. Range scans use this to
     * turn an inclusive upper bound into an exclusive one.
     *
     * @param input the value to increment; must not be null
     * @return a new instance holding the incremented value
     * @throws IndexOutOfBoundsException if every byte is {@code 0xFF} (or the array is empty), so the
     *     value cannot grow without growing the array
     */
    public static Bytes increment(Bytes input) throws IndexOutOfBoundsException {
        byte[] source = input.get();
        byte[] result = new byte[source.length];
        boolean carry = true;
        for (int i = source.length - 1; i >= 0; i--) {
            if (carry && source[i] == (byte) 0xFF) {
                result[i] = 0;
            } else {
                result[i] = (byte) (source[i] + (carry ? 1 : 0));
                carry = false;
            }
        }
        if (carry) {
            throw new IndexOutOfBoundsException("reason=incrementOverflow length=" + source.length);
        }
        return new Bytes(result);
    }

    /**
     * A comparator of byte arrays that can also compare sub-ranges without copying them.
     * Implementations are stateless and thread-safe.
     */
    public interface ByteArrayComparator extends Comparator<byte[]>, Serializable {

        /**
         * Compares {@code buffer1[offset1, offset1 + length1)} with
         * {@code buffer2[offset2, offset2 + length2)}.
         *
         * @param buffer1 the first array
         * @param offset1 where the first range starts
         * @param length1 how many bytes the first range has
         * @param buffer2 the second array
         * @param offset2 where the second range starts
         * @param length2 how many bytes the second range has
         * @return a negative number, zero or a positive number as the first range sorts before, equal to
         *     or after the second
         */
        int compare(byte[] buffer1, int offset1, int length1, byte[] buffer2, int offset2, int length2);
    }

    private static final class LexicographicComparator implements ByteArrayComparator {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(byte[] buffer1, byte[] buffer2) {
            return compare(buffer1, 0, buffer1.length, buffer2, 0, buffer2.length);
        }

        @Override
        public int compare(byte[] buffer1, int offset1, int length1, byte[] buffer2, int offset2, int length2) {
            return Arrays.compareUnsigned(buffer1, offset1, offset1 + length1, buffer2, offset2, offset2 + length2);
        }
    }
}
