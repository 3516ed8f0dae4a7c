package dev.millrace.common.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.header.RecordHeaders;
import dev.millrace.common.utils.Bytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in serde against Apache Kafka's (kafka-clients, test scope): for seeded random values
 * plus edge cases (null, empty, extremes, NaN payloads, infinities, signed zeros, unicode beyond the
 * BMP) our serializer must write exactly Kafka's bytes, our deserializer must read Kafka's bytes back
 * to the value, Kafka's deserializer must read ours, and every buffer form (heap at an offset, heap
 * slice, direct, little-endian order) must decode to the same value without moving the buffer.
 *
 * <p>The seed can be replaced with {@code -Dmillrace.seed=<long>}; every assertion message names it,
 * with the type, case number and value.
 */
class BuiltInSerdesOracleTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x5E4DE5L);
    private static final int RANDOM_VALUES = 2_000;
    private static final String TOPIC = "orders";

    /**
     * One built-in type: both implementations, the conversion between value representations where
     * they differ (Bytes), a generator, edge cases and the equality that counts for that type.
     */
    record Case<T, K>(String type, Supplier<Serde<T>> ours,
            Supplier<org.apache.kafka.common.serialization.Serde<K>> kafka, Function<T, K> toKafka,
            Function<K, T> fromKafka, Function<Random, T> generator, List<T> edges, BiPredicate<T, T> same) {

        @Override
        public String toString() {
            return type;
        }
    }

    static Stream<Case<?, ?>> cases() {
        return Stream.of(
                same("String", Serdes::String, org.apache.kafka.common.serialization.Serdes::String,
                        BuiltInSerdesOracleTest::randomText,
                        Arrays.asList(null, "", "\u0000", "plain ascii", "Grüße", "日本語", "\uD83D\uDE00 emoji")),
                same("Short", Serdes::Short, org.apache.kafka.common.serialization.Serdes::Short,
                        random -> (short) random.nextInt(),
                        Arrays.asList(null, (short) 0, (short) -1, Short.MIN_VALUE, Short.MAX_VALUE)),
                same("Integer", Serdes::Integer, org.apache.kafka.common.serialization.Serdes::Integer,
                        Random::nextInt, Arrays.asList(null, 0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE)),
                same("Long", Serdes::Long, org.apache.kafka.common.serialization.Serdes::Long,
                        Random::nextLong, Arrays.asList(null, 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE)),
                new Case<>("Float", Serdes::Float, org.apache.kafka.common.serialization.Serdes::Float,
                        Function.identity(), Function.identity(), random -> Float.intBitsToFloat(random.nextInt()),
                        Arrays.asList(null, 0f, -0f, Float.NaN, Float.intBitsToFloat(0x7fc00001),
                                Float.intBitsToFloat(0xffc12345), Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                                Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE),
                        (a, b) -> a == null ? b == null : b != null
                                && Float.floatToRawIntBits(a) == Float.floatToRawIntBits(b)),
                same("Double", Serdes::Double, org.apache.kafka.common.serialization.Serdes::Double,
                        random -> Double.longBitsToDouble(random.nextLong()),
                        Arrays.asList(null, 0d, -0d, Double.NaN, Double.longBitsToDouble(0x7ff8000000000001L),
                                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
                                Double.MAX_VALUE, -Double.MAX_VALUE)),
                same("Boolean", Serdes::Boolean, org.apache.kafka.common.serialization.Serdes::Boolean,
                        Random::nextBoolean, Arrays.asList(null, true, false)),
                same("UUID", Serdes::UUID, org.apache.kafka.common.serialization.Serdes::UUID,
                        random -> new UUID(random.nextLong(), random.nextLong()),
                        Arrays.asList(null, new UUID(0, 0), new UUID(-1, -1),
                                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))),
                same("Void", Serdes::Void, org.apache.kafka.common.serialization.Serdes::Void,
                        random -> null, Arrays.asList((Void) null)),
                new Case<>("ByteArray", Serdes::ByteArray, org.apache.kafka.common.serialization.Serdes::ByteArray,
                        Function.identity(), Function.identity(), BuiltInSerdesOracleTest::randomBytes,
                        Arrays.asList(null, new byte[0], new byte[] {0}, new byte[] {(byte) 0xFF}),
                        (a, b) -> Arrays.equals(a, b)),
                new Case<>("Bytes", Serdes::Bytes, org.apache.kafka.common.serialization.Serdes::Bytes,
                        ours -> ours == null ? null : new org.apache.kafka.common.utils.Bytes(ours.get()),
                        kafka -> kafka == null ? null : new Bytes(kafka.get()),
                        random -> new Bytes(randomBytes(random)),
                        Arrays.asList(null, new Bytes(new byte[0]), new Bytes(new byte[] {1, 2, 3})), Objects::equals));
    }

    private static <T> Case<T, T> same(String type, Supplier<Serde<T>> ours,
            Supplier<org.apache.kafka.common.serialization.Serde<T>> kafka, Function<Random, T> generator,
            List<T> edges) {
        return new Case<>(type, ours, kafka, Function.identity(), Function.identity(), generator, edges,
                Objects::equals);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldWriteKafkasBytesAndReadThemBackInEveryBufferForm(Case<?, ?> serdeCase) {
        runCase(serdeCase);
    }

    private static <T, K> void runCase(Case<T, K> c) {
        Random random = new Random(SEED ^ c.type().hashCode());
        List<T> values = new ArrayList<>(c.edges());
        for (int i = 0; i < RANDOM_VALUES; i++) {
            values.add(c.generator().apply(random));
        }
        Serde<T> ours = c.ours().get();
        org.apache.kafka.common.serialization.Serde<K> kafka = c.kafka().get();
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            byte[] oursBytes = ours.serializer().serialize(TOPIC, value);
            byte[] kafkaBytes = kafka.serializer().serialize(TOPIC, c.toKafka().apply(value));
            String facts = "seed=" + SEED + " type=" + c.type() + " case=" + i + " value=" + describe(value)
                    + " kafkaBytes=" + hex(kafkaBytes);

            assertThat(oursBytes).as(facts + " serializedBytes").isEqualTo(kafkaBytes);
            assertThat(ours.serializer().serialize(TOPIC, new RecordHeaders(), value)).as(facts + " headersOverload")
                    .isEqualTo(kafkaBytes);
            assertSame(c, value, ours.deserializer().deserialize(TOPIC, kafkaBytes), facts + " oursReadsKafka");
            assertSame(c, value, ours.deserializer().deserialize(TOPIC, new RecordHeaders(), kafkaBytes),
                    facts + " headersOverload");
            assertSame(c, value, c.fromKafka().apply(kafka.deserializer().deserialize(TOPIC, oursBytes)),
                    facts + " kafkaReadsOurs");
            if (kafkaBytes != null) {
                for (ByteBuffer buffer : bufferForms(kafkaBytes, random)) {
                    int position = buffer.position();
                    int limit = buffer.limit();
                    T decoded = ours.deserializer().deserialize(TOPIC, new RecordHeaders(), buffer);
                    assertSame(c, value, decoded, facts + " buffer=" + buffer);
                    assertThat(buffer.position()).as(facts + " positionKept buffer=" + buffer).isEqualTo(position);
                    assertThat(buffer.limit()).as(facts + " limitKept buffer=" + buffer).isEqualTo(limit);
                }
            } else {
                assertThat(ours.deserializer().deserialize(TOPIC, new RecordHeaders(), (ByteBuffer) null))
                        .as(facts + " nullBuffer").isNull();
            }
        }
    }

    private static <T, K> void assertSame(Case<T, K> c, T expected, T actual, String facts) {
        assertThat(c.same().test(expected, actual)).as(facts + " decoded=" + describe(actual)).isTrue();
    }

    /** The same bytes as a heap buffer at an offset, a heap slice, a direct buffer and a little-endian one. */
    private static List<ByteBuffer> bufferForms(byte[] bytes, Random random) {
        int before = random.nextInt(8);
        byte[] padded = new byte[before + bytes.length + random.nextInt(8)];
        random.nextBytes(padded);
        System.arraycopy(bytes, 0, padded, before, bytes.length);
        ByteBuffer atOffset = ByteBuffer.wrap(padded, before, bytes.length);
        ByteBuffer slice = ByteBuffer.wrap(padded.clone(), before, bytes.length).slice();
        ByteBuffer direct = ByteBuffer.allocateDirect(before + bytes.length);
        direct.position(before);
        direct.put(bytes).position(before);
        ByteBuffer littleEndian = ByteBuffer.wrap(padded.clone(), before, bytes.length).order(ByteOrder.LITTLE_ENDIAN);
        return List.of(atOffset, slice, direct, littleEndian, ByteBuffer.wrap(bytes).asReadOnlyBuffer());
    }

    /** Text of random code points from every UTF-8 length class; no lone surrogates. */
    static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(24);
        for (int i = 0; i < length; i++) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> 0x20 + random.nextInt(0x5F);
                case 1 -> 0x80 + random.nextInt(0x780);
                case 2 -> {
                    int bmp = 0x800 + random.nextInt(0xF800);
                    yield bmp >= 0xD800 && bmp <= 0xDFFF ? 0x4E2D : bmp;
                }
                default -> 0x10000 + random.nextInt(0x100000);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(40)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String describe(Object value) {
        if (value instanceof byte[] bytes) {
            return hex(bytes);
        }
        if (value instanceof Float f) {
            return f + "(bits=" + Integer.toHexString(Float.floatToRawIntBits(f)) + ")";
        }
        if (value instanceof Double d) {
            return d + "(bits=" + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
        }
        return String.valueOf(value);
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? "null" : HexFormat.of().formatHex(bytes);
    }
}
