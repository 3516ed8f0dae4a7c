package dev.millrace.clients.admin;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdminClientConfigTest {

    @Test
    void shouldDefineEveryKafkaConfigConstant() {
        ConfigMirror.assertSameConfigConstants(AdminClientConfig.class,
                org.apache.kafka.clients.admin.AdminClientConfig.class);
    }

    @Test
    void shouldDefineKafkasKeysDefaultsAndValidators() {
        ConfigMirror.assertSameDefinition(AdminClientConfig.configDef(),
                org.apache.kafka.clients.admin.AdminClientConfig.configDef(), ConfigMirror.sslAndSaslKeys());
    }

    @Test
    void shouldParseEmptyConfigurationWithDefaults() {
        AdminClientConfig config = new AdminClientConfig(Map.of());
        assertThat(config.getList(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)).isEmpty();
        assertThat(config.getBoolean(AdminClientConfig.ENABLE_METRICS_PUSH_CONFIG)).isFalse();
    }
}
