package dev.millrace.common.serialization;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a UUID as its canonical 36-character text form ({@code 8-4-4-4-12} lower-case hex digits)
 * in the configured encoding, UTF-8 by default; null stays null.
 *
 * <p>Configuration: the same encoding keys as {@link StringSerializer}. Thread-safe once configured.
 */
public class UUIDSerializer implements Serializer<UUID> {
    private Charset encoding = StandardCharsets.UTF_8;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        encoding = Encodings.configured(configs, isKey, true, encoding);
    }

    @Override
    public byte[] serialize(String topic, UUID data) {
        return data == null ? null : data.toString().getBytes(encoding);
    }
}
