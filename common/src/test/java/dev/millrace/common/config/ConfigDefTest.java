package dev.millrace.common.config;

import dev.millrace.common.config.types.Password;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parses the same raw values with our ConfigDef and Kafka's and expects equal results or equal messages. */
class ConfigDefTest {

    private static final Object[] RAW_VALUES = {
        "true", "TRUE", " false ", "yes", "", "  ", "1", " 42 ", "-7", "2147483648", "32768", "1.5", " 1e3 ",
        "a,b", " a , b ,c ", "a,,b", "a,", ",", "java.lang.String", " java.lang.Integer ", "no.such.Klass",
        "x", 42, 42L, (short) 3, 1.5d, 2.5f, true, Boolean.FALSE, List.of("p", "q"), String.class,
        new Object() { @Override public String toString() { return "odd"; } },
    };

    @Test
    void shouldParseEveryTypeLikeKafka() {
        for (ConfigDef.Type type : ConfigDef.Type.values()) {
            org.apache.kafka.common.config.ConfigDef.Type kafkaType =
                    org.apache.kafka.common.config.ConfigDef.Type.valueOf(type.name());
            for (Object raw : RAW_VALUES) {
                String ours = outcome(() -> ConfigDef.parseType("k", raw, type));
                String theirs = outcome(() -> org.apache.kafka.common.config.ConfigDef.parseType("k", raw, kafkaType));
                assertThat(ours).as("type=%s raw=[%s]", type, raw).isEqualTo(theirs);
            }
        }
    }

    @Test
    void shouldParseRandomNumericAndBooleanTextLikeKafka() {
        long seed = Long.getLong("millrace.seed", System.nanoTime());
        Random random = new Random(seed);
        String[] pads = {"", " ", "\t", "  "};
        String[] words = {"true", "False", "TRUE", "tru", "0", "-0", "+5", "0x10", "1_000", "NaN", "Infinity"};
        for (int i = 0; i < 2000; i++) {
            String core = random.nextBoolean() ? words[random.nextInt(words.length)]
                    : Long.toString(random.nextLong() >> random.nextInt(64));
            String raw = pads[random.nextInt(pads.length)] + core + pads[random.nextInt(pads.length)];
            ConfigDef.Type type = ConfigDef.Type.values()[random.nextInt(6)];
            String ours = outcome(() -> ConfigDef.parseType("k", raw, type));
            String theirs = outcome(() -> org.apache.kafka.common.config.ConfigDef.parseType("k", raw,
                    org.apache.kafka.common.config.ConfigDef.Type.valueOf(type.name())));
            assertThat(ours).as("seed=%d type=%s raw=[%s]", seed, type, raw).isEqualTo(theirs);
        }
    }

    @Test
    void shouldRenderValuesAsTextLikeKafka() {
        Object[][] cases = {{List.of("a", "b"), "LIST"}, {String.class, "CLASS"}, {5, "INT"}, {null, "STRING"},
            {new Password("s"), "PASSWORD"}};
        for (Object[] c : cases) {
            ConfigDef.Type type = ConfigDef.Type.valueOf((String) c[1]);
            Object kafkaValue = c[0] instanceof Password
                    ? new org.apache.kafka.common.config.types.Password("s") : c[0];
            assertThat(ConfigDef.convertToString(c[0], type)).isEqualTo(
                    org.apache.kafka.common.config.ConfigDef.convertToString(kafkaValue,
                            org.apache.kafka.common.config.ConfigDef.Type.valueOf(type.name())));
        }
    }

