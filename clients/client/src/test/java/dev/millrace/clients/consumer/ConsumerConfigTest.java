package dev.millrace.clients.consumer;

import dev.millrace.clients.admin.ConfigMirror;
import dev.millrace.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerConfigTest {

    @Test
    void shouldDefineEveryKafkaConfigConstant() {
        ConfigMirror.assertSameConfigConstants(ConsumerConfig.class,
                org.apache.kafka.clients.consumer.ConsumerConfig.class);
    }

    @Test
    void shouldMirrorEveryOtherPublicConstant() {
        assertThat(ConfigMirror.constants(ConsumerConfig.class, n -> !n.endsWith("_DOC")))
                .isEqualTo(ConfigMirror.constants(org.apache.kafka.clients.consumer.ConsumerConfig.class,
                        n -> !n.endsWith("_DOC")));
    }

    @Test
    void shouldDefineKafkasKeysDefaultsAndValidators() {
        ConfigMirror.assertSameDefinition(ConsumerConfig.configDef(),
                org.apache.kafka.clients.consumer.ConsumerConfig.configDef(), ConfigMirror.sslAndSaslKeys());
    }

    @Test
    void shouldValidateAutoOffsetResetLikeKafka() {
        ConfigDef.ConfigKey ours = ConsumerConfig.configDef().configKeys().get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
        org.apache.kafka.common.config.ConfigDef.ConfigKey kafka = org.apache.kafka.clients.consumer.ConsumerConfig
                .configDef().configKeys().get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
        for (String value : List.of("earliest", "latest", "none", "EARLIEST", "by_duration:PT1H", "by_duration:",
                "by_duration:-PT1H", "by_duration", "x")) {
            assertThat(outcome(() -> ours.validator.ensureValid("k", value)))
                    .as("value %s", value).isEqualTo(outcome(() -> kafka.validator.ensureValid("k", value)));
        }
    }

    private static String outcome(Runnable check) {
        try {
            check.run();
            return "ok";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
