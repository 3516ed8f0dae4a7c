package dev.millrace.common.config;

import dev.millrace.common.Configurable;
import dev.millrace.common.errors.MillraceException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AbstractConfigTest {

    private static final ConfigDef DEF = new ConfigDef()
            .define("a.int", ConfigDef.Type.INT, 1, ConfigDef.Importance.HIGH, "d")
            .define("a.list", ConfigDef.Type.LIST, "", ConfigDef.Importance.LOW, "d")
            .define("a.class", ConfigDef.Type.CLASS, null, ConfigDef.Importance.LOW, "d")
            .define("a.lazy", ConfigDef.Type.CLASS, Recorder.class.getName(), ConfigDef.Importance.LOW, "d")
            .define("a.string", ConfigDef.Type.STRING, " padded ", ConfigDef.Importance.LOW, "d")
            .define("a.password", ConfigDef.Type.PASSWORD, null, ConfigDef.Importance.LOW, "d");

    /** A plug-in that remembers its configuration. */
    public static class Recorder implements Configurable, AutoCloseable {
        Map<String, ?> configs;
        boolean closed;

        @Override
        public void configure(Map<String, ?> configs) {
            this.configs = configs;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void shouldExposeTypedValuesAndTrimStrings() {
        AbstractConfig config = new AbstractConfig(DEF, Map.of("a.int", "7", "a.list", "x, y", "a.password", "pw"));
        assertThat(config.getInt("a.int")).isEqualTo(7);
        assertThat(config.getList("a.list")).containsExactly("x", "y");
        assertThat(config.getString("a.string")).isEqualTo("padded");
        assertThat(config.getPassword("a.password").value()).isEqualTo("pw");
        assertThat(config.getPassword("a.password")).hasToString("[hidden]");
        assertThat(config.typeOf("a.int")).isEqualTo(ConfigDef.Type.INT);
        assertThat(config.typeOf("nope")).isNull();
    }

    @Test
    void shouldRejectUnknownKeyLikeKafka() {
        AbstractConfig config = new AbstractConfig(DEF, Map.of());
        assertThatThrownBy(() -> config.getInt("nope"))
                .isInstanceOf(ConfigException.class).hasMessage("Unknown configuration 'nope'");
    }

    @Test
    void shouldRejectNonStringKeyLikeKafka() {
        Map<Object, Object> props = new HashMap<>();
        props.put(5, "x");
        assertThatThrownBy(() -> new AbstractConfig(DEF, props))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value x for configuration 5: Key must be a string.");
    }

    @Test
    void shouldReportUnusedOriginalsLikeKafka() {
        Map<String, Object> props = Map.of("a.int", "2", "typo.key", "v", "pre.a.int", "3");
        AbstractConfig ours = new AbstractConfig(DEF, props, false);
        org.apache.kafka.common.config.AbstractConfig kafka = new org.apache.kafka.common.config.AbstractConfig(
                new org.apache.kafka.common.config.ConfigDef().define("a.int",
                        org.apache.kafka.common.config.ConfigDef.Type.INT, 1,
                        org.apache.kafka.common.config.ConfigDef.Importance.HIGH, "d"), props, false);
        assertThat(ours.unused()).isEqualTo(kafka.unused());
        ours.getInt("a.int");
        kafka.getInt("a.int");
        ours.originalsWithPrefix("pre.").get("a.int");
        kafka.originalsWithPrefix("pre.").get("a.int");
        assertThat(ours.unused()).isEqualTo(kafka.unused()).containsExactly("typo.key");
    }

    @Test
    void shouldSelectOriginalsWithPrefixLikeKafka() {
        Properties props = new Properties();
        props.put("p.x", "1");
        props.put("p.", "2");
        props.put("q.y", "3");
        props.put("a.int", "4");
        AbstractConfig ours = new AbstractConfig(DEF, props, false);
        org.apache.kafka.common.config.AbstractConfig kafka = new org.apache.kafka.common.config.AbstractConfig(
                new org.apache.kafka.common.config.ConfigDef(), props, false);
        assertThat(ours.originalsWithPrefix("p.")).isEqualTo(kafka.originalsWithPrefix("p."));
        assertThat(ours.originalsWithPrefix("p.", false)).isEqualTo(kafka.originalsWithPrefix("p.", false));
        assertThat(ours.originals()).isEqualTo(kafka.originals());
        assertThat(ours.originalsStrings()).isEqualTo(kafka.originalsStrings());
    }

    @Test
    void shouldLetPrefixedOriginalsOverrideValues() {
        AbstractConfig config = new AbstractConfig(DEF, Map.of("a.int", "2", "x.a.int", "9"), false);
        assertThat(config.valuesWithPrefixOverride("x.")).containsEntry("a.int", 9);
        assertThat(config.valuesWithPrefixAllOrNothing("x.")).isEqualTo(Map.of("a.int", 9));
        assertThat(config.valuesWithPrefixAllOrNothing("y.")).containsEntry("a.int", 2);
    }

    @Test
    void shouldCreateAndConfigureInstancesWithOriginalsAndOverrides() {
        AbstractConfig config = new AbstractConfig(DEF, Map.of("a.class", Recorder.class.getName(), "z", "1"), false);
        Recorder recorder = config.getConfiguredInstance("a.class", Recorder.class, Map.of("extra", "2"));
        assertThat(Map.<String, Object>copyOf(recorder.configs)).containsEntry("z", "1").containsEntry("extra", "2");
        assertThat(config.getConfiguredInstance("a.lazy", Recorder.class)).isNotNull();
        assertThat(config.getClass("a.lazy")).isEqualTo(Recorder.class);
    }

    @Test
    void shouldReturnNullInstanceForNullClass() {
        AbstractConfig config = new AbstractConfig(DEF, Map.of(), false);
        assertThat(config.getConfiguredInstance("a.class", Recorder.class)).isNull();
    }

    @Test
    void shouldCreateOneInstancePerListedClass() {
        AbstractConfig config = new AbstractConfig(DEF,
                Map.of("a.list", Recorder.class.getName() + "," + Recorder.class.getName() + "x"), false);
        assertThat(config.getConfiguredInstances(List.of(Recorder.class.getName()), Recorder.class, Map.of()))
                .hasSize(1);
        assertThatThrownBy(() -> config.getConfiguredInstances("a.list", Recorder.class))
                .isInstanceOf(MillraceException.class)
                .hasMessage("Class " + Recorder.class.getName() + "x cannot be found");
        assertThat(config.getConfiguredInstances(List.of(), Recorder.class, Map.of())).isEmpty();
    }

    @Test
    void shouldRejectInstanceOfWrongType() {
        AbstractConfig config = new AbstractConfig(DEF, Map.of("a.class", Recorder.class.getName()), false);
        assertThatThrownBy(() -> config.getConfiguredInstance("a.class", Runnable.class))
                .isInstanceOf(MillraceException.class)
                .hasMessage("class " + Recorder.class.getName() + " is not an instance of java.lang.Runnable");
    }

    @Test
    void shouldApplyValidatedPostProcessUpdates() {
        class Derived extends AbstractConfig {
            Derived(Map<?, ?> props) {
                super(DEF, props, false);
            }

            @Override
            protected Map<String, Object> postProcessParsedConfig(Map<String, Object> parsedValues) {
                return Map.of("a.int", "11");
            }
        }
        assertThat(new Derived(Map.of()).getInt("a.int")).isEqualTo(11);
    }

    @Test
    void shouldCompareByOriginals() {
        assertThat(new AbstractConfig(DEF, Map.of("a.int", "3"), false))
                .isEqualTo(new AbstractConfig(DEF, Map.of("a.int", "3"), false))
                .hasSameHashCodeAs(new AbstractConfig(DEF, Map.of("a.int", "3"), false))
                .isNotEqualTo(new AbstractConfig(DEF, Map.of("a.int", "4"), false));
    }
}
