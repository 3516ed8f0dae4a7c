package dev.millrace.common.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.errors.SerializationException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Encoding configuration of the String and UUID serdes under Kafka's keys: the key- or value-specific
 * entry wins over the generic one, the result matches Kafka configured the same way, and an unknown
 * charset fails at configuration time.
 */
class EncodingConfigTest {
    private static final String TEXT = "Grüße \uD83D\uDE00";

    @Test
    void shouldPreferTheKeyOrValueSpecificEncodingOverTheGenericOneLikeKafka() {
        Map<String, Object> configs = Map.of("key.serializer.encoding", "UTF-16BE",
                "serializer.encoding", "ISO-8859-1", "key.deserializer.encoding", "UTF-16BE",
                "deserializer.encoding", "ISO-8859-1");
        for (boolean isKey : new boolean[] {true, false}) {
            StringSerializer ours = new StringSerializer();
            ours.configure(configs, isKey);
            org.apache.kafka.common.serialization.StringSerializer kafka =
                    new org.apache.kafka.common.serialization.StringSerializer();
            kafka.configure(configs, isKey);
            StringDeserializer reader = new StringDeserializer();
            reader.configure(configs, isKey);

            byte[] bytes = ours.serialize("t", TEXT);
            assertThat(bytes).as("isKey=" + isKey).isEqualTo(kafka.serialize("t", TEXT))
                    .isEqualTo(TEXT.getBytes(isKey ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1));
            assertThat(reader.deserialize("t", bytes)).as("isKey=" + isKey)
                    .isEqualTo(new String(bytes, isKey ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void shouldEncodeUuidTextWithTheConfiguredEncodingLikeKafka() {
        Map<String, Object> configs = Map.of("value.serializer.encoding", "UTF-16",
                "value.deserializer.encoding", "UTF-16");
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        UUIDSerializer ours = new UUIDSerializer();
        ours.configure(configs, false);
        org.apache.kafka.common.serialization.UUIDSerializer kafka =
                new org.apache.kafka.common.serialization.UUIDSerializer();
        kafka.configure(configs, false);
        UUIDDeserializer reader = new UUIDDeserializer();
        reader.configure(configs, false);

        byte[] bytes = ours.serialize("t", uuid);
        assertThat(bytes).isEqualTo(kafka.serialize("t", uuid)).hasSize(74);
        assertThat(reader.deserialize("t", bytes)).isEqualTo(uuid);
    }

    @Test
    void shouldAcceptACharsetObjectAndKeepUtf8WithoutConfiguration() {
        StringSerializer configured = new StringSerializer();
        configured.configure(Map.of("serializer.encoding", StandardCharsets.UTF_16LE), false);
        StringSerializer unconfigured = new StringSerializer();
        unconfigured.configure(Map.of(), true);

        assertThat(configured.serialize("t", "ab")).containsExactly('a', 0, 'b', 0);
        assertThat(unconfigured.serialize("t", TEXT)).isEqualTo(TEXT.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldFailConfigurationForAnUnknownCharsetOrAWrongValueType() {
        assertThatThrownBy(() -> new StringDeserializer().configure(Map.of("deserializer.encoding", "no-such"), true))
                .isInstanceOf(SerializationException.class)
                .hasMessage("reason=unsupportedEncoding config=deserializer.encoding encoding=no-such");
        assertThatThrownBy(() -> new UUIDSerializer().configure(Map.of("key.serializer.encoding", "bad name!"), true))
                .isInstanceOf(SerializationException.class)
                .hasMessage("reason=unsupportedEncoding config=key.serializer.encoding encoding=bad name!");
        assertThatThrownBy(() -> new StringSerializer().configure(Map.of("serializer.encoding", 8), false))
                .isInstanceOf(SerializationException.class)
                .hasMessage("reason=encodingNotAStringOrCharset config=serializer.encoding"
                        + " valueType=java.lang.Integer");
    }
}
