package dev.millrace.streams;

import dev.millrace.common.config.ConfigException;
import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.errors.StreamsException;
import dev.millrace.streams.processor.TimestampExtractor;
import dev.millrace.streams.processor.internals.StreamsMetricsImpl;
import dev.millrace.streams.processor.internals.TaskSettings;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resolves the test driver's configuration into {@link TaskSettings}: the keys a topology test uses (application id,
 * default serdes, default timestamp extractor, cache size, state directory), with the driver's own defaults (a
 * generated application id, a fresh temporary state directory per driver).
 */
final class DriverSettings {

    private static final AtomicInteger DRIVERS = new AtomicInteger();

    private DriverSettings() {
    }

    static TaskSettings resolve(Properties config, StreamsMetricsImpl metrics, File stateRoot) {
        Map<String, Object> values = new HashMap<>();
        config.forEach((key, value) -> values.put(String.valueOf(key), value));
        values.putIfAbsent("bootstrap.servers", "dummy-bootstrap-host:0");
        values.putIfAbsent("application.id", "dummy-topology-test-driver-app-id-" + DRIVERS.incrementAndGet());
        String applicationId = String.valueOf(values.get("application.id"));
        Serde<?> keySerde = serde(values, "default.key.serde", true);
        Serde<?> valueSerde = serde(values, "default.value.serde", false);
        TimestampExtractor extractor = extractor(values);
        long cacheBytes = longValue(values, "statestore.cache.max.bytes", 10L * 1024 * 1024);
        return new TaskSettings(applicationId, values, keySerde, valueSerde, extractor, metrics,
                new File(stateRoot, applicationId), Math.max(0, cacheBytes));
    }

    static File stateRoot(Properties config) {
        Object configured = config.get("state.dir");
        if (configured != null) {
            return new File(String.valueOf(configured));
        }
        try {
            return Files.createTempDirectory("millrace-test-driver-").toFile();
        } catch (IOException e) {
            throw new UncheckedIOException("reason=cannotCreateStateDir", e);
        }
    }

    private static long longValue(Map<String, Object> values, String key, long defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("Invalid value " + value + " for configuration " + key
                    + ": Not a number of type LONG");
        }
    }

    private static Serde<?> serde(Map<String, Object> values, String key, boolean isKey) {
        Object configured = values.get(key);
        if (configured == null) {
            return null;
        }
        Serde<?> serde = instantiate(configured, Serde.class, key);
        serde.configure(values, isKey);
        return serde;
    }

    private static TimestampExtractor extractor(Map<String, Object> values) {
        Object configured = values.get("default.timestamp.extractor");
        if (configured == null) {
            return DriverSettings::failOnInvalidTimestamp;
        }
        return instantiate(configured, TimestampExtractor.class, "default.timestamp.extractor");
    }

    private static long failOnInvalidTimestamp(dev.millrace.clients.consumer.ConsumerRecord<Object, Object> record,
                                               long partitionTime) {
        long timestamp = record.timestamp();
        if (timestamp < 0) {
            throw new StreamsException("Input record " + record + " has invalid (negative) timestamp. Possibly "
                    + "because a pre-0.10 producer client was used to write this record to Kafka without embedding a "
                    + "timestamp, or because the input topic was created before upgrading the Kafka cluster to "
                    + "0.10+. Use a different TimestampExtractor to process this data.");
        }
        return timestamp;
    }

    private static <T> T instantiate(Object configured, Class<T> type, String key) {
        try {
            Class<?> cls = configured instanceof Class<?> c ? c
                    : Class.forName(String.valueOf(configured).trim(), true,
                    Thread.currentThread().getContextClassLoader());
            if (!type.isAssignableFrom(cls)) {
                throw new ConfigException(key, configured, cls.getName() + " is not an instance of " + type.getName());
            }
            return type.cast(cls.getDeclaredConstructor().newInstance());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(key, configured, "Class " + configured + " cannot be found");
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new ConfigException(key, configured, "Could not instantiate class " + configured + ": " + e);
        }
    }
}
