package dev.millrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.clients.cluster.ConfigEntry;
import dev.millrace.clients.cluster.ConfigResource;
import dev.millrace.clients.cluster.ConfigSource;
import dev.millrace.clients.cluster.PartitionDescription;
import dev.millrace.clients.cluster.TopicDescription;
import dev.millrace.common.Uuid;
import dev.millrace.common.header.Header;
import dev.millrace.common.header.RecordHeader;
import dev.millrace.common.record.TimestampType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormattersTest {
    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldFormatTopicDescriptionLikeKafkaTopics() {
        PartitionDescription p0 = new PartitionDescription(0, 1, 0, List.of(1), List.of(1), List.of(), (short) 0);
        PartitionDescription p1 = new PartitionDescription(1, -1, 0, List.of(1, 2), List.of(), List.of(), (short) 0);
        TopicDescription topic = new TopicDescription("t", new Uuid(1L, 2L), false, List.of(p0, p1));
        List<ConfigEntry> configs = List.of(
                new ConfigEntry("retention.ms", "5", ConfigSource.DYNAMIC_TOPIC_CONFIG, false, false, List.of()),
                new ConfigEntry("segment.ms", "7", ConfigSource.DEFAULT_CONFIG, false, false, List.of()),
                new ConfigEntry("min.insync.replicas", "1", ConfigSource.STATIC_BROKER_CONFIG, false, false,
                        List.of()));
        assertThat(TopicsFormatter.topicLine(topic, configs)).isEqualTo("Topic: t\tTopicId: " + new Uuid(1L, 2L)
                + "\tPartitionCount: 2\tReplicationFactor: 1\tConfigs: retention.ms=5,min.insync.replicas=1");
        assertThat(TopicsFormatter.partitionLine("t", p0))
                .isEqualTo("\tTopic: t\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: \tLastKnownElr: ");
        assertThat(TopicsFormatter.partitionLine("t", p1))
                .isEqualTo("\tTopic: t\tPartition: 1\tLeader: none\tReplicas: 1,2\tIsr: \tElr: \tLastKnownElr: ");
    }

    @Test
    void shouldFormatConfigEntriesLikeKafkaConfigs() {
        ConfigEntry entry = new ConfigEntry("cleanup.policy", "compact,delete", ConfigSource.DYNAMIC_TOPIC_CONFIG,
                false, false, List.of(
                new ConfigEntry.Synonym("cleanup.policy", "compact,delete", ConfigSource.DYNAMIC_TOPIC_CONFIG),
                new ConfigEntry.Synonym("log.cleanup.policy", "delete", ConfigSource.DEFAULT_CONFIG)));
        assertThat(ConfigsFormatter.entryLine(entry)).isEqualTo("  cleanup.policy=compact,delete sensitive=false"
                + " synonyms={DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact,delete,"
                + " DEFAULT_CONFIG:log.cleanup.policy=delete}");
        ConfigEntry secret = new ConfigEntry("ssl.key.password", null, ConfigSource.DYNAMIC_BROKER_CONFIG, false,
                true, List.of());
        assertThat(ConfigsFormatter.entryLine(secret)).isEqualTo("  ssl.key.password=null sensitive=true synonyms={}");
    }

    @Test
    void shouldNameTheEntityInConfigHeadersAndCompletionLines() {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "t");
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
        ConfigResource defaults = new ConfigResource(ConfigResource.Type.BROKER, "");
        assertThat(ConfigsFormatter.header(topic, false)).isEqualTo("Dynamic configs for topic t are:");
        assertThat(ConfigsFormatter.header(topic, true)).isEqualTo("All configs for topic t are:");
        assertThat(ConfigsFormatter.header(broker, false)).isEqualTo("Dynamic configs for broker 1 are:");
        assertThat(ConfigsFormatter.header(defaults, false))
                .isEqualTo("Default configs for brokers in the cluster are:");
        assertThat(ConfigsFormatter.completed(topic)).isEqualTo("Completed updating config for topic t.");
        assertThat(ConfigsFormatter.completed(defaults))
                .isEqualTo("Completed updating default config for brokers in the cluster.");
        assertThat(ConfigsCommand.dynamicSource(defaults)).isEqualTo(ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG);
        assertThat(ConfigsCommand.dynamicSource(broker)).isEqualTo(ConfigSource.DYNAMIC_BROKER_CONFIG);
    }

    @Test
    void shouldFormatMessagesLikeKafkasDefaultMessageFormatter() {
        MessageFormatter all = new MessageFormatter(Map.of("print.key", "true", "print.timestamp", "true",
                "print.partition", "true", "print.offset", "true"));
        assertThat(all.format(TimestampType.CREATE_TIME, 1_700_000_000_000L, 0, 5, new Header[0], utf8("key"),
                utf8("value"))).isEqualTo("CreateTime:1700000000000\tPartition:0\tOffset:5\tkey\tvalue\n");
        assertThat(all.format(TimestampType.LOG_APPEND_TIME, 7, 1, 2, new Header[0], null, null))
                .isEqualTo("LogAppendTime:7\tPartition:1\tOffset:2\tnull\tnull\n");
    }

    @Test
    void shouldPrintOnlyTheValueByDefaultAndHonourSeparatorsAndHeaders() {
        assertThat(new MessageFormatter(Map.of()).format(TimestampType.CREATE_TIME, 1, 0, 0, new Header[0],
                utf8("k"), utf8("v"))).isEqualTo("v\n");
        MessageFormatter custom = new MessageFormatter(Map.of("print.key", "true", "key.separator", "|",
                "print.headers", "true", "print.value", "false"));
        Header[] headers = {new RecordHeader("h1", "a".getBytes(StandardCharsets.UTF_8)), new RecordHeader("h2",
                (byte[]) null)};
        assertThat(custom.format(TimestampType.CREATE_TIME, 1, 0, 0, headers, utf8("k"), utf8("v")))
                .isEqualTo("h1:a,h2:null|k\n");
    }
}
