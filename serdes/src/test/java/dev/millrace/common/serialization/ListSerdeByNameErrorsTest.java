package dev.millrace.common.serialization;

import static dev.millrace.common.serialization.ListSerdeByNameTest.listConfigs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.millrace.common.config.ConfigException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Every way configuring a list serde by name can fail, each a {@link ConfigException} whose message
 * names the config, the value and a {@code reason=}: configuring an instance built with arguments or
 * configuring twice, a missing value, a value that is neither a class nor a class name, an unknown
 * class, a class that is not a {@link Serde} or not a concrete {@link java.util.List}, an inner serde
 * without a public no-argument constructor or whose constructor throws, and a list class without a
 * public constructor. Also: using an unconfigured instance fails with {@link IllegalStateException},
 * a failed configuration leaves the instance configurable, and Kafka refuses the same configurations
 * (it defers the list class checks to the first deserialization, which Millrace does not).
 */
class ListSerdeByNameErrorsTest {
    private static final String INNER = "default.list.value.serde.inner";
    private static final String TYPE = "default.list.value.serde.type";
    private static final String TOPIC = "baskets";
    private static final String SER = " owner=ListSerializer isKey=false";
    private static final String DESER = " owner=ListDeserializer isKey=false";

    /** A serde whose only constructor takes an argument. */
    public static final class NeedsArgumentSerde extends Serdes.WrapperSerde<String> {
        /** Creates the serde; the argument is ignored. */
        public NeedsArgumentSerde(String ignored) {
            super(new StringSerializer(), new StringDeserializer());
        }
    }

    /** A serde whose constructor fails. */
    public static final class ExplodingSerde extends Serdes.WrapperSerde<String> {
        /** Always throws. */
        public ExplodingSerde() {
            super(new StringSerializer(), new StringDeserializer());
            throw new IllegalStateException("reason=boom");
        }
    }

    /** An abstract serde with a public constructor. */
    public abstract static class AbstractSerde implements Serde<String> {
        /** For subclasses. */
        public AbstractSerde() {
        }
    }

    @Test
    void shouldRefuseToConfigureInstancesBuiltWithArguments() {
        Map<String, Object> valid = listConfigs(false, Serdes.IntegerSerde.class, ArrayList.class);

        assertConfigError(() -> new ListSerializer<>(new IntegerSerializer()).configure(valid, false),
                "reason=alreadyInitialized" + SER + " initializedBy=constructor"
                        + " inner=dev.millrace.common.serialization.IntegerSerializer");
        assertConfigError(() -> new ListDeserializer<>(TypedLists.IntegerList.class, new IntegerDeserializer())
                .configure(valid, false), "reason=alreadyInitialized" + DESER + " initializedBy=constructor"
                + " listClass=dev.millrace.common.serialization.TypedLists$IntegerList"
                + " inner=dev.millrace.common.serialization.IntegerDeserializer");
        assertConfigError(() -> Serdes.ListSerde(TypedLists.IntegerList.class, Serdes.Integer()).configure(valid,
                false),
                "reason=alreadyInitialized" + SER + " initializedBy=constructor"
                        + " inner=dev.millrace.common.serialization.IntegerSerializer");
    }

    @Test
    void shouldRefuseASecondConfiguration() {
        Map<String, Object> valid = listConfigs(false, Serdes.IntegerSerde.class, ArrayList.class);
        ListSerializer<Integer> serializer = new ListSerializer<>();
        ListDeserializer<Integer> deserializer = new ListDeserializer<>();
        serializer.configure(valid, false);
        deserializer.configure(valid, false);

        assertConfigError(() -> serializer.configure(valid, false), "reason=alreadyInitialized" + SER
                + " initializedBy=configure inner=dev.millrace.common.serialization.IntegerSerializer");
        assertConfigError(() -> deserializer.configure(valid, false), "reason=alreadyInitialized" + DESER
                + " initializedBy=configure listClass=java.util.ArrayList"
                + " inner=dev.millrace.common.serialization.IntegerDeserializer");
    }

