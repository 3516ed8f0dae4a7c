package dev.millrace.common.serialization;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a string as its bytes in the configured encoding, UTF-8 by default; null stays null.
 *
 * <p>Configuration (Kafka's keys): {@code key.serializer.encoding} or {@code value.serializer.encoding},
 * falling back to {@code serializer.encoding}; the value is a charset name or a
 * {@link java.nio.charset.Charset}. An unknown charset fails {@link #configure(Map, boolean)} with a
 * {@link dev.millrace.common.errors.SerializationException}.
 *
 * <p>Thread-safe once configured.
 */
public class StringSerializer implements Serializer<String> {
    private Charset encoding = StandardCharsets.UTF_8;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        encoding = Encodings.configured(configs, isKey, true, encoding);
    }

    @Override
    public byte[] serialize(String topic, String data) {
        return data == null ? null : data.getBytes(encoding);
    }
}
