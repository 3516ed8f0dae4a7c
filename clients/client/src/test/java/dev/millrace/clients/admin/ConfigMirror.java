package dev.millrace.clients.admin;

import dev.millrace.common.config.ConfigDef;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares our configuration classes with Kafka's: public constants and ConfigDef keys, defaults, validators. */
public final class ConfigMirror {

    private ConfigMirror() {
    }

    /** @return the public static final fields of {@code type} whose name passes the filter, by name */
    public static Map<String, Object> constants(Class<?> type, java.util.function.Predicate<String> names) {
        Map<String, Object> constants = new TreeMap<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
                    && !field.isSynthetic() && names.test(field.getName())) {
                try {
                    constants.put(field.getName(), field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return constants;
    }

    /** Asserts that every public {@code *_CONFIG} constant exists in both classes with the same value. */
    public static void assertSameConfigConstants(Class<?> ours, Class<?> kafka) {
        assertThat(constants(ours, n -> n.endsWith("_CONFIG")))
                .as("*_CONFIG constants of %s", ours.getSimpleName())
                .isEqualTo(constants(kafka, n -> n.endsWith("_CONFIG")));
    }

    /** Asserts that the names of all public constants match, and the values of all but documentation texts. */
    public static void assertSameConstants(Class<?> ours, Class<?> kafka) {
        assertThat(constants(ours, n -> true).keySet()).as("public constants of %s", ours.getSimpleName())
                .isEqualTo(constants(kafka, n -> true).keySet());
        Map<String, Object> kafkaValues = constants(kafka, n -> !n.endsWith("_DOC"));
        Map<String, Object> ourValues = constants(ours, n -> !n.endsWith("_DOC"));
        kafkaValues.replaceAll((name, value) -> port(value));
        assertThat(ourValues).as("constant values of %s", ours.getSimpleName()).isEqualTo(kafkaValues);
    }

    /**
     * Asserts that both definitions have the same keys (minus {@code kafkaOnly}) with equal type, importance,
     * default (class names ported) and validator description.
     */
    public static void assertSameDefinition(ConfigDef ours, org.apache.kafka.common.config.ConfigDef kafka,
                                            Set<String> kafkaOnly) {
        Set<String> kafkaNames = new TreeSet<>(kafka.names());
        kafkaNames.removeAll(kafkaOnly);
        assertThat(new TreeSet<>(ours.names())).isEqualTo(kafkaNames);
        for (String name : kafkaNames) {
            ConfigDef.ConfigKey our = ours.configKeys().get(name);
            org.apache.kafka.common.config.ConfigDef.ConfigKey their = kafka.configKeys().get(name);
            assertThat(our.type.name()).as("type of %s", name).isEqualTo(their.type.name());
            assertThat(our.importance.name()).as("importance of %s", name).isEqualTo(their.importance.name());
            assertThat(our.hasDefault()).as("has default %s", name).isEqualTo(their.hasDefault());
            if (their.hasDefault()) {
                assertThat(port(our.defaultValue)).as("default of %s", name).isEqualTo(port(their.defaultValue));
            }
            assertThat(String.valueOf(our.validator)).as("validator of %s", name)
                    .isEqualTo(String.valueOf(their.validator));
            assertThat(our.internalConfig).as("internal %s", name).isEqualTo(their.internalConfig);
        }
    }

    /** @return the SSL and SASL keys Kafka's client definitions add, which we do not define */
    public static Set<String> sslAndSaslKeys() {
        return new org.apache.kafka.common.config.ConfigDef().withClientSslSupport().withClientSaslSupport().names();
    }

    /** Applies the porting rule to class names in a value; lists element-wise. */
    public static Object port(Object value) {
        if (value instanceof Class) {
            return port(((Class<?>) value).getName());
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().map(ConfigMirror::port).collect(Collectors.toList());
        }
        if (value instanceof String) {
            String text = (String) value;
            return text.startsWith("org.apache.kafka.")
                    ? text.replace("org.apache.kafka.", "dev.millrace.").replace("Kafka", "Millrace") : text;
        }
        return value;
    }
}