    @Test
    void shouldRefuseMissingConfigsReadingTheKeyOrValueNames() {
        assertConfigError(() -> new ListSerializer<>().configure(Map.of(), false),
                "reason=missingConfig config=" + INNER + SER);
        assertConfigError(() -> new ListSerializer<>().configure(configs(INNER, Serdes.IntegerSerde.class), true),
                "reason=missingConfig config=default.list.key.serde.inner owner=ListSerializer isKey=true");
        assertConfigError(() -> new ListDeserializer<>().configure(configs(INNER, Serdes.IntegerSerde.class), false),
                "reason=missingConfig config=" + TYPE + DESER);
        assertConfigError(() -> new ListDeserializer<>().configure(configs(TYPE, ArrayList.class), false),
                "reason=missingConfig config=" + INNER + DESER);
        assertConfigError(() -> new ListDeserializer<>().configure(
                listConfigs(false, Serdes.IntegerSerde.class, ArrayList.class), true),
                "reason=missingConfig config=default.list.key.serde.type owner=ListDeserializer isKey=true");
    }

    @Test
    void shouldRefuseValuesThatAreNeitherClassesNorClassNames() {
        assertConfigError(() -> new ListSerializer<>().configure(configs(INNER, 42), false),
                invalid(42, INNER, "notAClassOrClassName" + SER + " valueType=java.lang.Integer"));
        assertConfigError(() -> new ListDeserializer<>().configure(listConfigs(false, Serdes.IntegerSerde.class,
                List.of("java.util.ArrayList")), false), invalid("[java.util.ArrayList]", TYPE,
                "notAClassOrClassName" + DESER + " valueType=java.util.ImmutableCollections$List12"));
    }

