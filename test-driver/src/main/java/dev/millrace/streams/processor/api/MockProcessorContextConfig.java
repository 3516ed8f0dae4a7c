package dev.millrace.streams.processor.api;

import dev.millrace.common.config.ConfigException;
import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.errors.StreamsException;

import java.lang.reflect.InvocationTargetException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The application configuration a {@link MockProcessorContext} answers from: the test's properties, with
 * {@code application.id} and {@code bootstrap.servers} filled in when absent. It reads only the few keys the mock
 * needs ({@code application.id}, {@code default.key.serde}, {@code default.value.serde}); it does not add the
 * defaults of every other streams configuration key, and it does not convert values to their declared types.
 *
 * <p>Immutable after construction; safe to read from any thread. Default serdes are created anew, configured with
 * every property, on each call.
 */
final class MockProcessorContextConfig {

    static final String APPLICATION_ID_CONFIG = "application.id";
    static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    static final String DEFAULT_KEY_SERDE_CLASS_CONFIG = "default.key.serde";
    static final String DEFAULT_VALUE_SERDE_CLASS_CONFIG = "default.value.serde";

    /** What {@code bootstrap.servers} defaults to: the mock never connects anywhere. */
    static final String DUMMY_BOOTSTRAP_SERVERS = "dummy-bootstrap-host:0";
    /** What {@code application.id} defaults to when properties are given without one. */
    static final String DUMMY_APPLICATION_ID = "dummy-mock-app-id";

    private final Map<String, Object> originals;

    private MockProcessorContextConfig(Map<String, Object> originals) {
        this.originals = Collections.unmodifiableMap(originals);
    }

    /**
     * Copies the properties (their own entries, not their defaults chain) and fills in the two required keys.
     *
     * @param properties the test's properties
     * @return the configuration
     * @throws ConfigException if a property key is not a string
     */
    static MockProcessorContextConfig of(Properties properties) {
        Map<String, Object> copy = new HashMap<>();
        for (Map.Entry<Object, Object> entry : properties.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new ConfigException("reason=nonStringKey key=" + entry.getKey()
                        + " keyType=" + entry.getKey().getClass().getName());
            }
            copy.put(key, entry.getValue());
        }
        copy.putIfAbsent(BOOTSTRAP_SERVERS_CONFIG, DUMMY_BOOTSTRAP_SERVERS);
        copy.putIfAbsent(APPLICATION_ID_CONFIG, DUMMY_APPLICATION_ID);
        return new MockProcessorContextConfig(copy);
    }

    String applicationId() {
        return String.valueOf(originals.get(APPLICATION_ID_CONFIG));
    }

    /** Returns a new mutable map of every setting. */
    Map<String, Object> appConfigs() {
        return new HashMap<>(originals);
    }

    /** Returns a new map of the settings whose key starts with {@code prefix}, with the prefix removed. */
    Map<String, Object> appConfigsWithPrefix(String prefix) {
        Map<String, Object> result = new HashMap<>();
        for (Map.Entry<String, Object> entry : originals.entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                result.put(entry.getKey().substring(prefix.length()), entry.getValue());
            }
        }
        return result;
    }

    /**
     * Creates and configures the default key serde.
     *
     * @return a new configured instance
     * @throws ConfigException if {@code default.key.serde} is not set
     * @throws StreamsException if the class cannot be loaded, instantiated or configured
     */
    Serde<?> defaultKeySerde() {
        return defaultSerde(DEFAULT_KEY_SERDE_CLASS_CONFIG, true);
    }

    /**
     * Creates and configures the default value serde.
     *
     * @return a new configured instance
     * @throws ConfigException if {@code default.value.serde} is not set
     * @throws StreamsException if the class cannot be loaded, instantiated or configured
     */
    Serde<?> defaultValueSerde() {
        return defaultSerde(DEFAULT_VALUE_SERDE_CLASS_CONFIG, false);
    }

    private Serde<?> defaultSerde(String configKey, boolean isKey) {
        Object setting = originals.get(configKey);
        String which = isKey ? "key" : "value";
        if (setting == null) {
            throw new ConfigException("Please specify a " + which + " serde or set one through StreamsConfig#"
                    + (isKey ? "DEFAULT_KEY_SERDE_CLASS_CONFIG" : "DEFAULT_VALUE_SERDE_CLASS_CONFIG"));
        }
        try {
            Serde<?> serde = instantiate(setting);
            serde.configure(originals, isKey);
            return serde;
        } catch (RuntimeException | ReflectiveOperationException e) {
            throw new StreamsException(String.format("Failed to configure %s serde %s", which, setting), e);
        }
    }

    private static Serde<?> instantiate(Object setting) throws ReflectiveOperationException {
        Class<?> type;
        if (setting instanceof Class<?> given) {
            type = given;
        } else if (setting instanceof String name) {
            type = Class.forName(name.trim(), true, classLoader());
        } else {
            throw new ConfigException("reason=notAClassOrClassName value=" + setting
                    + " valueType=" + setting.getClass().getName());
        }
        if (!Serde.class.isAssignableFrom(type)) {
            throw new ConfigException("reason=notASerde class=" + type.getName()
                    + " required=" + Serde.class.getName());
        }
        try {
            return (Serde<?>) type.getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new StreamsException("reason=serdeConstructorFailed class=" + type.getName(), e.getCause());
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : MockProcessorContextConfig.class.getClassLoader();
    }
}
