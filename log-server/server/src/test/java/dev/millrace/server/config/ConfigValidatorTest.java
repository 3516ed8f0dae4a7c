package dev.millrace.server.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {

    @Test
    void shouldStateTheBoundThatIsBroken() {
        assertThatThrownBy(() -> ConfigValidator.atLeast(1).ensureValid("num.partitions", 0))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 0 for configuration num.partitions: Value must be at least 1");
        assertThatThrownBy(() -> ConfigValidator.between(0, 1).ensureValid("min.cleanable.dirty.ratio", 2.0))
                .hasMessage("Invalid value 2.0 for configuration min.cleanable.dirty.ratio: Value must be no more than 1");
    }

    @Test
    void shouldAcceptTheExtraValueOfCompressionLevels() {
        ConfigValidator gzip = ConfigValidator.betweenOrEqual(1, 9, -1);
        assertThatCode(() -> gzip.ensureValid("compression.gzip.level", -1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> gzip.ensureValid("compression.gzip.level", 0))
                .hasMessage("Invalid value 0 for configuration compression.gzip.level:"
                        + " Value must be between 1 and 9 or equal to -1");
    }

    @Test
    void shouldListTheAllowedStrings() {
        assertThatThrownBy(() -> ConfigValidator.oneOf("CreateTime", "LogAppendTime")
                .ensureValid("message.timestamp.type", "createtime"))
                .hasMessage("Invalid value createtime for configuration message.timestamp.type:"
                        + " String must be one of: CreateTime, LogAppendTime");
        assertThatCode(() -> ConfigValidator.oneOfIgnoreCase("UPGRADE").ensureValid("k", "upgrade"))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRejectUnknownDuplicatedOrMissingListItems() {
        ConfigValidator roles = ConfigValidator.listOf(false, "broker", "controller");
        assertThatThrownBy(() -> roles.ensureValid("process.roles", List.of("broker", "foo")))
                .hasMessage("Invalid value foo for configuration process.roles: String must be one of: broker, controller");
        assertThatThrownBy(() -> roles.ensureValid("process.roles", List.of("broker", "broker")))
                .hasMessage("Configuration 'process.roles' values must not be duplicated.");
        assertThatThrownBy(() -> roles.ensureValid("process.roles", List.of()))
                .hasMessageContaining("'process.roles' must not be empty");
    }

    @Test
    void shouldAcceptWildcardOrPartitionBrokerPairsForThrottledReplicas() {
        ConfigValidator throttled = ConfigValidator.throttledReplicas();
        assertThatCode(() -> throttled.ensureValid("k", List.of("*"))).doesNotThrowAnyException();
        assertThatCode(() -> throttled.ensureValid("k", List.of("0:1", "2:3"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> throttled.ensureValid("leader.replication.throttled.replicas", List.of("x")))
                .hasMessageContaining("for configuration leader.replication.throttled.replicas");
    }
}
