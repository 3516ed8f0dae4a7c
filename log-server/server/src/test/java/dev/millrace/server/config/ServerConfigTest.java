package dev.millrace.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.config.ConfigException;
import dev.millrace.common.record.TimestampType;
import dev.millrace.storage.cleaner.CleanerConfig;
import dev.millrace.storage.flush.FlushPolicy;
import dev.millrace.storage.log.LogConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    private static final String HOST = "node1.example";

    private static ServerConfig config(Map<String, String> configs) {
        return ServerConfig.fromMap(configs, () -> HOST);
    }

    private static void assertRejected(Map<String, String> configs, String key) {
        assertThatThrownBy(() -> config(configs))
                .as("configs=%s", configs)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key);
    }

    @Test
    void shouldRunASingleNodeOnLoopbackWithNoFile() {
        ServerConfig config = ServerConfig.load(null, Map.of());
        assertThat(config.nodeId()).isEqualTo(1);
        assertThat(config.listeners()).containsExactly(new Endpoint("PLAINTEXT", "127.0.0.1", 9092, "PLAINTEXT"));
        assertThat(config.advertisedListeners()).isEqualTo(config.listeners());
        assertThat(config.logDirs()).containsExactly(Path.of(System.getProperty("user.home"), ".millrace", "data"));
        assertThat(config.metadataLogDir()).isEqualTo(config.logDirs().get(0));
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void shouldUseKafkaDefaultsForTypedAccessors() {
        ServerConfig config = config(Map.of());
        assertThat(config.numPartitions()).isEqualTo(1);
        assertThat(config.defaultReplicationFactor()).isEqualTo(1);
        assertThat(config.autoCreateTopicsEnable()).isTrue();
        assertThat(config.deleteTopicEnable()).isTrue();
        assertThat(config.socketRequestMaxBytes()).isEqualTo(104857600);
        assertThat(config.connectionsMaxIdleMs()).isEqualTo(600000L);
        assertThat(config.maxConnections()).isEqualTo(Integer.MAX_VALUE);
        assertThat(config.numNetworkThreads()).isEqualTo(3);
        assertThat(config.numIoThreads()).isEqualTo(8);
        assertThat(config.logRetentionCheckIntervalMs()).isEqualTo(300000L);
        assertThat(config.logFlushSchedulerIntervalMs()).isEqualTo(Long.MAX_VALUE);
        assertThat(config.logFlushOffsetCheckpointIntervalMs()).isEqualTo(60000);
        assertThat(config.producerIdExpirationMs()).isEqualTo(86400000);
        assertThat(config.logCleanerEnable()).isTrue();
        assertThat(config.cleanerConfig()).isEqualTo(CleanerConfig.defaults());
        assertThat(config.flushPolicy()).isEqualTo(FlushPolicy.DEFAULT);
        assertThat(config.logConfig(Map.of(), Map.of())).isEqualTo(LogConfig.defaults());
        assertThat(config.getShort("offsets.topic.replication.factor")).isEqualTo((short) 1);
        assertThat(config.get("log.retention.ms")).isNull();
        assertThat(config.get("log.retention.hours")).isEqualTo("168");
    }

    @Test
    void shouldLetOverridesWinOverTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("server.properties");
        Files.writeString(file, "num.partitions=3\nlog.dirs=" + dir.resolve("a") + "," + dir.resolve("b")
                + "\nlisteners=PLAINTEXT://:19092\n");
        ServerConfig config = ServerConfig.load(file, Map.of("num.partitions", "5"));
        assertThat(config.numPartitions()).isEqualTo(5);
        assertThat(config.logDirs()).containsExactly(dir.resolve("a"), dir.resolve("b"));
        assertThat(config.listeners().get(0).port()).isEqualTo(19092);
        assertThat(config.originals()).containsEntry("num.partitions", "5");
    }

    @Test
    void shouldFailNamingTheFileWhenItCannotBeRead(@TempDir Path dir) {
        Path missing = dir.resolve("missing.properties");
        assertThatThrownBy(() -> ServerConfig.load(missing, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void shouldWarnAboutUnknownKeysWithoutFailing() {
        ServerConfig config = config(Map.of("no.such.key", "1", "retention.ms", "5"));
        assertThat(config.warnings()).hasSize(2);
        assertThat(config.warnings()).anySatisfy(w -> assertThat(w).contains("key=no.such.key"));
        assertThat(config.warnings()).anySatisfy(w -> assertThat(w).contains("key=retention.ms")
                .contains("log.retention.ms"));
        assertThat(config.get("no.such.key")).isEqualTo("1");
    }

    @Test
    void shouldNameTheKeyOfEveryInvalidValue() {
        assertRejected(Map.of("num.partitions", "0"), "num.partitions");
        assertRejected(Map.of("num.partitions", "many"), "num.partitions");
        assertRejected(Map.of("log.segment.bytes", "1000"), "log.segment.bytes");
        assertRejected(Map.of("auto.create.topics.enable", "maybe"), "auto.create.topics.enable");
        assertRejected(Map.of("log.cleanup.policy", "shred"), "log.cleanup.policy");
        assertRejected(Map.of("log.message.timestamp.type", "Now"), "log.message.timestamp.type");
        assertRejected(Map.of("log.cleaner.min.cleanable.ratio", "1.5"), "log.cleaner.min.cleanable.ratio");
        assertRejected(Map.of("node.id", "-1"), "node.id");
        assertRejected(Map.of("broker.id", "-1"), "broker.id");
        assertRejected(Map.of("log.cleaner.threads", "0"), "log.cleaner.threads");
        assertRejected(Map.of("offsets.topic.replication.factor", "40000"), "offsets.topic.replication.factor");
    }

    @Test
    void shouldReportTheValueAndKeyInKafkaFormat() {
        assertThatThrownBy(() -> config(Map.of("num.io.threads", "1.5")))
                .hasMessage("Invalid value 1.5 for configuration num.io.threads: Not a number of type INT");
    }

    @Test
    void shouldTreatBrokerIdAsAliasOfNodeId() {
        assertThat(config(Map.of("broker.id", "7")).nodeId()).isEqualTo(7);
        assertThat(config(Map.of("node.id", "7", "broker.id", "7")).nodeId()).isEqualTo(7);
        assertThat(config(Map.of("node.id", "7")).staticConfigs()).containsEntry("broker.id", "7");
        assertRejected(Map.of("node.id", "1", "broker.id", "2"), "broker.id");
    }

    @Test
    void shouldRequireCombinedProcessRoles() {
        assertRejected(Map.of("process.roles", "broker"), "process.roles");
        assertRejected(Map.of("process.roles", "broker,worker"), "process.roles");
        assertThat(config(Map.of("process.roles", "controller, broker")).nodeId()).isEqualTo(1);
    }

    @Test
    void shouldParseListenersWithIpv6EmptyHostsAndControllerListeners() {
        ServerConfig config = config(Map.of("listeners", "PLAINTEXT://:9092,CONTROLLER://[::1]:9093,"
                + "internal://0.0.0.0:9094", "controller.listener.names", "CONTROLLER",
                "listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,INTERNAL:PLAINTEXT"));
        assertThat(config.listeners()).containsExactly(
                new Endpoint("PLAINTEXT", "", 9092, "PLAINTEXT"),
                new Endpoint("CONTROLLER", "::1", 9093, "PLAINTEXT"),
                new Endpoint("INTERNAL", "0.0.0.0", 9094, "PLAINTEXT"));
        assertThat(config.brokerListeners()).extracting(Endpoint::listenerName).containsExactly("PLAINTEXT",
                "INTERNAL");
        assertThat(config.advertisedListeners()).containsExactly(
                new Endpoint("PLAINTEXT", HOST, 9092, "PLAINTEXT"),
                new Endpoint("INTERNAL", HOST, 9094, "PLAINTEXT"));
        assertThat(config.listeners().get(1)).hasToString("CONTROLLER://[::1]:9093");
    }

    @Test
    void shouldMapControllerListenerToPlaintextWhenProtocolMapIsNotSet() {
        ServerConfig config = config(Map.of("listeners", "PLAINTEXT://:9092,CONTROLLER://:9093",
                "controller.listener.names", "CONTROLLER"));
        assertThat(config.listeners()).extracting(Endpoint::securityProtocol).containsOnly("PLAINTEXT");
    }

    @Test
    void shouldUseExplicitAdvertisedListeners() {
        ServerConfig config = config(Map.of("listeners", "PLAINTEXT://0.0.0.0:9092",
                "advertised.listeners", "PLAINTEXT://broker.example:19092"));
        assertThat(config.advertisedListeners()).containsExactly(
                new Endpoint("PLAINTEXT", "broker.example", 19092, "PLAINTEXT"));
        assertRejected(Map.of("advertised.listeners", "OTHER://h:1",
                "listener.security.protocol.map", "OTHER:PLAINTEXT,PLAINTEXT:PLAINTEXT"), "advertised.listeners");
    }

    @Test
    void shouldRejectBadListeners() {
        assertRejected(Map.of("listeners", "localhost:9092"), "listeners");
        assertRejected(Map.of("listeners", "PLAINTEXT://:99999"), "listeners");
        assertRejected(Map.of("listeners", "PLAINTEXT://:9092,PLAINTEXT://:9093"), "listeners");
        assertRejected(Map.of("listeners", "FOO://:9092"), "listeners");
        assertRejected(Map.of("listeners", ""), "listeners");
        assertRejected(Map.of("listener.security.protocol.map", "PLAINTEXT"), "listener.security.protocol.map");
        assertRejected(Map.of("inter.broker.listener.name", "NOPE"), "inter.broker.listener.name");
    }

    @Test
    void shouldRejectSecurityProtocolsOtherThanPlaintextAsNotSupportedYet() {
        assertThatThrownBy(() -> config(Map.of("listeners", "SSL://:9093")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("for configuration listeners")
                .hasMessageContaining("not supported yet");
    }

    @Test
    void shouldRejectTwoListenersOnOnePort() {
        assertThatThrownBy(() -> config(Map.of("listeners", "PLAINTEXT://:9092,B://:9092",
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,B:PLAINTEXT")))
                .hasMessageContaining("for configuration listeners")
                .hasMessageContaining("port 9092");
        assertThat(config(Map.of("listeners", "PLAINTEXT://:0,B://:0",
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,B:PLAINTEXT")).listeners()).hasSize(2);
    }

    @Test
    void shouldPreferLogDirsOverLogDirAndUseExplicitMetadataDir() {
        ServerConfig config = config(Map.of("log.dir", "/d0", "log.dirs", "/d1,/d2", "metadata.log.dir", "/m"));
        assertThat(config.logDirs()).containsExactly(Path.of("/d1"), Path.of("/d2"));
        assertThat(config.metadataLogDir()).isEqualTo(Path.of("/m"));
        assertThat(config(Map.of("log.dir", "/d0")).logDirs()).containsExactly(Path.of("/d0"));
        assertRejected(Map.of("log.dirs", ""), "log.dirs");
    }

    @Test
    void shouldDeriveTopicDefaultsFromBrokerSynonymsInPrecedenceOrder() {
        assertThat(config(Map.of("log.retention.hours", "2")).topicDefaults())
                .containsEntry("retention.ms", "7200000");
        assertThat(config(Map.of("log.retention.hours", "2", "log.retention.minutes", "3")).topicDefaults())
                .containsEntry("retention.ms", "180000");
        assertThat(config(Map.of("log.retention.minutes", "3", "log.retention.ms", "42")).topicDefaults())
                .containsEntry("retention.ms", "42");
        assertThat(config(Map.of("log.retention.hours", "-1")).topicDefaults()).containsEntry("retention.ms", "-1");
        assertThat(config(Map.of("log.roll.hours", "1")).topicDefaults()).containsEntry("segment.ms", "3600000");
        assertThat(config(Map.of("log.flush.scheduler.interval.ms", "500")).topicDefaults())
                .containsEntry("flush.ms", "500");
        assertThat(config(Map.of("message.max.bytes", "2000000")).topicDefaults())
                .containsEntry("max.message.bytes", "2000000");
        assertThat(config(Map.of()).topicDefaults()).containsEntry("retention.ms", "604800000")
                .containsEntry("cleanup.policy", "delete").containsEntry("remote.storage.enable", "false")
                .hasSameSizeAs(TopicConfigs.definitions());
    }

    @Test
    void shouldApplyTopicOverrideOverDynamicDefaultOverStaticOverDefault() {
        ServerConfig config = config(Map.of("log.retention.hours", "2", "log.segment.bytes", "2097152"));
        assertThat(config.logConfig(Map.of(), Map.of()).retentionMs()).isEqualTo(7_200_000L);
        assertThat(config.logConfig(Map.of("log.retention.ms", "5000"), Map.of()).retentionMs()).isEqualTo(5000L);
        assertThat(config.logConfig(Map.of("log.retention.ms", "5000"), Map.of("retention.ms", "9")).retentionMs())
                .isEqualTo(9L);
        assertThat(config.logConfig(Map.of(), Map.of()).segmentBytes()).isEqualTo(2097152);
        assertThat(config.logConfig(Map.of(), Map.of()).segmentMs()).isEqualTo(604800000L);
    }

    @Test
    void shouldBuildStorageConfigFromTopicOverrides() {
        LogConfig log = config(Map.of()).logConfig(Map.of(), Map.of("cleanup.policy", "compact",
                "message.timestamp.type", "LogAppendTime", "min.cleanable.dirty.ratio", "0.1",
                TopicConfigs.INTERNAL_SEGMENT_BYTES, "1024"));
        assertThat(log.compact()).isTrue();
        assertThat(log.delete()).isFalse();
        assertThat(log.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
        assertThat(log.minCleanableDirtyRatio()).isEqualTo(0.1);
        assertThat(log.segmentBytes()).isEqualTo(1024);
    }

    @Test
    void shouldKeepEverythingWithEmptyCleanupPolicy() {
        LogConfig log = config(Map.of()).logConfig(Map.of(), Map.of("cleanup.policy", ""));
        assertThat(log.compact()).isFalse();
        assertThat(log.delete()).isFalse();
    }

    @Test
    void shouldRejectInvalidTopicOverrideWhenBuildingStorageConfig() {
        assertThatThrownBy(() -> config(Map.of()).logConfig(Map.of(), Map.of("retention.ms", "x")))
                .isInstanceOf(dev.millrace.common.errors.InvalidConfigurationException.class)
                .hasMessageContaining("retention.ms");
    }

    @Test
    void shouldBuildCleanerAndFlushSettingsFromBrokerKeys() {
        ServerConfig config = config(Map.of("log.cleaner.threads", "2", "log.cleaner.backoff.ms", "100",
                "log.flush.interval.messages", "1", "log.flush.interval.ms", "250", "log.cleaner.enable", "false"));
        assertThat(config.cleanerConfig().threads()).isEqualTo(2);
        assertThat(config.cleanerConfig().backoffMs()).isEqualTo(100L);
        assertThat(config.cleanerConfig().enable()).isFalse();
        assertThat(config.logCleanerEnable()).isFalse();
        assertThat(config.flushPolicy()).isEqualTo(new FlushPolicy(1, 250));
    }

    @Test
    void shouldExposeAnyKnownKeyThroughTypedGetters() {
        ServerConfig config = config(Map.of("group.coordinator.rebalance.protocols", "classic, consumer"));
        assertThat(config.getList("group.coordinator.rebalance.protocols")).containsExactly("classic", "consumer");
        assertThat(config.getInt("group.initial.rebalance.delay.ms")).isEqualTo(3000);
        assertThat(config.getDouble("log.cleaner.io.buffer.load.factor")).isEqualTo(0.9);
        assertThat(config.getList("schema.registry.listeners")).isEqualTo(List.of());
        assertThatThrownBy(() -> config.getInt("no.such.key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.getLong("num.partitions")).isInstanceOf(IllegalArgumentException.class);
    }
}