    @Test
    void shouldRefuseUnknownClassNamesWithTheLoadFailureAsCause() {
        Throwable serializer = configError(() -> new ListSerializer<>().configure(configs(INNER, "no.such.Serde"),
                false), invalid("no.such.Serde", INNER, "classNotFound" + SER));
        Throwable deserializer = configError(() -> new ListDeserializer<>().configure(listConfigs(false,
                Serdes.IntegerSerde.class, "no.such.List"), false),
                invalid("no.such.List", TYPE, "classNotFound" + DESER));

        assertThat(serializer).cause().isInstanceOf(ClassNotFoundException.class);
        assertThat(deserializer).cause().isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void shouldRefuseInnerClassesThatAreNotUsableSerdes() {
        assertConfigError(() -> new ListSerializer<>().configure(configs(INNER, String.class), false),
                invalid("java.lang.String", INNER, "notASerde" + SER
                        + " expected=dev.millrace.common.serialization.Serde"));
        assertConfigError(() -> new ListDeserializer<>().configure(listConfigs(false, "java.lang.String",
                ArrayList.class), false), invalid("java.lang.String", INNER, "notASerde" + DESER
                + " expected=dev.millrace.common.serialization.Serde"));
        assertConfigError(() -> new ListSerializer<>().configure(configs(INNER, NeedsArgumentSerde.class), false),
                invalid(NeedsArgumentSerde.class.getName(), INNER, "noPublicNoArgConstructor" + SER));
        assertConfigError(() -> new ListSerializer<>().configure(configs(INNER, AbstractSerde.class), false),
                invalid(AbstractSerde.class.getName(), INNER,
                        "notInstantiable" + SER + " error=InstantiationException"));
        Throwable exploded = configError(() -> new ListSerializer<>().configure(configs(INNER, ExplodingSerde.class),
                false), invalid(ExplodingSerde.class.getName(), INNER, "constructorFailed" + SER
                + " error=java.lang.IllegalStateException: reason=boom"));
        assertThat(exploded).cause().isInstanceOf(IllegalStateException.class).hasMessage("reason=boom");
    }

    @Test
    void shouldRefuseListClassesThatCannotBeCreated() {
        assertConfigError(() -> new ListDeserializer<>().configure(listConfigs(false, Serdes.IntegerSerde.class,
                String.class), false), invalid("java.lang.String", TYPE, "notAList" + DESER
                + " expected=java.util.List"));
        assertConfigError(() -> new ListDeserializer<>().configure(listConfigs(false, Serdes.IntegerSerde.class,
                "java.util.List"), false), invalid("java.util.List", TYPE, "listClassNotConcrete" + DESER));
        assertConfigError(() -> new ListDeserializer<>().configure(listConfigs(false, Serdes.IntegerSerde.class,
                AbstractList.class), false), invalid("java.util.AbstractList", TYPE, "listClassNotConcrete" + DESER));
        assertConfigError(() -> new ListDeserializer<>().configure(listConfigs(false, Serdes.IntegerSerde.class,
                TypedLists.HiddenConstructorList.class), false),
                invalid(TypedLists.HiddenConstructorList.class.getName(), TYPE,
                        "listClassWithoutPublicConstructor" + DESER));
    }

    @Test
    void shouldRefuseUseBeforeConfigurationButPassNullAndCloseQuietly() {
        ListSerializer<Integer> serializer = new ListSerializer<>();
        ListDeserializer<Integer> deserializer = new ListDeserializer<>();

        assertThatThrownBy(() -> serializer.serialize(TOPIC, List.of(1))).isInstanceOf(IllegalStateException.class)
                .hasMessage("reason=notConfigured owner=ListSerializer topic=" + TOPIC);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {1, 0, 0, 0, 0}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reason=notConfigured owner=ListDeserializer topic=" + TOPIC);
        assertThat(serializer.serialize(TOPIC, null)).isNull();
        assertThat(deserializer.deserialize(TOPIC, null)).isNull();
        assertThat(serializer.getInnerSerializer()).isNull();
        assertThat(deserializer.innerDeserializer()).isNull();
        serializer.close();
        deserializer.close();
        new Serdes.ListSerde<Integer>().close();
    }

    @Test
    void shouldStayConfigurableAfterAFailedConfiguration() {
        ListSerializer<Integer> serializer = new ListSerializer<>();
        ListDeserializer<Integer> deserializer = new ListDeserializer<>();
        Map<String, Object> bad = listConfigs(false, "no.such.Serde", ArrayList.class);
        catchThrowable(() -> serializer.configure(bad, false));
        catchThrowable(() -> deserializer.configure(bad, false));

        Map<String, Object> valid = listConfigs(false, Serdes.IntegerSerde.class, ArrayList.class);
        serializer.configure(valid, false);
        deserializer.configure(valid, false);

        assertThat(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, List.of(3, 4)))).containsExactly(3, 4);
    }

    @Test
    void shouldRefuseAtConfigurationWhatKafkaRefusesAtConfiguration() {
        String kafkaInt = org.apache.kafka.common.serialization.Serdes.IntegerSerde.class.getName();
        Map<String, Map<String, Object>> refusedByBoth = Map.of(
                "missingInner", configs(TYPE, ArrayList.class),
                "missingType", configs(INNER, kafkaInt),
                "innerNotAClass", listConfigs(false, 42, ArrayList.class),
                "innerNotFound", listConfigs(false, "no.such.Serde", ArrayList.class),
                "innerNotASerde", listConfigs(false, String.class, ArrayList.class),
                "innerNeedsArgument", listConfigs(false, NeedsArgumentSerde.class, ArrayList.class),
                "typeNotFound", listConfigs(false, kafkaInt, "no.such.List"));
        refusedByBoth.forEach((name, configs) -> {
            Map<String, Object> ours = new HashMap<>(configs);
            ours.computeIfPresent(INNER, (key, value) -> kafkaInt.equals(value) ? Serdes.IntegerSerde.class : value);
            assertThat(catchThrowable(() -> new org.apache.kafka.common.serialization.Serdes.ListSerde<Integer>()
                    .configure(configs, false))).as("kafka case=" + name).isNotNull();
            assertThat(catchThrowable(() -> new Serdes.ListSerde<Integer>().configure(ours, false)))
                    .as("ours case=" + name).isInstanceOf(ConfigException.class);
        });
        // Kafka accepts a list class that is not a List at configuration (and fails when deserializing).
        new org.apache.kafka.common.serialization.ListDeserializer<Integer>()
                .configure(listConfigs(false, kafkaInt, String.class), false);
        org.apache.kafka.common.serialization.ListSerializer<Integer> kafka =
                new org.apache.kafka.common.serialization.ListSerializer<>();
        kafka.configure(listConfigs(false, kafkaInt, ArrayList.class), false);
        assertThatThrownBy(() -> kafka.configure(listConfigs(false, kafkaInt, ArrayList.class), false))
                .as("kafka refuses a second configuration")
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class);
    }

    private static Map<String, Object> configs(String key, Object value) {
        Map<String, Object> configs = new HashMap<>();
        configs.put(key, value);
        return configs;
    }

    private static String invalid(Object value, String key, String facts) {
        return "Invalid value " + value + " for configuration " + key + ": reason=" + facts;
    }

    private static void assertConfigError(ThrowingCallable call, String message) {
        configError(call, message);
    }

    private static Throwable configError(ThrowingCallable call, String message) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ConfigException.class).hasMessage(message);
        return thrown;
    }
}
