package dev.millrace.common.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.millrace.common.errors.SerializationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The list serde against Kafka's {@code ListSerializer}/{@code ListDeserializer}: for seeded random
 * lists with null entries (and null, empty and all-null lists) of every fixed-width inner type
 * (constant layout) and of String and Boolean (variable layout), our bytes equal Kafka's, each side
 * reads the other's bytes into an equal list of the requested class (except one Kafka reader bug: a
 * list ending in an empty entry, which Kafka cannot read back), and every proper prefix or
 * extended form of valid bytes is rejected with a {@link SerializationException}. The seed can be
 * replaced with {@code -Dmillrace.seed=<long>}; assertion messages name it.
 */
class ListSerdeOracleTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x1157L);
    private static final int LISTS = 400;
    private static final String TOPIC = "baskets";

    /** One inner type: the typed list class, both entry serdes and a generator of entries. */
    record ListCase<E, L extends List<E>>(String name, Class<L> listClass, Supplier<Serde<E>> ours,
            Supplier<org.apache.kafka.common.serialization.Serde<E>> kafka, Function<Random, E> generator) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ListCase<?, ?>> cases() {
        return Stream.of(
                new ListCase<>("Integer", TypedLists.IntegerList.class, Serdes::Integer,
                        org.apache.kafka.common.serialization.Serdes::Integer, Random::nextInt),
                new ListCase<>("String", TypedLists.StringList.class, Serdes::String,
                        org.apache.kafka.common.serialization.Serdes::String, BuiltInSerdesOracleTest::randomText),
                new ListCase<>("UUID", TypedLists.UuidList.class, Serdes::UUID,
                        org.apache.kafka.common.serialization.Serdes::UUID,
                        random -> new UUID(random.nextLong(), random.nextLong())),
                new ListCase<>("Long", TypedLists.LongList.class, Serdes::Long,
                        org.apache.kafka.common.serialization.Serdes::Long, Random::nextLong),
                new ListCase<>("Short", TypedLists.ShortList.class, Serdes::Short,
                        org.apache.kafka.common.serialization.Serdes::Short, random -> (short) random.nextInt()),
                new ListCase<>("Float", TypedLists.FloatList.class, Serdes::Float,
                        org.apache.kafka.common.serialization.Serdes::Float, Random::nextFloat),
                new ListCase<>("Double", TypedLists.DoubleList.class, Serdes::Double,
                        org.apache.kafka.common.serialization.Serdes::Double, Random::nextGaussian),
                new ListCase<>("Boolean", TypedLists.BooleanList.class, Serdes::Boolean,
                        org.apache.kafka.common.serialization.Serdes::Boolean, Random::nextBoolean));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldWriteKafkasListBytesAndReadEachOthersLists(ListCase<?, ?> listCase) {
        runCase(listCase);
    }

    private static <E, L extends List<E>> void runCase(ListCase<E, L> c) {
        Random random = new Random(SEED ^ c.name().hashCode());
        Serde<List<E>> ours = Serdes.ListSerde(c.listClass(), c.ours().get());
        org.apache.kafka.common.serialization.Serde<List<E>> kafka =
                org.apache.kafka.common.serialization.Serdes.ListSerde(c.listClass(), c.kafka().get());
        for (int i = 0; i < LISTS; i++) {
            List<E> list = randomList(random, c.generator(), i);
            byte[] oursBytes = ours.serializer().serialize(TOPIC, list);
            byte[] kafkaBytes = kafka.serializer().serialize(TOPIC, list);
            String facts = "seed=" + SEED + " inner=" + c.name() + " case=" + i + " list=" + list
                    + " kafkaBytes=" + (kafkaBytes == null ? "null" : HexFormat.of().formatHex(kafkaBytes));

            assertThat(oursBytes).as(facts + " bytes").isEqualTo(kafkaBytes);
            List<E> decoded = ours.deserializer().deserialize(TOPIC, kafkaBytes);
            assertThat(decoded).as(facts + " oursReadsKafka").isEqualTo(list);
            if (endsWithEmptyEntry(list, c.ours().get())) {
                // Kafka's reader fails on its own bytes here: reading a zero-length entry at the very end
                // of the input reports end-of-stream. Millrace reads such lists (checked above).
                assertThatThrownBy(() -> kafka.deserializer().deserialize(TOPIC, oursBytes)).as(facts)
                        .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
            } else {
                assertThat(kafka.deserializer().deserialize(TOPIC, oursBytes)).as(facts + " kafkaReadsOurs")
                        .isEqualTo(list);
            }
            if (list != null) {
                assertThat(decoded).as(facts + " listClass").isInstanceOf(c.listClass());
                assertRejectsEveryProperPrefixAndAnyTrailingByte(ours.deserializer(), oursBytes, facts);
            }
        }
    }

    private static <E> boolean endsWithEmptyEntry(List<E> list, Serde<E> inner) {
        if (list == null || list.isEmpty() || list.get(list.size() - 1) == null) {
            return false;
        }
        return inner.serializer().serialize(TOPIC, list.get(list.size() - 1)).length == 0;
    }

    private static <E> List<E> randomList(Random random, Function<Random, E> generator, int caseIndex) {
        if (caseIndex == 0) {
            return null;
        }
        List<E> list = new ArrayList<>();
        int size = caseIndex == 1 ? 0 : random.nextInt(12);
        boolean allNull = caseIndex == 2;
        for (int j = 0; j < size || (allNull && j < 3); j++) {
            list.add(allNull || random.nextInt(5) == 0 ? null : generator.apply(random));
        }
        return list;
    }

    private static <E> void assertRejectsEveryProperPrefixAndAnyTrailingByte(Deserializer<List<E>> deserializer,
            byte[] bytes, String facts) {
        for (int length = 0; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            assertThat(catchThrowable(() -> deserializer.deserialize(TOPIC, prefix)))
                    .as(facts + " prefixLength=" + length).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("topic=" + TOPIC);
        }
        byte[] extended = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, extended)).as(facts + " trailingByte")
                .isInstanceOf(SerializationException.class).hasMessageContaining("reason=trailingBytes");
    }
}
