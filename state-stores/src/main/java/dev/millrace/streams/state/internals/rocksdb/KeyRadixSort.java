package dev.millrace.streams.state.internals.rocksdb;

import java.util.Arrays;

/**
 * Sorts positions of byte-array keys by unsigned lexicographic key order, stably (equal keys keep their order):
 * a most-significant-byte radix sort that distributes a range by the key byte at one depth into 257 buckets (keys
 * that end before that depth first) and recurses one byte deeper into each bucket, with insertion sort for ranges
 * of at most {@value #INSERTION_LIMIT} positions. Each level is linear in the range; random keys are in order
 * after two or three levels. Not thread-safe; one instance per sort.
 */
final class KeyRadixSort {
    private static final int INSERTION_LIMIT = 32;
    private static final int BUCKETS = 257;

    private final byte[][] keys;
    private final int[] scratch;

    KeyRadixSort(byte[][] keys, int size) {
        this.keys = keys;
        this.scratch = new int[size];
    }

    /** Sorts {@code order[from, to)}, whose keys are known to agree on their first {@code depth} bytes. */
    void sort(int[] order, int from, int to, int depth) {
        if (to - from <= INSERTION_LIMIT) {
            insertionSort(order, from, to, depth);
            return;
        }
        int[] counts = new int[BUCKETS + 1];
        for (int i = from; i < to; i++) {
            counts[bucket(order[i], depth) + 1]++;
        }
        if (counts[1] == to - from) {
            return;
        }
        for (int b = 0; b < BUCKETS; b++) {
            counts[b + 1] += counts[b];
        }
        int[] starts = Arrays.copyOf(counts, BUCKETS);
        for (int i = from; i < to; i++) {
            int position = order[i];
            scratch[from + starts[bucket(position, depth)]++] = position;
        }
        System.arraycopy(scratch, from, order, from, to - from);
        for (int b = 1; b < BUCKETS; b++) {
            int start = from + counts[b];
            int end = from + counts[b + 1];
            if (end - start > 1) {
                sort(order, start, end, depth + 1);
            }
        }
    }

    /** 0 when the key ends before {@code depth}, otherwise 1 + the unsigned byte there. */
    private int bucket(int position, int depth) {
        byte[] key = keys[position];
        return depth < key.length ? (key[depth] & 0xFF) + 1 : 0;
    }

    private void insertionSort(int[] order, int from, int to, int depth) {
        for (int i = from + 1; i < to; i++) {
            int position = order[i];
            byte[] key = keys[position];
            int j = i - 1;
            while (j >= from && compareFrom(keys[order[j]], key, depth) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = position;
        }
    }

    private static int compareFrom(byte[] a, byte[] b, int depth) {
        int from = Math.min(depth, Math.min(a.length, b.length));
        return Arrays.compareUnsigned(a, from, a.length, b, from, b.length);
    }
}
