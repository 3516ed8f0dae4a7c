package dev.millrace.clients;

import dev.millrace.clients.admin.ConfigMirror;
import dev.millrace.common.config.AbstractConfig;
import dev.millrace.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommonClientConfigsTest {

    @Test
    void shouldMirrorEveryKafkaConstant() {
        ConfigMirror.assertSameConstants(CommonClientConfigs.class, org.apache.kafka.clients.CommonClientConfigs.class);
    }

    @Test
    void shouldMakeReconnectBackoffConstantWhenOnlyTheBaseIsSet() {
        ConfigDef def = new ConfigDef()
                .define(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, ConfigDef.Type.LONG, 50L,
                        ConfigDef.Importance.LOW, "d")
                .define(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, ConfigDef.Type.LONG, 1000L,
                        ConfigDef.Importance.LOW, "d");
        AbstractConfig onlyBase = new AbstractConfig(def, Map.of(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, "7"));
        assertThat(CommonClientConfigs.postProcessReconnectBackoffConfigs(onlyBase, Map.of(
                CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, 7L)))
                .isEqualTo(Map.of(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 7L));
        AbstractConfig both = new AbstractConfig(def, Map.of(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, "7",
                CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, "9"));
        assertThat(CommonClientConfigs.postProcessReconnectBackoffConfigs(both, Map.of())).isEmpty();
    }
}
