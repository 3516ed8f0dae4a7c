package dev.millrace.storage.producer;

/**
 * Arithmetic on producer sequence numbers. Sequences are non-negative INT32 values that wrap from
 * {@link Integer#MAX_VALUE} to 0, so a batch may start near the top of the range and end near 0.
 */
final class Sequences {
    private Sequences() {
    }

    /** True when {@code next} is the sequence directly after {@code last}, wrap included. */
    static boolean follows(int last, int next) {
        return next == last + 1L || (next == 0 && last == Integer.MAX_VALUE);
    }

    /** The number of steps from {@code base} to {@code last}, assuming a wrap when {@code last < base}. */
    static int span(int base, int last) {
        if (last >= base) {
            return last - base;
        }
        return (Integer.MAX_VALUE - base) + last + 1;
    }

    /** The sequence {@code delta} steps before {@code sequence}, wrap included. */
    static int decrement(int sequence, int delta) {
        if (sequence >= delta) {
            return sequence - delta;
        }
        return Integer.MAX_VALUE - (delta - sequence) + 1;
    }
}
