package dev.millrace.common.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * List serdes created through their no-argument constructors and configured by name, as clients do:
 * the inner serde and the list class come from {@code default.list.(key|value).serde.inner} and
 * {@code default.list.(key|value).serde.type}, as classes or class names; lists round-trip into the
 * configured list class; the inner serde sees the same configs; and the bytes equal those of Kafka's
 * {@code ListSerializer} configured the same way, with each side reading the other's. Random lists come
 * from a seeded {@link Random}, replaceable with {@code -Dmillrace.seed=<long>}; messages name the seed.
 */
class ListSerdeByNameTest {
    private static final long SEED = Long.getLong("millrace.seed", 0xB1A3EL);
    private static final int LISTS = 300;
    private static final String TOPIC = "baskets";

    @ParameterizedTest(name = "isKey={0}")
    @ValueSource(booleans = {true, false})
    void shouldRoundTripIntegerListsIntoArrayListWhenConfiguredWithClasses(boolean isKey) {
        Map<String, Object> configs = listConfigs(isKey, Serdes.IntegerSerde.class, ArrayList.class);
        ListSerializer<Integer> serializer = new ListSerializer<>();
        ListDeserializer<Integer> deserializer = new ListDeserializer<>();
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);

        List<Integer> list = listOf(7, null, -1, Integer.MAX_VALUE);
        byte[] bytes = serializer.serialize(TOPIC, list);
        List<Integer> read = deserializer.deserialize(TOPIC, bytes);

