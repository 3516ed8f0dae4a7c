package dev.millrace.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigTypeTest {

    @Test
    void shouldUseKafkaWireIdsForEveryType() {
        assertThat(ConfigType.BOOLEAN.id()).isEqualTo(1);
        assertThat(ConfigType.STRING.id()).isEqualTo(2);
        assertThat(ConfigType.INT.id()).isEqualTo(3);
        assertThat(ConfigType.SHORT.id()).isEqualTo(4);
        assertThat(ConfigType.LONG.id()).isEqualTo(5);
        assertThat(ConfigType.DOUBLE.id()).isEqualTo(6);
        assertThat(ConfigType.LIST.id()).isEqualTo(7);
        assertThat(ConfigType.CLASS.id()).isEqualTo(8);
        assertThat(ConfigType.PASSWORD.id()).isEqualTo(9);
    }

    @Test
    void shouldParseBooleansIgnoringCaseAndWhitespace() {
        assertThat(ConfigType.BOOLEAN.parse("k", " TRUE ")).isEqualTo(true);
        assertThat(ConfigType.BOOLEAN.parse("k", "false")).isEqualTo(false);
    }

    @Test
    void shouldRejectBooleanOtherThanTrueOrFalse() {
        assertThatThrownBy(() -> ConfigType.BOOLEAN.parse("preallocate", "yes"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value yes for configuration preallocate: Expected value to be either true or false");
    }

    @Test
    void shouldRejectNumbersThatDoNotFitTheType() {
        assertThatThrownBy(() -> ConfigType.LONG.parse("retention.ms", "abc"))
                .hasMessage("Invalid value abc for configuration retention.ms: Not a number of type LONG");
        assertThatThrownBy(() -> ConfigType.INT.parse("segment.bytes", "99999999999"))
                .hasMessage("Invalid value 99999999999 for configuration segment.bytes: Not a number of type INT");
        assertThatThrownBy(() -> ConfigType.SHORT.parse("offsets.topic.replication.factor", "40000"))
                .hasMessageContaining("Not a number of type SHORT");
        assertThatThrownBy(() -> ConfigType.DOUBLE.parse("min.cleanable.dirty.ratio", "x"))
                .hasMessageContaining("Not a number of type DOUBLE");
    }

    @Test
    void shouldSplitListsAtCommasWithWhitespaceAndTreatEmptyTextAsEmptyList() {
        assertThat(ConfigType.LIST.parse("k", " compact , delete ")).isEqualTo(List.of("compact", "delete"));
        assertThat(ConfigType.LIST.parse("k", "")).isEqualTo(List.of());
        assertThat(ConfigType.LIST.render(List.of("a", "b"))).isEqualTo("a,b");
    }

    @Test
    void shouldReturnNullForNullText() {
        assertThat(ConfigType.LONG.parse("k", null)).isNull();
        assertThat(ConfigType.LONG.render(null)).isNull();
    }

    @Test
    void shouldFormatConfigExceptionLikeKafka() {
        assertThat(new ConfigException("a.b", 7, "why")).hasMessage("Invalid value 7 for configuration a.b: why");
        assertThat(new ConfigException("a.b", 7)).hasMessage("Invalid value 7 for configuration a.b");
        assertThat(new ConfigException("plain")).hasMessage("plain");
    }
}
