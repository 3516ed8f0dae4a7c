package dev.millrace.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.errors.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDescriberTest {
    private static final int TOPIC = 1;
    private static final int DYNAMIC_BROKER = 2;
    private static final int DYNAMIC_DEFAULT = 3;
    private static final int STATIC = 4;
    private static final int DEFAULT = 5;

    private static ConfigDescriber describer(Map<String, String> configs) {
        return new ConfigDescriber(ServerConfig.fromMap(configs, () -> "h"));
    }

    private static DescribedConfig only(List<DescribedConfig> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static DescribedConfig.Synonym syn(String name, String value, int source) {
        return new DescribedConfig.Synonym(name, value, source);
    }

    @Test
    void shouldDescribeTopicOverrideWithItsBrokerSynonyms() {
        DescribedConfig entry = only(describer(Map.of("log.retention.ms", "1000")).describeTopic(
                Map.of("retention.ms", "5"), Map.of(), List.of("retention.ms"), true));
        assertThat(entry.value()).isEqualTo("5");
        assertThat(entry.source()).isEqualTo(TOPIC);
        assertThat(entry.readOnly()).isFalse();
        assertThat(entry.type()).isEqualTo(ConfigType.LONG.id());
        assertThat(entry.synonyms()).containsExactly(syn("retention.ms", "5", TOPIC),
                syn("log.retention.ms", "1000", STATIC), syn("log.retention.hours", "168", DEFAULT));
    }

    @Test
    void shouldDescribeTopicValueFromDynamicDefaultBeforeStatic() {
        DescribedConfig entry = only(describer(Map.of("log.retention.ms", "1000")).describeTopic(
                Map.of(), Map.of("log.retention.ms", "2000"), List.of("retention.ms"), true));
        assertThat(entry.value()).isEqualTo("2000");
        assertThat(entry.source()).isEqualTo(DYNAMIC_DEFAULT);
        assertThat(entry.synonyms()).extracting(DescribedConfig.Synonym::source)
                .containsExactly(DYNAMIC_DEFAULT, STATIC, DEFAULT);
    }

    @Test
    void shouldDropLeadingSynonymsThatAreNotTheServerKeyAsKafkaDoes() {
        DescribedConfig entry = only(describer(Map.of("log.retention.hours", "2")).describeTopic(
                Map.of(), Map.of(), List.of("retention.ms"), true));
        assertThat(entry.value()).isEqualTo("7200000");
        assertThat(entry.source()).isEqualTo(DEFAULT);
        assertThat(entry.synonyms()).isEmpty();
    }

    @Test
    void shouldDescribeUnsetTopicKeyWithDefaultSource() {
        DescribedConfig entry = only(describer(Map.of()).describeTopic(Map.of(), Map.of(),
                List.of("cleanup.policy"), true));
        assertThat(entry.value()).isEqualTo("delete");
        assertThat(entry.source()).isEqualTo(DEFAULT);
        assertThat(entry.synonyms()).containsExactly(syn("log.cleanup.policy", "delete", DEFAULT));
    }

    @Test
    void shouldDescribeEveryTopicKeyWhenNoneAreNamedAndOmitSynonymsWhenNotAsked() {
        List<DescribedConfig> all = describer(Map.of()).describeTopic(Map.of(), Map.of(), null, false);
        assertThat(all).extracting(DescribedConfig::name)
                .containsExactlyElementsOf(TopicConfigs.definitions().keySet());
        assertThat(all).allSatisfy(e -> assertThat(e.synonyms()).isEmpty());
        assertThat(describer(Map.of()).describeTopic(Map.of(), Map.of(), List.of("nope"), true)).isEmpty();
    }

    @Test
    void shouldDescribeBrokerKeysWithSourcesInKafkaOrder() {
        ConfigDescriber describer = describer(Map.of("log.retention.ms", "1000"));
        DescribedConfig entry = only(describer.describeBroker(1, Map.of("log.retention.ms", "3"),
                Map.of("log.retention.ms", "2"), List.of("log.retention.ms"), true));
        assertThat(entry.value()).isEqualTo("3");
        assertThat(entry.source()).isEqualTo(DYNAMIC_BROKER);
        assertThat(entry.readOnly()).isFalse();
        assertThat(entry.synonyms()).containsExactly(syn("log.retention.ms", "3", DYNAMIC_BROKER),
                syn("log.retention.ms", "2", DYNAMIC_DEFAULT), syn("log.retention.ms", "1000", STATIC),
                syn("log.retention.hours", "168", DEFAULT));
    }

    @Test
    void shouldDescribeReadOnlyStaticAndDefaultBrokerKeys() {
        ConfigDescriber describer = describer(Map.of("num.partitions", "4"));
        DescribedConfig partitions = only(describer.describeBroker(1, Map.of(), Map.of(),
                List.of("num.partitions"), true));
        assertThat(partitions.value()).isEqualTo("4");
        assertThat(partitions.source()).isEqualTo(STATIC);
        assertThat(partitions.readOnly()).isTrue();
        DescribedConfig retention = only(describer.describeBroker(1, Map.of(), Map.of(),
                List.of("log.retention.ms"), true));
        assertThat(retention.value()).isNull();
        assertThat(retention.source()).isEqualTo(DEFAULT);
        assertThat(retention.synonyms()).isEmpty();
        DescribedConfig listeners = only(describer.describeBroker(1, Map.of(), Map.of(), List.of("listeners"), false));
        assertThat(listeners.value()).isEqualTo("PLAINTEXT://127.0.0.1:9092");
        assertThat(listeners.type()).isEqualTo(ConfigType.LIST.id());
    }

    @Test
    void shouldRefuseToDescribeAnotherBroker() {
        assertThatThrownBy(() -> describer(Map.of()).describeBroker(2, Map.of(), Map.of(), null, false))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("received 2");
    }

    @Test
    void shouldDescribeClusterDefaultWithOnlyDynamicDefaultKeys() {
        List<DescribedConfig> entries = describer(Map.of("log.retention.ms", "1000"))
                .describeBrokerDefault(Map.of("log.retention.ms", "2", "unknown.key", "x"), null, true);
        DescribedConfig entry = only(entries);
        assertThat(entry.name()).isEqualTo("log.retention.ms");
        assertThat(entry.source()).isEqualTo(DYNAMIC_DEFAULT);
        assertThat(entry.synonyms()).containsExactly(syn("log.retention.ms", "2", DYNAMIC_DEFAULT));
    }

    @Test
    void shouldDescribeEveryBrokerKeyWithDocumentation() {
        List<DescribedConfig> all = describer(Map.of()).describeBroker(1, Map.of(), Map.of(), null, true);
        assertThat(all).hasSize(BrokerConfigs.definitions().size());
        assertThat(all).allSatisfy(e -> assertThat(e.documentation()).isNotBlank());
    }
}