        assertThat(bytes[0]).as("constant layout for IntegerSerializer").isEqualTo(ListFormat.CONSTANT_SIZE_FLAG);
        assertThat(read).isEqualTo(list).isExactlyInstanceOf(ArrayList.class);
        assertThat(serializer.getInnerSerializer()).isExactlyInstanceOf(IntegerSerializer.class);
        assertThat(deserializer.innerDeserializer()).isExactlyInstanceOf(IntegerDeserializer.class);
    }

    @ParameterizedTest(name = "isKey={0}")
    @ValueSource(booleans = {true, false})
    void shouldRoundTripStringListsIntoLinkedListWhenConfiguredWithClassNames(boolean isKey) {
        Map<String, Object> configs = listConfigs(isKey, Serdes.StringSerde.class.getName(),
                LinkedList.class.getName());
        Serde<List<String>> serde = new Serdes.ListSerde<>();
        serde.configure(configs, isKey);

        List<String> list = listOf("a", null, "", "Grüße");
        byte[] bytes = serde.serializer().serialize(TOPIC, list);
        List<String> read = serde.deserializer().deserialize(TOPIC, bytes);

        assertThat(bytes[0]).as("variable layout for StringSerializer").isEqualTo(ListFormat.VARIABLE_SIZE_FLAG);
        assertThat(read).isEqualTo(list).isExactlyInstanceOf(LinkedList.class);
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
        serde.close();
    }

    @Test
    void shouldReadKafkasConfigNames() {
        assertThat(ListSerdeConfig.KEY_INNER)
                .isEqualTo(org.apache.kafka.clients.CommonClientConfigs.DEFAULT_LIST_KEY_SERDE_INNER_CLASS);
        assertThat(ListSerdeConfig.VALUE_INNER)
                .isEqualTo(org.apache.kafka.clients.CommonClientConfigs.DEFAULT_LIST_VALUE_SERDE_INNER_CLASS);
        assertThat(ListSerdeConfig.KEY_TYPE)
                .isEqualTo(org.apache.kafka.clients.CommonClientConfigs.DEFAULT_LIST_KEY_SERDE_TYPE_CLASS);
        assertThat(ListSerdeConfig.VALUE_TYPE)
                .isEqualTo(org.apache.kafka.clients.CommonClientConfigs.DEFAULT_LIST_VALUE_SERDE_TYPE_CLASS);
    }

    @Test
    void shouldPassTheSameConfigsToTheInnerSerde() {
        Map<String, Object> configs = listConfigs(false, Serdes.StringSerde.class, ArrayList.class);
        configs.put("value.serializer.encoding", "UTF-16");
        configs.put("value.deserializer.encoding", "UTF-16");
        Serde<List<String>> ours = new Serdes.ListSerde<>();
        ours.configure(configs, false);
        Map<String, Object> kafkaConfigs = new HashMap<>(configs);
        kafkaConfigs.put(ListSerdeConfig.VALUE_INNER, org.apache.kafka.common.serialization.Serdes.StringSerde.class);
        org.apache.kafka.common.serialization.Serde<List<String>> kafka =
                new org.apache.kafka.common.serialization.Serdes.ListSerde<>();
        kafka.configure(kafkaConfigs, false);

        List<String> list = listOf("é", null, "xy");
        byte[] bytes = ours.serializer().serialize(TOPIC, list);

        assertThat(bytes).isEqualTo(kafka.serializer().serialize(TOPIC, list));
        assertThat(bytes).containsSequence(0, 0, 0, 4, 0xFE, 0xFF, 0, 0xE9);
        assertThat(ours.deserializer().deserialize(TOPIC, bytes)).isEqualTo(list);
    }

    @ParameterizedTest(name = "isKey={0}")
    @ValueSource(booleans = {true, false})
    void shouldWriteKafkasBytesForIntegerListsWhenBothAreConfiguredByName(boolean isKey) {
        compareWithKafka(isKey, Serdes.IntegerSerde.class,
                org.apache.kafka.common.serialization.Serdes.IntegerSerde.class, ArrayList.class, Random::nextInt);
    }

    @ParameterizedTest(name = "isKey={0}")
    @ValueSource(booleans = {true, false})
    void shouldWriteKafkasBytesForStringListsWhenBothAreConfiguredByName(boolean isKey) {
        // Non-empty texts only: Kafka cannot read back its own bytes of a list ending in an empty entry.
        compareWithKafka(isKey, Serdes.StringSerde.class,
                org.apache.kafka.common.serialization.Serdes.StringSerde.class, LinkedList.class,
                random -> "x" + BuiltInSerdesOracleTest.randomText(random));
    }

    private static <E> void compareWithKafka(boolean isKey, Class<?> ourInner, Class<?> kafkaInner,
            Class<?> listClass, Function<Random, E> generator) {
        ListSerializer<E> ours = new ListSerializer<>();
        ListDeserializer<E> oursReader = new ListDeserializer<>();
        Map<String, Object> ourConfigs = listConfigs(isKey, ourInner, listClass);
        ours.configure(ourConfigs, isKey);
        oursReader.configure(ourConfigs, isKey);
        org.apache.kafka.common.serialization.ListSerializer<E> kafka =
                new org.apache.kafka.common.serialization.ListSerializer<>();
        org.apache.kafka.common.serialization.ListDeserializer<E> kafkaReader =
                new org.apache.kafka.common.serialization.ListDeserializer<>();
        Map<String, Object> kafkaConfigs = listConfigs(isKey, kafkaInner.getName(), listClass.getName());
        kafka.configure(kafkaConfigs, isKey);
        kafkaReader.configure(kafkaConfigs, isKey);
        Random random = new Random(SEED ^ ourInner.getName().hashCode() ^ (isKey ? 1 : 0));

        for (int i = 0; i < LISTS; i++) {
            List<E> list = randomList(random, generator, i);
            byte[] oursBytes = ours.serialize(TOPIC, list);
            byte[] kafkaBytes = kafka.serialize(TOPIC, list);
            String facts = "seed=" + SEED + " inner=" + ourInner.getSimpleName() + " isKey=" + isKey + " case=" + i
                    + " list=" + list + " kafkaBytes=" + HexFormat.of().formatHex(kafkaBytes);

            assertThat(oursBytes).as(facts + " bytes").isEqualTo(kafkaBytes);
            assertThat(oursReader.deserialize(TOPIC, kafkaBytes)).as(facts + " oursReadsKafka")
                    .isEqualTo(list).isExactlyInstanceOf(listClass);
            assertThat(kafkaReader.deserialize(TOPIC, oursBytes)).as(facts + " kafkaReadsOurs")
                    .isEqualTo(list).isExactlyInstanceOf(listClass);
        }
    }

    private static <E> List<E> randomList(Random random, Function<Random, E> generator, int caseIndex) {
        List<E> list = new ArrayList<>();
        int size = caseIndex == 0 ? 0 : random.nextInt(12);
        for (int j = 0; j < size || (caseIndex == 1 && j < 3); j++) {
            list.add(caseIndex == 1 || random.nextInt(5) == 0 ? null : generator.apply(random));
        }
        return list;
    }

    static Map<String, Object> listConfigs(boolean isKey, Object inner, Object type) {
        Map<String, Object> configs = new HashMap<>();
        configs.put(ListSerdeConfig.innerKey(isKey), inner);
        configs.put(ListSerdeConfig.typeKey(isKey), type);
        return configs;
    }

    @SafeVarargs
    private static <E> List<E> listOf(E... entries) {
        List<E> list = new ArrayList<>();
        for (E entry : entries) {
            list.add(entry);
        }
        return list;
    }
}
