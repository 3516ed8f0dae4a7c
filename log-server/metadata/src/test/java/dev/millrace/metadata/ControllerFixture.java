package dev.millrace.metadata;

import dev.millrace.common.errors.InvalidConfigurationException;
import dev.millrace.common.time.ManualTime;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** A controller on a metadata log in a temp dir, reopenable to simulate restarts. */
final class ControllerFixture implements AutoCloseable {
    /** Refuses {@code retention.ms=bad} / {@code bad=...}; {@code cleanup.policy} and {@code listeners} are lists. */
    static final ConfigPolicy STRICT = new ConfigPolicy() {
        @Override
        public void validateTopicConfigs(Map<String, String> configs) {
            check(configs);
        }

        @Override
        public void validateBrokerConfigs(Map<String, String> configs) {
            check(configs);
        }

        private void check(Map<String, String> configs) {
            configs.forEach((k, v) -> {
                if (k.equals("bad") || v.equals("bad")) {
                    throw new InvalidConfigurationException("config=" + k + " value=" + v + " reason=bad");
                }
            });
        }

        @Override
        public boolean isListConfig(String name) {
            return Set.of("cleanup.policy", "listeners").contains(name);
        }
    };

    final Path dataDir;
    final ManualTime time = new ManualTime(1_700_000_000_000L);
    final ControllerConfig config;
    MetadataLog log;
    Controller controller;

    ControllerFixture(Path dataDir, int defaultPartitions, ConfigPolicy policy) {
        this.dataDir = dataDir;
        this.config = new ControllerConfig(1, defaultPartitions, (short) 1, policy);
        open();
    }

    ControllerFixture(Path dataDir) {
        this(dataDir, 1, STRICT);
    }

    void open() {
        log = MetadataLog.open(dataDir, time);
        controller = Controller.open(config, log, time);
    }

    /** Closes cleanly and reopens, replaying from disk. */
    MetadataImage restart() {
        log.close();
        open();
        return controller.image();
    }

    @Override
    public void close() {
        log.close();
    }
}
