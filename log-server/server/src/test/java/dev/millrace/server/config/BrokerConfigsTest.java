package dev.millrace.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.errors.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrokerConfigsTest {
    /**
     * Facts read from Kafka 4.3.1's broker and topic ConfigDefs (name, type, default, dynamic mode):
     * {@code <}B|T{@code > name TYPE default mode}, with {@code null} for no default and
     * {@code <empty>} for the empty string.
     */
    private static final String KAFKA_4_3 = """
            B node.id INT null read-only
            B broker.id INT -1 read-only
            B process.roles LIST null read-only
            B listeners LIST PLAINTEXT://:9092 per-broker
            B advertised.listeners LIST null read-only
            B inter.broker.listener.name STRING null read-only
            B controller.listener.names LIST null read-only
            B controller.quorum.voters LIST <empty> read-only
            B controller.quorum.bootstrap.servers LIST <empty> read-only
            B broker.rack STRING null read-only
            B log.dir LIST /tmp/kafka-logs read-only
            B log.dirs LIST null read-only
            B cordoned.log.dirs LIST <empty> per-broker
            B metadata.log.dir STRING null read-only
            B metadata.log.segment.bytes INT 1073741824 read-only
            B metadata.log.segment.ms LONG 604800000 read-only
            B metadata.max.retention.bytes LONG 104857600 read-only
            B metadata.max.retention.ms LONG 604800000 read-only
            B metadata.log.max.record.bytes.between.snapshots LONG 20971520 read-only
            B metadata.log.max.snapshot.interval.ms LONG 3600000 read-only
            B num.partitions INT 1 read-only
            B default.replication.factor INT 1 read-only
            B min.insync.replicas INT 1 cluster-wide
            B auto.create.topics.enable BOOLEAN true read-only
            B delete.topic.enable BOOLEAN true read-only
            B auto.leader.rebalance.enable BOOLEAN true read-only
            B unclean.leader.election.enable BOOLEAN false cluster-wide
            B message.max.bytes INT 1048588 cluster-wide
            B log.segment.bytes INT 1073741824 cluster-wide
            B log.roll.ms LONG null cluster-wide
            B log.roll.hours INT 168 read-only
            B log.roll.jitter.ms LONG null cluster-wide
            B log.roll.jitter.hours INT 0 read-only
            B log.index.size.max.bytes INT 10485760 cluster-wide
            B log.index.interval.bytes INT 4096 cluster-wide
            B log.retention.ms LONG null cluster-wide
            B log.retention.minutes INT null read-only
            B log.retention.hours INT 168 read-only
            B log.retention.bytes LONG -1 cluster-wide
            B log.retention.check.interval.ms LONG 300000 read-only
            B log.cleanup.policy LIST delete cluster-wide
            B log.segment.delete.delay.ms LONG 60000 cluster-wide
            B log.message.timestamp.type STRING CreateTime cluster-wide
            B log.message.timestamp.before.max.ms LONG 9223372036854775807 cluster-wide
            B log.message.timestamp.after.max.ms LONG 3600000 cluster-wide
            B log.preallocate BOOLEAN false cluster-wide
            B compression.type STRING producer cluster-wide
            B compression.gzip.level INT -1 cluster-wide
            B compression.lz4.level INT 9 cluster-wide
            B compression.zstd.level INT 3 cluster-wide
            B log.local.retention.ms LONG -2 cluster-wide
            B log.local.retention.bytes LONG -2 cluster-wide
            B remote.log.storage.system.enable BOOLEAN false read-only
            B log.cleaner.enable BOOLEAN true read-only
            B log.cleaner.threads INT 1 cluster-wide
            B log.cleaner.dedupe.buffer.size LONG 134217728 cluster-wide
            B log.cleaner.io.buffer.size INT 524288 cluster-wide
            B log.cleaner.io.buffer.load.factor DOUBLE 0.9 cluster-wide
            B log.cleaner.io.max.bytes.per.second DOUBLE 1.7976931348623157E308 cluster-wide
            B log.cleaner.min.cleanable.ratio DOUBLE 0.5 cluster-wide
            B log.cleaner.min.compaction.lag.ms LONG 0 cluster-wide
            B log.cleaner.max.compaction.lag.ms LONG 9223372036854775807 cluster-wide
            B log.cleaner.delete.retention.ms LONG 86400000 cluster-wide
            B log.cleaner.backoff.ms LONG 15000 cluster-wide
            B log.flush.interval.messages LONG 9223372036854775807 cluster-wide
            B log.flush.interval.ms LONG null cluster-wide
            B log.flush.scheduler.interval.ms LONG 9223372036854775807 read-only
            B log.flush.offset.checkpoint.interval.ms INT 60000 read-only
            B log.flush.start.offset.checkpoint.interval.ms INT 60000 read-only
            B num.network.threads INT 3 cluster-wide
            B num.io.threads INT 8 cluster-wide
            B num.recovery.threads.per.data.dir INT 2 cluster-wide
            B background.threads INT 10 cluster-wide
            B socket.request.max.bytes INT 104857600 read-only
            B socket.send.buffer.bytes INT 102400 read-only
            B socket.receive.buffer.bytes INT 102400 read-only
            B socket.listen.backlog.size INT 50 read-only
            B connections.max.idle.ms LONG 600000 read-only
            B max.connections INT 2147483647 cluster-wide
            B max.connections.per.ip INT 2147483647 cluster-wide
            B max.connections.per.ip.overrides STRING <empty> cluster-wide
            B queued.max.requests INT 500 read-only
            B queued.max.request.bytes LONG -1 read-only
            B request.timeout.ms INT 30000 read-only
            B fetch.max.bytes INT 57671680 read-only
            B max.incremental.fetch.session.cache.slots INT 1000 read-only
            B replica.lag.time.max.ms LONG 30000 read-only
            B replica.fetch.max.bytes INT 1048576 read-only
            B replica.fetch.min.bytes INT 1 read-only
            B replica.fetch.wait.max.ms INT 500 read-only
            B replica.fetch.backoff.ms INT 1000 read-only
            B replica.fetch.response.max.bytes INT 10485760 read-only
            B replica.socket.timeout.ms INT 30000 read-only
            B replica.socket.receive.buffer.bytes INT 65536 read-only
            B replica.high.watermark.checkpoint.interval.ms LONG 5000 read-only
            B num.replica.fetchers INT 1 cluster-wide
            B offsets.topic.num.partitions INT 50 read-only
            B offsets.topic.replication.factor SHORT 3 read-only
            B offsets.topic.segment.bytes INT 104857600 read-only
            B offsets.topic.compression.codec INT 0 read-only
            B offsets.retention.minutes INT 10080 read-only
            B offsets.retention.check.interval.ms LONG 600000 read-only
            B offsets.commit.timeout.ms INT 5000 read-only
            B offsets.load.buffer.size INT 5242880 read-only
            B offset.metadata.max.bytes INT 4096 read-only
            B group.initial.rebalance.delay.ms INT 3000 read-only
            B group.min.session.timeout.ms INT 6000 read-only
            B group.max.session.timeout.ms INT 1800000 read-only
            B group.max.size INT 2147483647 read-only
            B group.coordinator.rebalance.protocols LIST classic,consumer,streams read-only
            B group.coordinator.threads INT 4 read-only
            B group.consumer.session.timeout.ms INT 45000 read-only
            B group.consumer.min.session.timeout.ms INT 45000 read-only
            B group.consumer.max.session.timeout.ms INT 60000 read-only
            B group.consumer.heartbeat.interval.ms INT 5000 read-only
            B group.consumer.min.heartbeat.interval.ms INT 5000 read-only
            B group.consumer.max.heartbeat.interval.ms INT 15000 read-only
            B group.consumer.max.size INT 2147483647 read-only
            B group.consumer.assignors LIST uniform,range read-only
            B share.coordinator.state.topic.num.partitions INT 50 read-only
            B share.coordinator.state.topic.replication.factor SHORT 3 read-only
            B share.coordinator.state.topic.min.isr SHORT 2 read-only
            B transaction.state.log.num.partitions INT 50 read-only
            B transaction.state.log.replication.factor SHORT 3 read-only
            B transaction.state.log.min.isr INT 2 read-only
            B transaction.state.log.segment.bytes INT 104857600 read-only
            B transaction.state.log.load.buffer.size INT 5242880 read-only
            B transactional.id.expiration.ms INT 604800000 read-only
            B transaction.max.timeout.ms INT 900000 read-only
            B transaction.abort.timed.out.transaction.cleanup.interval.ms INT 10000 read-only
            B transaction.remove.expired.transaction.cleanup.interval.ms INT 3600000 read-only
            B transaction.partition.verification.enable BOOLEAN true cluster-wide
            B producer.id.expiration.ms INT 86400000 cluster-wide
            B producer.id.expiration.check.interval.ms INT 600000 read-only
            T segment.bytes INT 1073741824 -
            T segment.ms LONG 604800000 -
            T segment.jitter.ms LONG 0 -
            T segment.index.bytes INT 10485760 -
            T flush.messages LONG 9223372036854775807 -
            T flush.ms LONG 9223372036854775807 -
            T retention.bytes LONG -1 -
            T retention.ms LONG 604800000 -
            T max.message.bytes INT 1048588 -
            T index.interval.bytes INT 4096 -
            T delete.retention.ms LONG 86400000 -
            T min.compaction.lag.ms LONG 0 -
            T max.compaction.lag.ms LONG 9223372036854775807 -
            T file.delete.delay.ms LONG 60000 -
            T min.cleanable.dirty.ratio DOUBLE 0.5 -
            T cleanup.policy LIST delete -
            T unclean.leader.election.enable BOOLEAN false -
            T min.insync.replicas INT 1 -
            T compression.type STRING producer -
            T compression.gzip.level INT -1 -
            T compression.lz4.level INT 9 -
            T compression.zstd.level INT 3 -
            T preallocate BOOLEAN false -
            T message.timestamp.type STRING CreateTime -
            T message.timestamp.before.max.ms LONG 9223372036854775807 -
            T message.timestamp.after.max.ms LONG 3600000 -
            T leader.replication.throttled.replicas LIST <empty> -
            T follower.replication.throttled.replicas LIST <empty> -
            T local.retention.ms LONG -2 -
            T local.retention.bytes LONG -2 -
            T remote.storage.enable BOOLEAN false -
            T remote.log.copy.disable BOOLEAN false -
            T remote.log.delete.on.disable BOOLEAN false -
            """;

    /** Keys whose default or mode Millrace changes on purpose (see BrokerConfigs' class comment). */
    private static final Set<String> MILLRACE_DEFAULTS = Set.of("node.id", "broker.id", "process.roles",
            "listeners", "log.dir", "offsets.topic.replication.factor", "transaction.state.log.replication.factor",
            "transaction.state.log.min.isr", "share.coordinator.state.topic.replication.factor",
            "share.coordinator.state.topic.min.isr");
    private static final Set<String> MILLRACE_READ_ONLY = Set.of("listeners", "listener.security.protocol.map");

    @Test
    void shouldMatchKafkaTypesDefaultsAndModesExceptDocumentedDifferences() {
        int checked = 0;
        for (String line : KAFKA_4_3.strip().split("\n")) {
            String[] f = line.trim().split(" ");
            ConfigKey key = f[0].equals("B") ? BrokerConfigs.key(f[1]) : TopicConfigs.key(f[1]);
            assertThat(key).as(line).isNotNull();
            assertThat(key.type().name()).as(line).isEqualTo(f[2]);
            String kafkaDefault = f[3].equals("null") ? null : f[3].equals("<empty>") ? "" : f[3];
            if (!MILLRACE_DEFAULTS.contains(f[1])) {
                assertThat(key.defaultValue()).as(line).isEqualTo(kafkaDefault);
            }
            if (f[0].equals("B") && !MILLRACE_READ_ONLY.contains(f[1])) {
                assertThat(key.dynamicMode().label()).as(line).isEqualTo(f[4]);
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(150);
        assertThat(BrokerConfigs.key("listener.security.protocol.map").defaultValue())
                .isEqualTo("SASL_SSL:SASL_SSL,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT");
    }

    @Test
    void shouldUseSingleNodeDefaults() {
        assertThat(BrokerConfigs.key("node.id").defaultValue()).isEqualTo("1");
        assertThat(BrokerConfigs.key("process.roles").defaultValue()).isEqualTo("broker,controller");
        assertThat(BrokerConfigs.key("listeners").defaultValue()).isEqualTo("PLAINTEXT://127.0.0.1:9092");
        assertThat(BrokerConfigs.key("log.dir").defaultValue()).endsWith(".millrace/data".replace('/',
                java.io.File.separatorChar));
        assertThat(BrokerConfigs.key("offsets.topic.replication.factor").defaultValue()).isEqualTo("1");
        assertThat(BrokerConfigs.key("schema.registry.listeners").defaultValue()).isEmpty();
    }

    @Test
    void shouldDefineEveryKeyTheBriefLists() {
        for (String name : new String[] {"controller.quorum.voters", "controller.quorum.bootstrap.servers",
                "log.roll.jitter.ms", "log.roll.jitter.hours", "log.cleaner.io.max.bytes.per.second",
                "log.flush.start.offset.checkpoint.interval.ms", "num.recovery.threads.per.data.dir",
                "socket.listen.backlog.size", "max.connections.per.ip", "queued.max.requests",
                "replica.lag.time.max.ms", "replica.fetch.max.bytes", "offsets.topic.segment.bytes",
                "offsets.retention.minutes", "transactional.id.expiration.ms", "transaction.max.timeout.ms",
                "group.initial.rebalance.delay.ms", "group.max.size", "unclean.leader.election.enable"}) {
            assertThat(BrokerConfigs.contains(name)).as(name).isTrue();
        }
    }

    @Test
    void shouldRefuseReadOnlyKeysInDynamicUpdate() {
        Map<String, String> change = new LinkedHashMap<>();
        change.put("log.retention.ms", "1000");
        change.put("log.dirs", "/x");
        change.put("num.partitions", "3");
        assertThatThrownBy(() -> BrokerConfigs.validateDynamicBrokerConfigs(change))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Cannot update these configs dynamically: [log.dirs, num.partitions]");
    }

    @Test
    void shouldRefuseInvalidValueInDynamicUpdateNamingTheKey() {
        assertThatThrownBy(() -> BrokerConfigs.validateDynamicBrokerConfigs(Map.of("log.retention.ms", "soon")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Invalid value soon for configuration log.retention.ms: Not a number of type LONG");
    }

    @Test
    void shouldRefusePerBrokerKeysAtClusterDefaultLevel() {
        assertThatThrownBy(() -> BrokerConfigs.validateDynamicBrokerConfigs(
                Map.of("cordoned.log.dirs", "/x"), false))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Cannot update these configs at default cluster level, broker id must be specified:"
                        + " [cordoned.log.dirs]");
        assertThatCode(() -> BrokerConfigs.validateDynamicBrokerConfigs(Map.of("log.retention.ms", "5"), false))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptDeletionsAndUnknownKeysInDynamicUpdate() {
        Map<String, String> change = new LinkedHashMap<>();
        change.put("log.retention.ms", null);
        change.put("my.custom.key", "x");
        assertThatCode(() -> BrokerConfigs.validateDynamicBrokerConfigs(change)).doesNotThrowAnyException();
    }
}
