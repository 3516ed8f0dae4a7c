package dev.millrace.serdes.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.serdes.avro.subject.RecordNameStrategy;
import dev.millrace.serdes.avro.subject.SubjectNameStrategy;
import dev.millrace.serdes.avro.subject.TopicNameStrategy;
import dev.millrace.serdes.avro.subject.TopicRecordNameStrategy;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Parsing of the serde configuration under Confluent's keys, defaults and errors. */
class AvroSerdeConfigTest {
    private static final Schema RECORD = TestSchemas.parse(TestSchemas.PAYMENT);

    @Test
    void shouldUseConfluentDefaults() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of());
        assertThat(config.schemaRegistryUrls()).isEmpty();
        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.useLatestVersion()).isFalse();
        assertThat(config.latestCacheTtlSeconds()).isEqualTo(-1);
        assertThat(config.specificAvroReader()).isFalse();
        assertThat(config.reflectionAllowNull()).isFalse();
        assertThat(config.subjectNameStrategy(true).subjectName("t", true, RECORD)).isEqualTo("t-key");
        assertThat(config.subjectNameStrategy(false).subjectName("t", false, RECORD)).isEqualTo("t-value");
    }

    @Test
    void shouldParseStringsListsAndTypedValues() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, " http://a:8081 , http://b:8081,",
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "FALSE",
                AvroSerdeConfig.USE_LATEST_VERSION, true,
                AvroSerdeConfig.LATEST_CACHE_TTL_SEC, "30",
                AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"));
        assertThat(config.schemaRegistryUrls()).containsExactly("http://a:8081", "http://b:8081");
        assertThat(config.autoRegisterSchemas()).isFalse();
        assertThat(config.useLatestVersion()).isTrue();
        assertThat(config.latestCacheTtlSeconds()).isEqualTo(30);
        assertThat(config.specificAvroReader()).isTrue();
        assertThat(new AvroSerdeConfig(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, List.of("http://x", "http://y")))
                .schemaRegistryUrls()).containsExactly("http://x", "http://y");
    }

    @Test
    void shouldAcceptStrategiesAsClassesNamesConfluentNamesAndInstances() {
        SubjectNameStrategy custom = (topic, isKey, schema) -> "custom-" + topic;
        assertThat(strategy(RecordNameStrategy.class)).isInstanceOf(RecordNameStrategy.class);
        assertThat(strategy(TopicRecordNameStrategy.class.getName())).isInstanceOf(TopicRecordNameStrategy.class);
        assertThat(strategy("io.confluent.kafka.serializers.subject.RecordNameStrategy"))
                .isInstanceOf(RecordNameStrategy.class);
        assertThat(strategy("TopicNameStrategy")).isInstanceOf(TopicNameStrategy.class);
        assertThat(strategy(custom)).isSameAs(custom);
        assertThat(new RecordNameStrategy().subjectName("t", false, RECORD)).isEqualTo("acme.Payment");
        assertThat(new TopicRecordNameStrategy().subjectName("t", true, RECORD)).isEqualTo("t-acme.Payment");
    }

    @Test
    void shouldRejectBadValuesNamingKeyAndValue() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "maybe")))
                .isInstanceOf(AvroConfigException.class)
                .hasMessage("key=auto.register.schemas value=maybe reason=notABoolean");
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of(AvroSerdeConfig.LATEST_CACHE_TTL_SEC, "soon")))
                .isInstanceOf(AvroConfigException.class).hasMessageContaining("reason=notALong");
        assertThatThrownBy(() -> strategy("com.example.Missing")).isInstanceOf(AvroConfigException.class)
                .hasMessageContaining("value=com.example.Missing reason=classNotFound");
        assertThatThrownBy(() -> strategy(String.class)).isInstanceOf(AvroConfigException.class)
                .hasMessageContaining("reason=notASubjectNameStrategy");
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, 42)))
                .isInstanceOf(AvroConfigException.class).hasMessageContaining("reason=expectedStringOrList");
    }

    @Test
    void shouldRequireARegistryUrlOrClientAndAMockUrlAlone() {
        AvroSerializer serializer = new AvroSerializer();
        assertThatThrownBy(() -> serializer.configure(Map.of(), false)).isInstanceOf(AvroConfigException.class)
                .hasMessage("key=schema.registry.url reason=missing");
        assertThatThrownBy(() -> serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                "mock://a,http://b:1"), false)).isInstanceOf(AvroConfigException.class)
                .hasMessageContaining("reason=mockUrlMustBeAlone");
    }

    private static SubjectNameStrategy strategy(Object value) {
        return new AvroSerdeConfig(Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, value))
                .subjectNameStrategy(false);
    }
}
