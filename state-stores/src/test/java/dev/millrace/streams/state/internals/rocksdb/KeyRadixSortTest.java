package dev.millrace.streams.state.internals.rocksdb;

import static dev.millrace.streams.state.internals.rocksdb.TestBytes.SEED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The radix sort of restore chunks against a stable comparison sort, on keys that stress order and prefixes. */
class KeyRadixSortTest {

    @Test
    void shouldOrderLikeAStableUnsignedSortForRandomKeysWithDuplicatesAndPrefixes() {
        for (int round = 0; round < 200; round++) {
            long seed = SEED + round;
            Random random = new Random(seed);
            int size = random.nextInt(2000);
            byte[][] keys = new byte[size][];
            int maxLength = 1 + random.nextInt(6);
            for (int i = 0; i < size; i++) {
                keys[i] = random.nextInt(10) == 0 && i > 0 ? keys[random.nextInt(i)].clone()
                        : TestBytes.randomKey(random, maxLength);
            }
            int[] order = new int[size];
            Integer[] expected = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
                expected[i] = i;
            }
            new KeyRadixSort(keys, size).sort(order, 0, size, 0);
            Arrays.sort(expected, Comparator.comparing((Integer i) -> keys[i], Arrays::compareUnsigned));
            assertThat(order).as("seed=" + seed + " size=" + size)
                    .containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void shouldKeepArrivalOrderOfEqualKeysAndPutShorterPrefixesFirst() {
        byte[][] keys = {{1, 2}, {1}, {1, 2}, {}, {(byte) 0xFF}, {1}, {0x7F}, {(byte) 0x80}};
        int[] order = {0, 1, 2, 3, 4, 5, 6, 7};
        new KeyRadixSort(keys, keys.length).sort(order, 0, keys.length, 0);
        assertThat(order).containsExactly(3, 1, 5, 0, 2, 6, 7, 4);
    }
}
