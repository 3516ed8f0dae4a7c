package dev.millrace.common.utils;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Judges {@link Utils#murmur2(byte[])} and {@link Utils#toPositive(int)} against Apache Kafka's
 * {@code org.apache.kafka.common.utils.Utils} (test scope): random keys must hash identically and land
 * on the same partition for every partition count from 1 to 100. The random seed is printed and can be
 * replaced with {@code -Dmillrace.seed=<long>}.
 */
class Murmur2Test {
    private static final long DEFAULT_SEED = 0x4d75726d7572324cL;
    private static final int KEY_COUNT = 100_000;
    private static final int MAX_KEY_LENGTH = 64;
    private static final int MAX_PARTITIONS = 100;

    private static long seed() {
        long seed = Long.getLong("millrace.seed", DEFAULT_SEED);
        return seed;
    }

    @Test
    void shouldHashRandomKeysAndPickPartitionsExactlyAsKafka() {
        long seed = seed();
        Random random = new Random(seed);
        int[] lengthsSeen = new int[MAX_KEY_LENGTH + 1];
        for (int i = 0; i < KEY_COUNT; i++) {
            byte[] key = new byte[random.nextInt(MAX_KEY_LENGTH + 1)];
            random.nextBytes(key);
            lengthsSeen[key.length]++;
            int ours = Utils.murmur2(key);
            int kafka = org.apache.kafka.common.utils.Utils.murmur2(key);
            String facts = "seed=" + seed + " keyIndex=" + i + " key=" + HexFormat.of().formatHex(key);
            if (ours != kafka) {
                assertThat(ours).as(facts).isEqualTo(kafka);
            }
            for (int partitions = 1; partitions <= MAX_PARTITIONS; partitions++) {
                int ourPartition = Utils.toPositive(ours) % partitions;
                int kafkaPartition = org.apache.kafka.common.utils.Utils.toPositive(kafka) % partitions;
                if (ourPartition != kafkaPartition) {
                    assertThat(ourPartition).as(facts + " numPartitions=" + partitions).isEqualTo(kafkaPartition);
                }
            }
        }
        assertThat(lengthsSeen).as("every key length 0..64 exercised, seed=" + seed).doesNotContain(0);
    }

    @Test
    void shouldMatchKnownHashValues() {
        assertHash("", 275646681);
        assertHash("a", -1563381124);
        assertHash("ab", 316155434);
        assertHash("abc", 479470107);
        assertHash("abcd", -1323649548);
        assertHash("21", -973932308);
        assertHash("foobar", -790332482);
        assertHash("a-little-bit-long-string", -985981536);
        assertHash("a-little-bit-longer-string", -1486304829);
        assertHash("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971);
        byte[] highBytes = {(byte) 0xff, (byte) 0x80, 0, 1, 2, 3, 4};
        assertThat(Utils.murmur2(highBytes)).isEqualTo(643589657)
                .isEqualTo(org.apache.kafka.common.utils.Utils.murmur2(highBytes));
    }

    private static void assertHash(String key, int expected) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        assertThat(Utils.murmur2(bytes)).as("key=\"" + key + "\"").isEqualTo(expected)
                .isEqualTo(org.apache.kafka.common.utils.Utils.murmur2(bytes));
    }

    @Test
    void shouldClearOnlyTheSignBitInToPositive() {
        assertThat(Utils.toPositive(Integer.MIN_VALUE)).isZero();
        assertThat(Utils.toPositive(-1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(Utils.toPositive(0)).isZero();
        assertThat(Utils.toPositive(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        long seed = seed();
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            int number = random.nextInt();
            assertThat(Utils.toPositive(number)).as("seed=" + seed + " number=" + number)
                    .isEqualTo(org.apache.kafka.common.utils.Utils.toPositive(number));
        }
    }

    @Test
    void shouldPlaceKeyOnPartitionFromPositiveHashModuloCount() {
        byte[] key = "orders-42".getBytes(StandardCharsets.UTF_8);
        int expected = (Utils.murmur2(key) & 0x7fffffff) % 12;
        assertThat(Utils.toPositive(Utils.murmur2(key)) % 12).isEqualTo(expected).isBetween(0, 11);
    }
}
