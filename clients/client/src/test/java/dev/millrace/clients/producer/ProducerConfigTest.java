package dev.millrace.clients.producer;

import dev.millrace.clients.admin.ConfigMirror;
import dev.millrace.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProducerConfigTest {

    @Test
    void shouldDefineEveryKafkaConfigConstant() {
        ConfigMirror.assertSameConfigConstants(ProducerConfig.class,
                org.apache.kafka.clients.producer.ProducerConfig.class);
    }

    @Test
    void shouldDefineKafkasKeysDefaultsAndValidators() {
        ConfigMirror.assertSameDefinition(ProducerConfig.configDef(),
                org.apache.kafka.clients.producer.ProducerConfig.configDef(), ConfigMirror.sslAndSaslKeys());
    }

    @Test
    void shouldRequireBootstrapServersAndSerializers() {
        assertThatThrownBy(() -> new ProducerConfig(Map.<String, Object>of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Missing required configuration \"bootstrap.servers\" which has no default value.");
    }

    @Test
    void shouldRejectUnknownAcksWithKafkasMessage() {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "h:1",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, String.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                String.class, ProducerConfig.ACKS_CONFIG, "2");
        assertThatThrownBy(() -> new ProducerConfig(props))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 2 for configuration acks: String must be one of: all, -1, 0, 1");
    }

    @Test
    void shouldParseValidConfiguration() {
        ProducerConfig config = new ProducerConfig(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "h:1, h:2",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, String.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, String.class, ProducerConfig.LINGER_MS_CONFIG, "100"));
        assertThat(config.getList(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)).containsExactly("h:1", "h:2");
        assertThat(config.getLong(ProducerConfig.LINGER_MS_CONFIG)).isEqualTo(100L);
        assertThat(config.getClass(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG)).isEqualTo(String.class);
    }
}
