package dev.millrace.streams;

import dev.millrace.common.config.ConfigDef;
import dev.millrace.common.config.ConfigException;
import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Compares StreamsConfig with Kafka Streams' StreamsConfig, which is on the test class path as an oracle. */
@SuppressWarnings("deprecation") // Kafka's deprecated keys are part of what is mirrored
class StreamsConfigTest {

    /** Keys whose default differs from Kafka's on purpose (documented in StreamsConfig's javadoc). */
    private static final Set<String> DIFFERENT_DEFAULTS = Set.of(StreamsConfig.STATE_DIR_CONFIG);

    static Properties minimal() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        return props;
    }

    @Test
    void shouldMirrorEveryPublicConstantOfKafka() {
        assertSameConstants(StreamsConfig.class, org.apache.kafka.streams.StreamsConfig.class);
        assertSameConstants(StreamsConfig.InternalConfig.class,
                org.apache.kafka.streams.StreamsConfig.InternalConfig.class);
    }

    @Test
    void shouldDefineKafkasKeysTypesDefaultsAndValidators() {
        ConfigDef ours = StreamsConfig.configDef();
        org.apache.kafka.common.config.ConfigDef kafka = org.apache.kafka.streams.StreamsConfig.configDef();
        assertThat(List.copyOf(ours.names())).isEqualTo(List.copyOf(kafka.names()));
        for (String name : kafka.names()) {
            ConfigDef.ConfigKey our = ours.configKeys().get(name);
            org.apache.kafka.common.config.ConfigDef.ConfigKey their = kafka.configKeys().get(name);
            assertThat(our.type.name()).as("type of %s", name).isEqualTo(their.type.name());
            assertThat(our.importance.name()).as("importance of %s", name).isEqualTo(their.importance.name());
            assertThat(our.hasDefault()).as("has default %s", name).isEqualTo(their.hasDefault());
            if (their.hasDefault() && !DIFFERENT_DEFAULTS.contains(name)) {
                assertThat(port(our.defaultValue)).as("default of %s", name).isEqualTo(port(their.defaultValue));
            }
            assertThat(String.valueOf(our.validator)).as("validator of %s", name)
                    .isEqualTo(String.valueOf(their.validator));
        }
        assertThat((String) ours.configKeys().get(StreamsConfig.STATE_DIR_CONFIG).defaultValue)
                .endsWith("millrace-streams");
    }

    @Test
    void shouldRequireApplicationIdLikeKafka() {
        Properties props = minimal();
        props.remove(StreamsConfig.APPLICATION_ID_CONFIG);
        assertThat(outcome(() -> new StreamsConfig(props)))
                .isEqualTo(outcome(() -> new org.apache.kafka.streams.StreamsConfig(props)))
                .isEqualTo("ConfigException:Missing required configuration \"application.id\" which has no default "
                        + "value.");
    }

    @Test
    void shouldRequireBootstrapServersLikeKafka() {
        Properties props = minimal();
        props.remove(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
        assertThat(outcome(() -> new StreamsConfig(props)))
                .isEqualTo(outcome(() -> new org.apache.kafka.streams.StreamsConfig(props)))
                .contains("\"bootstrap.servers\"");
    }

    @Test
    void shouldPrefixLikeKafka() {
        assertThat(StreamsConfig.consumerPrefix("x"))
                .isEqualTo(org.apache.kafka.streams.StreamsConfig.consumerPrefix("x"));
        assertThat(StreamsConfig.mainConsumerPrefix("x"))
                .isEqualTo(org.apache.kafka.streams.StreamsConfig.mainConsumerPrefix("x"));
        assertThat(StreamsConfig.restoreConsumerPrefix("x"))
                .isEqualTo(org.apache.kafka.streams.StreamsConfig.restoreConsumerPrefix("x"));
        assertThat(StreamsConfig.globalConsumerPrefix("x"))
                .isEqualTo(org.apache.kafka.streams.StreamsConfig.globalConsumerPrefix("x"));
        assertThat(StreamsConfig.producerPrefix("x"))
                .isEqualTo(org.apache.kafka.streams.StreamsConfig.producerPrefix("x"));
        assertThat(StreamsConfig.adminClientPrefix("x"))
                .isEqualTo(org.apache.kafka.streams.StreamsConfig.adminClientPrefix("x"));
        assertThat(StreamsConfig.topicPrefix("x")).isEqualTo(org.apache.kafka.streams.StreamsConfig.topicPrefix("x"));
        assertThat(StreamsConfig.clientTagPrefix("x"))
                .isEqualTo(org.apache.kafka.streams.StreamsConfig.clientTagPrefix("x"));
    }

    @Test
    void shouldVerifyTopologyOptimizationLikeKafka() {
        for (String value : List.of("none", "all", "all,none", "reuse.ktable.source.topics, merge.repartition.topics",
                "single.store.self.join", "bogus", "")) {
            // Kafka's message lists the values as unexpanded "+NO_OPTIMIZATION+" placeholders (a Kafka bug); ours
            // names them, so errors are compared up to the list of acceptable values.
            assertThat(firstSentence(outcome(() -> new TreeSet<>(
                    StreamsConfig.verifyTopologyOptimizationConfigs(value)))))
                    .as("value [%s]", value)
                    .isEqualTo(firstSentence(outcome(() -> new TreeSet<>(
                            org.apache.kafka.streams.StreamsConfig.verifyTopologyOptimizationConfigs(value)))));
        }
    }

    private static String firstSentence(String outcome) {
        int end = outcome.indexOf(" Acceptable values are:");
        return end < 0 ? outcome : outcome.substring(0, end);
    }

    @Test
    void shouldUseEosCommitIntervalUnlessSet() {
        Properties props = minimal();
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(new StreamsConfig(props).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(100L);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "5000");
        assertThat(new StreamsConfig(props).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(5000L);
        assertThat(new StreamsConfig(minimal()).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(30000L);
    }

    @Test
    void shouldRejectTransactionTimeoutBelowCommitIntervalLikeKafka() {
        Properties props = minimal();
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "20000");
        assertThat(outcome(() -> new StreamsConfig(props)))
                .isEqualTo(outcome(() -> new org.apache.kafka.streams.StreamsConfig(props)))
                .startsWith("IllegalArgumentException:Transaction timeout 10000 was set lower");
    }

    @Test
    void shouldRejectMoreThanFiveInFlightRequestsUnderEosLikeKafka() {
        Properties props = minimal();
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.producerPrefix("max.in.flight.requests.per.connection"), "6");
        assertThat(outcome(() -> new StreamsConfig(props).getProducerConfigs("c")))
                .isEqualTo(outcome(() -> new org.apache.kafka.streams.StreamsConfig(props).getProducerConfigs("c")))
                .contains("Can't exceed 5");
    }

    @Test
    void shouldRejectBadClientTagsLikeKafka() {
        List<Map<String, String>> cases = List.of(Map.of("client.tag.", "x"), Map.of("client.tag.zone", " "),
                Map.of("client.tag.zone", "a".repeat(31)), Map.of("client.tag." + "k".repeat(21), "v"),
                Map.of("rack.aware.assignment.tags", "zone"),
                Map.of("rack.aware.assignment.tags", "zone", "client.tag.zone", "eu-1"));
        for (Map<String, String> extra : cases) {
            Properties props = minimal();
            props.putAll(extra);
            assertThat(outcome(() -> new StreamsConfig(props).getClientTags()))
                    .as("props %s", extra)
                    .isEqualTo(outcome(() -> new org.apache.kafka.streams.StreamsConfig(props).getClientTags()));
        }
    }

    @Test
    void shouldFailDefaultSerdesWhenUnsetLikeKafka() {
        StreamsConfig ours = new StreamsConfig(minimal());
        org.apache.kafka.streams.StreamsConfig kafka = new org.apache.kafka.streams.StreamsConfig(minimal());
        assertThat(outcome(ours::defaultKeySerde)).isEqualTo(outcome(kafka::defaultKeySerde))
                .isEqualTo("ConfigException:Please specify a key serde or set one through "
                        + "StreamsConfig#DEFAULT_KEY_SERDE_CLASS_CONFIG");
        assertThat(outcome(ours::defaultValueSerde)).isEqualTo(outcome(kafka::defaultValueSerde));
    }

    @Test
    void shouldCreateConfiguredDefaultSerdes() {
        Properties props = minimal();
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.LongSerde.class.getName());
        StreamsConfig config = new StreamsConfig(props);
        assertThat(config.defaultKeySerde()).isInstanceOf(Serdes.StringSerde.class);
        assertThat(config.defaultValueSerde()).isInstanceOf(Serdes.LongSerde.class);
    }

    @Test
    void shouldWrapSerdeCreationFailureInStreamsException() {
        Properties props = minimal();
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, String.class);
        assertThatThrownBy(() -> new StreamsConfig(props).defaultKeySerde())
                .isInstanceOf(StreamsException.class)
                .hasMessage("Failed to configure key serde class java.lang.String");
    }

    @Test
    void shouldBuildClientConfigsLikeKafka() {
        Properties props = minimal();
        props.put("consumer.max.poll.records", "7");
        props.put("main.consumer.max.poll.records", "8");
        props.put("restore.consumer.fetch.min.bytes", "9");
        props.put("global.consumer.client.rack", "r");
        props.put("producer.linger.ms", "3");
        props.put("admin.retries", "2");
        props.put("acks", "1");
        props.put("enable.auto.commit", "true");
        props.put("consumer.allow.auto.create.topics", "true");
        props.put("group.instance.id", "gi");
        props.put("topic.segment.bytes", "1000000");
        props.put("custom.key", "c");
        props.put("request.timeout.ms", "41000");
        assertSameClientConfigs(props);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put("producer.transactional.id", "mine");
        props.put("consumer.isolation.level", "read_uncommitted");
        props.put("producer.enable.idempotence", "false");
        assertSameClientConfigs(props);
    }

    @Test
    void shouldBuildClientConfigsLikeKafkaForRandomProperties() {
        long seed = Long.getLong("millrace.seed", System.nanoTime());
        java.util.Random random = new java.util.Random(seed);
        String[] prefixes = {"", "consumer.", "main.consumer.", "restore.consumer.", "global.consumer.", "producer.",
            "admin.", "topic."};
        String[][] keys = {{"max.poll.records", "11"}, {"fetch.max.bytes", "1024"}, {"linger.ms", "9"},
            {"acks", "0"}, {"retries", "3"}, {"client.rack", "z"}, {"enable.auto.commit", "true"},
            {"auto.offset.reset", "latest"}, {"isolation.level", "read_committed"}, {"send.buffer.bytes", "1"},
            {"batch.size", "10"}, {"my.custom", "x"}, {"group.instance.id", "g"}, {"retention.ms", "5"},
            {"processing.guarantee", "exactly_once_v2"}, {"enable.idempotence", "true"},
            {"transactional.id", "t"}, {"allow.auto.create.topics", "false"}};
        for (int round = 0; round < 200; round++) {
            Properties props = minimal();
            int count = random.nextInt(8);
            for (int i = 0; i < count; i++) {
                String[] entry = keys[random.nextInt(keys.length)];
                String prefix = entry[0].equals("processing.guarantee") ? ""
                        : prefixes[random.nextInt(prefixes.length)];
                props.put(prefix + entry[0], entry[1]);
            }
            String context = "seed=" + seed + " round=" + round + " props=" + new TreeMap<>(props);
            assertSameClientConfigs(props, context);
        }
    }

    private static void assertSameClientConfigs(Properties props) {
        assertSameClientConfigs(props, "props=" + new TreeMap<>(props));
    }

    private static void assertSameClientConfigs(Properties props, String context) {
        String constructed = outcome(() -> new StreamsConfig(props));
        String kafkaConstructed = outcome(() -> new org.apache.kafka.streams.StreamsConfig(props));
        if (!constructed.startsWith("value:") || !kafkaConstructed.startsWith("value:")) {
            assertThat(constructed).as(context).isEqualTo(kafkaConstructed);
            return;
        }
        StreamsConfig ours = new StreamsConfig(props);
        org.apache.kafka.streams.StreamsConfig kafka = new org.apache.kafka.streams.StreamsConfig(props);
        assertThat(outcome(() -> ours.getMainConsumerConfigs("g", "c", 1))).as("main %s", context)
                .isEqualTo(outcome(() -> kafka.getMainConsumerConfigs("g", "c", 1)));
        assertThat(outcome(() -> ours.getRestoreConsumerConfigs("c"))).as("restore %s", context)
                .isEqualTo(outcome(() -> kafka.getRestoreConsumerConfigs("c")));
        assertThat(outcome(() -> ours.getGlobalConsumerConfigs("c"))).as("global %s", context)
                .isEqualTo(outcome(() -> kafka.getGlobalConsumerConfigs("c")));
        assertThat(outcome(() -> ours.getProducerConfigs("c"))).as("producer %s", context)
                .isEqualTo(outcome(() -> kafka.getProducerConfigs("c")));
        assertThat(outcome(() -> ours.getAdminConfigs("c"))).as("admin %s", context)
                .isEqualTo(outcome(() -> kafka.getAdminConfigs("c")));
    }

    static String outcome(Supplier<Object> action) {
        try {
            Object value = action.get();
            if (value instanceof Map) {
                Map<String, Object> ported = new TreeMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> ported.put((String) k, port(v)));
                return "value:" + ported;
            }
            return "value:" + (value instanceof StreamsConfig || value instanceof org.apache.kafka.streams.StreamsConfig
                    ? "config" : port(value));
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ":" + e.getMessage();
        }
    }

    private static void assertSameConstants(Class<?> ours, Class<?> kafka) {
        Map<String, Object> ourConstants = constants(ours);
        Map<String, Object> kafkaConstants = constants(kafka);
        assertThat(ourConstants.keySet()).as("names of %s", ours.getSimpleName())
                .isEqualTo(kafkaConstants.keySet());
        ourConstants.keySet().removeIf(name -> name.endsWith("_DOC"));
        kafkaConstants.keySet().removeIf(name -> name.endsWith("_DOC"));
        kafkaConstants.replaceAll((name, value) -> port(value));
        assertThat(ourConstants).as("values of %s", ours.getSimpleName()).isEqualTo(kafkaConstants);
    }

    private static Map<String, Object> constants(Class<?> type) {
        Map<String, Object> constants = new TreeMap<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)) {
                try {
                    constants.put(field.getName(), field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return constants;
    }

    static Object port(Object value) {
        if (value instanceof Class) {
            return port(((Class<?>) value).getName());
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().map(StreamsConfigTest::port).collect(Collectors.toList());
        }
        if (value instanceof String && ((String) value).startsWith("org.apache.kafka.")) {
            return ((String) value).replace("org.apache.kafka.", "dev.millrace.").replace("Kafka", "Millrace");
        }
        return value == null ? "null" : value;
    }

    @Test
    void shouldReportUnusedKeys() {
        Properties props = minimal();
        props.put("typo.key", "x");
        Map<String, Object> unused = new HashMap<>();
        new StreamsConfig(props).unused().forEach(key -> unused.put(key, true));
        assertThat(unused).containsKey("typo.key");
    }

    @Test
    void shouldRejectInvalidValueWithKafkasMessage() {
        Properties props = minimal();
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once");
        assertThat(outcome(() -> new StreamsConfig(props)))
                .isEqualTo(outcome(() -> new org.apache.kafka.streams.StreamsConfig(props)));
        assertThatThrownBy(() -> new StreamsConfig(props)).isInstanceOf(ConfigException.class);
    }
}
