package dev.millrace.streams;

import dev.millrace.streams.processor.internals.StreamsMetricsImpl;
import dev.millrace.streams.processor.internals.TaskSettings;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resolves the test driver's configuration into {@link TaskSettings} through {@link StreamsConfig}, with the
 * driver's own defaults: a dummy {@code bootstrap.servers}, a generated {@code application.id} and a fresh temporary
 * state directory per driver when {@code state.dir} is not set.
 */
final class DriverSettings {

    private static final AtomicInteger DRIVERS = new AtomicInteger();

    private DriverSettings() {
    }

    static TaskSettings resolve(Properties config, StreamsMetricsImpl metrics, File stateRoot) {
        Properties copy = new Properties();
        copy.putAll(config);
        copy.putIfAbsent(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy-bootstrap-host:0");
        copy.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG,
                "dummy-topology-test-driver-app-id-" + DRIVERS.incrementAndGet());
        return TaskSettings.from(new StreamsConfig(copy), metrics, stateRoot);
    }

    static File stateRoot(Properties config) {
        Object configured = config.get(StreamsConfig.STATE_DIR_CONFIG);
        if (configured != null) {
            return new File(String.valueOf(configured));
        }
        try {
            return Files.createTempDirectory("millrace-test-driver-").toFile();
        } catch (IOException e) {
            throw new UncheckedIOException("reason=cannotCreateStateDir", e);
        }
    }
}
