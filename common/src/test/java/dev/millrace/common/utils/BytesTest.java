package dev.millrace.common.utils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import org.apache.kafka.common.utils.internals.BytesUtils;
import org.junit.jupiter.api.Test;

/**
 * {@link Bytes} against Apache Kafka's {@code org.apache.kafka.common.utils.Bytes} and, for the comparator
 * and increment that Kafka 4.3 moved out of {@code Bytes}, its {@code BytesUtils} (test scope): equality,
 * hash code, ordering sign, text form and increment must agree for seeded random arrays.
 * The seed can be replaced with {@code -Dmillrace.seed=<long>}; every assertion message names it.
 */
class BytesTest {
    private static final long SEED = Long.getLong("millrace.seed", 0xB17E5L);
    private static final int PAIRS = 20_000;

    @Test
    void shouldAgreeWithKafkaOnEqualityHashOrderAndText() {
        Random random = new Random(SEED);
        for (int i = 0; i < PAIRS; i++) {
            byte[] left = randomBytes(random);
            byte[] right = random.nextInt(4) == 0 ? left.clone() : randomBytes(random);
            Bytes ours = new Bytes(left);
            Bytes oursOther = new Bytes(right);
            org.apache.kafka.common.utils.Bytes kafka = new org.apache.kafka.common.utils.Bytes(left);
            org.apache.kafka.common.utils.Bytes kafkaOther = new org.apache.kafka.common.utils.Bytes(right);
            String facts = "seed=" + SEED + " pair=" + i + " left=" + hex(left) + " right=" + hex(right);

            assertThat(ours.hashCode()).as(facts).isEqualTo(kafka.hashCode());
            assertThat(ours.equals(oursOther)).as(facts).isEqualTo(kafka.equals(kafkaOther));
            assertThat(Integer.signum(ours.compareTo(oursOther))).as(facts)
                    .isEqualTo(Integer.signum(kafka.compareTo(kafkaOther)));
            assertThat(Integer.signum(Bytes.BYTES_LEXICO_COMPARATOR.compare(left, right))).as(facts)
                    .isEqualTo(Integer.signum(BytesUtils.BYTES_LEXICO_COMPARATOR.compare(left, right)));
            assertThat(ours.toString()).as(facts).isEqualTo(kafka.toString());
        }
    }

    @Test
    void shouldIncrementExactlyAsKafka() {
        Random random = new Random(SEED);
        for (int i = 0; i < PAIRS; i++) {
            byte[] value = randomBytes(random);
            String facts = "seed=" + SEED + " case=" + i + " value=" + hex(value);
            byte[] before = value.clone();
            Throwable kafkaFailure = null;
            byte[] kafkaResult = null;
            try {
                kafkaResult = BytesUtils.increment(new org.apache.kafka.common.utils.Bytes(value)).get();
            } catch (IndexOutOfBoundsException e) {
                kafkaFailure = e;
            }
            if (kafkaFailure != null) {
                assertThatThrownBy(() -> Bytes.increment(new Bytes(value))).as(facts)
                        .isInstanceOf(IndexOutOfBoundsException.class)
                        .hasMessageContaining("length=" + value.length);
            } else {
                assertThat(Bytes.increment(new Bytes(value)).get()).as(facts).containsExactly(kafkaResult);
            }
            assertThat(value).as(facts + " inputUnchanged").containsExactly(before);
        }
    }

    @Test
    void shouldCarryIntoHigherBytesAndFailOnlyWhenAllBitsAreSet() {
        assertThat(Bytes.increment(new Bytes(new byte[] {0x00, (byte) 0xFF, (byte) 0xFF})).get())
                .containsExactly(0x01, 0x00, 0x00);
        assertThat(Bytes.increment(new Bytes(new byte[] {(byte) 0xFE})).get()).containsExactly(0xFF);
        assertThatThrownBy(() -> Bytes.increment(new Bytes(new byte[] {(byte) 0xFF, (byte) 0xFF})))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("reason=incrementOverflow length=2");
        assertThatThrownBy(() -> Bytes.increment(new Bytes(Bytes.EMPTY)))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldHoldTheArrayWithoutCopyingAndPassNullThroughWrap() {
        byte[] array = {1, 2, 3};

        assertThat(new Bytes(array).get()).isSameAs(array);
        assertThat(Bytes.wrap(array).get()).isSameAs(array);
        assertThat(Bytes.wrap(null)).isNull();
        assertThatThrownBy(() -> new Bytes(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("reason=nullBytes");
    }

    @Test
    void shouldSortProperPrefixFirstAndCompareBytesUnsigned() {
        assertThat(new Bytes(new byte[] {1}).compareTo(new Bytes(new byte[] {1, 0}))).isNegative();
        assertThat(new Bytes(new byte[] {(byte) 0x80}).compareTo(new Bytes(new byte[] {0x7F}))).isPositive();
        assertThat(new Bytes(Bytes.EMPTY).compareTo(new Bytes(new byte[0]))).isZero();
    }

    @Test
    void shouldCompareSubRangesWithoutCopying() {
        byte[] first = {9, 1, 2, 3, 9};
        byte[] second = {1, 2, 4};

        assertThat(Bytes.BYTES_LEXICO_COMPARATOR.compare(first, 1, 3, second, 0, 3)).isNegative();
        assertThat(Bytes.BYTES_LEXICO_COMPARATOR.compare(first, 1, 2, second, 0, 2)).isZero();
        assertThat(Bytes.BYTES_LEXICO_COMPARATOR.compare(first, 1, 3, second, 0, 2)).isPositive();
    }

    @Test
    void shouldEscapeBackslashAndNonPrintableBytesInText() {
        assertThat(new Bytes(new byte[] {'a', '\\', 0x00, (byte) 0xFF, '~', ' '}).toString())
                .isEqualTo("a\\x5C\\x00\\xFF~ ");
    }

    /** Short arrays over a small alphabet, so that equal arrays and shared prefixes are common. */
    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(6)];
        for (int i = 0; i < bytes.length; i++) {
            int pick = random.nextInt(6);
            bytes[i] = switch (pick) {
                case 0 -> (byte) 0xFF;
                case 1 -> 0;
                case 2 -> (byte) 0x80;
                case 3 -> '\\';
                default -> (byte) random.nextInt(256);
            };
        }
        return bytes;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
