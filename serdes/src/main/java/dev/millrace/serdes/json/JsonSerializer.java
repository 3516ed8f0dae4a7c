package dev.millrace.serdes.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.millrace.common.errors.SerializationException;
import dev.millrace.common.serialization.Serializer;
import java.util.Objects;

/**
 * Writes a value as compact UTF-8 JSON with Jackson; null stays null (a tombstone), it is not written
 * as the JSON literal {@code null}. Records, POJOs, collections and {@link
 * com.fasterxml.jackson.databind.JsonNode} trees all work; what gets written is decided by the
 * mapper from the value's run-time class.
 *
 * <p>A value Jackson cannot write raises {@link SerializationException} naming the topic, the value's
 * class and Jackson's reason.
 *
 * <p>Threading: stateless apart from an immutable {@link ObjectWriter}; thread-safe.
 *
 * @param <T> the type of the values
 */
public class JsonSerializer<T> implements Serializer<T> {
    private final ObjectWriter writer;

    /** Creates a serializer using the default mapper (see {@link JsonSerdeConfig#newDefaultMapper()}). */
    public JsonSerializer() {
        this(JsonSerdeConfig.DEFAULT_MAPPER);
    }

    /**
     * Creates a serializer using the given mapper; the mapper must not be reconfigured afterwards.
     *
     * @param mapper the mapper; must not be null
     */
    public JsonSerializer(ObjectMapper mapper) {
        this.writer = Objects.requireNonNull(mapper, "reason=nullObjectMapper").writer();
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new SerializationException("reason=jsonWriteFailed serializer=JsonSerializer topic=" + topic
                    + " valueType=" + data.getClass().getName()
                    + " detail=" + JsonErrors.oneLine(e.getOriginalMessage()), e);
        }
    }
}