    @Test
    void shouldValidateLikeKafka() {
        List<ConfigDef.Validator> ours = List.of(ConfigDef.Range.atLeast(0), ConfigDef.Range.between(1, 5),
                ConfigDef.ValidString.in("a", "b"), ConfigDef.CaseInsensitiveValidString.in("Plain", "SSL"),
                ConfigDef.ValidList.anyNonDuplicateValues(false, false), ConfigDef.ValidList.in("x", "y"),
                ConfigDef.ValidList.anyNonDuplicateValues(true, true), new ConfigDef.NonEmptyString(),
                new ConfigDef.NonNullValidator(), ConfigDef.ListSize.atMostOfSize(1),
                ConfigDef.NonEmptyStringWithoutControlChars.nonEmptyStringWithoutControlChars(),
                ConfigDef.CompositeValidator.of(new ConfigDef.NonNullValidator(), ConfigDef.ValidString.in("a")));
        List<org.apache.kafka.common.config.ConfigDef.Validator> theirs = List.of(
                org.apache.kafka.common.config.ConfigDef.Range.atLeast(0),
                org.apache.kafka.common.config.ConfigDef.Range.between(1, 5),
                org.apache.kafka.common.config.ConfigDef.ValidString.in("a", "b"),
                org.apache.kafka.common.config.ConfigDef.CaseInsensitiveValidString.in("Plain", "SSL"),
                org.apache.kafka.common.config.ConfigDef.ValidList.anyNonDuplicateValues(false, false),
                org.apache.kafka.common.config.ConfigDef.ValidList.in("x", "y"),
                org.apache.kafka.common.config.ConfigDef.ValidList.anyNonDuplicateValues(true, true),
                new org.apache.kafka.common.config.ConfigDef.NonEmptyString(),
                new org.apache.kafka.common.config.ConfigDef.NonNullValidator(),
                org.apache.kafka.common.config.ConfigDef.ListSize.atMostOfSize(1),
                org.apache.kafka.common.config.ConfigDef.NonEmptyStringWithoutControlChars
                        .nonEmptyStringWithoutControlChars(),
                org.apache.kafka.common.config.ConfigDef.CompositeValidator.of(
                        new org.apache.kafka.common.config.ConfigDef.NonNullValidator(),
                        org.apache.kafka.common.config.ConfigDef.ValidString.in("a")));
        Object[] values = {null, 0, -1, 3, 6, 2.5d, "a", "c", "ssl", "", "tab\there", List.of(), List.of("x"),
            List.of("x", "x"), List.of("z"), Arrays.asList("x", ""), List.of("x", "y")};
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i).toString()).as("validator %d", i).isEqualTo(theirs.get(i).toString());
            for (Object value : values) {
                ConfigDef.Validator validator = ours.get(i);
                org.apache.kafka.common.config.ConfigDef.Validator kafka = theirs.get(i);
                String ourOutcome = outcome(() -> {
                    validator.ensureValid("k", value);
                    return "ok";
                });
                String kafkaOutcome = outcome(() -> {
                    kafka.ensureValid("k", value);
                    return "ok";
                });
                assertThat(ourOutcome).as("validator %s value [%s]", validator, value).isEqualTo(kafkaOutcome);
            }
        }
    }

    @Test
    void shouldFailOnMissingRequiredKeyWithKafkasMessage() {
        ConfigDef def = new ConfigDef().define("needed", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "doc");
        assertThatThrownBy(() -> def.parse(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Missing required configuration \"needed\" which has no default value.");
    }

    @Test
    void shouldRejectKeyDefinedTwice() {
        ConfigDef def = new ConfigDef().define("a", ConfigDef.Type.INT, 1, ConfigDef.Importance.LOW, "doc");
        assertThatThrownBy(() -> def.define("a", ConfigDef.Type.INT, 1, ConfigDef.Importance.LOW, "doc"))
                .isInstanceOf(ConfigException.class).hasMessage("Configuration a is defined twice.");
    }

    @Test
    void shouldParseDefaultsAndPropertiesLikeKafka() {
        ConfigDef ours = new ConfigDef()
                .define("i", ConfigDef.Type.INT, "5", ConfigDef.Range.atLeast(0), ConfigDef.Importance.HIGH, "d")
                .define("l", ConfigDef.Type.LIST, "a, b", ConfigDef.ValidList.anyNonDuplicateValues(true, false),
                        ConfigDef.Importance.LOW, "d")
                .define("s", ConfigDef.Type.STRING, null, ConfigDef.Importance.LOW, "d");
        org.apache.kafka.common.config.ConfigDef kafka = new org.apache.kafka.common.config.ConfigDef()
                .define("i", org.apache.kafka.common.config.ConfigDef.Type.INT, "5",
                        org.apache.kafka.common.config.ConfigDef.Range.atLeast(0),
                        org.apache.kafka.common.config.ConfigDef.Importance.HIGH, "d")
                .define("l", org.apache.kafka.common.config.ConfigDef.Type.LIST, "a, b",
                        org.apache.kafka.common.config.ConfigDef.ValidList.anyNonDuplicateValues(true, false),
                        org.apache.kafka.common.config.ConfigDef.Importance.LOW, "d")
                .define("s", org.apache.kafka.common.config.ConfigDef.Type.STRING, null,
                        org.apache.kafka.common.config.ConfigDef.Importance.LOW, "d");
        Properties props = new Properties();
        props.put("l", " x,y,x ");
        props.put("unknown", "1");
        assertThat(ours.parse(props)).isEqualTo(kafka.parse(props));
        assertThat(ours.parse(Map.of())).isEqualTo(kafka.parse(Map.of()));
        assertThat(ours.defaultValues()).containsEntry("i", 5).containsEntry("l", List.of("a", "b"));
        assertThat(ours.names()).containsExactly("i", "l", "s");
        assertThatThrownBy(() -> ours.parse(Map.of("i", "-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value -1 for configuration i: Value must be at least 0");
    }

    @Test
    void shouldRejectInvalidDefaultAtDefinition() {
        assertThatThrownBy(() -> new ConfigDef().define("r", ConfigDef.Type.INT, 0, ConfigDef.Range.atLeast(1),
                ConfigDef.Importance.LOW, "d"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 0 for configuration r: Value must be at least 1");
    }

    @Test
    void shouldKeepClassNameDefaultUnloadedUntilUsed() {
        ConfigDef def = new ConfigDef().define("c", ConfigDef.Type.CLASS, "no.such.Klass", ConfigDef.Importance.LOW,
                "d");
        assertThat(def.configKeys().get("c").defaultValue).isEqualTo("no.such.Klass");
        assertThat(def.parse(Map.of())).containsEntry("c", "no.such.Klass");
        assertThatThrownBy(() -> def.parse(Map.of("c", "no.such.Other")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value no.such.Other for configuration c: Class no.such.Other could not be found.");
    }

    @Test
    void shouldCopyDefinitionWithoutSharingLaterKeys() {
        ConfigDef base = new ConfigDef().define("a", ConfigDef.Type.INT, 1, ConfigDef.Importance.LOW, "d");
        ConfigDef copy = new ConfigDef(base).define("b", ConfigDef.Type.INT, 2, ConfigDef.Importance.LOW, "d");
        assertThat(base.names()).containsExactly("a");
        assertThat(copy.names()).containsExactly("a", "b");
        assertThat(copy.configKeys().get("b").type()).isEqualTo(ConfigDef.Type.INT);
    }

    static String outcome(java.util.function.Supplier<Object> action) {
        try {
            return "value:" + normalize(action.get());
        } catch (RuntimeException e) {
            boolean config = e instanceof ConfigException
                    || e instanceof org.apache.kafka.common.config.ConfigException;
            // JDK exceptions (a cast or null dereference of a bad value) match by type; their text names locals.
            return config ? "ConfigException:" + e.getMessage() : e.getClass().getSimpleName();
        }
    }

    private static Object normalize(Object value) {
        if (value instanceof Password) {
            return "password:" + ((Password) value).value();
        }
        if (value instanceof org.apache.kafka.common.config.types.Password) {
            return "password:" + ((org.apache.kafka.common.config.types.Password) value).value();
        }
        if (value instanceof List) {
            return new ArrayList<>((List<?>) value) + "@list";
        }
        return value == null ? "null" : value + "@" + value.getClass().getName();
    }
}
