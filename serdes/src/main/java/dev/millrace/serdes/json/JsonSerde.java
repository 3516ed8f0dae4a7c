package dev.millrace.serdes.json;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.millrace.common.serialization.Serdes;

/**
 * A JSON serde: {@link JsonSerializer} and {@link JsonDeserializer} sharing one mapper, for a record
 * class, a POJO or a generic type.
 *
 * <pre>{@code
 * record Order(String id, long cents) { }
 * Serde<Order> orders = new JsonSerde<>(Order.class);
 *
 * // or by configuration, e.g. as a default serde named by class:
 * Serde<Object> configured = new JsonSerde<>();
 * configured.configure(Map.of(JsonSerdeConfig.VALUE_TYPE_CONFIG, Order.class.getName()), false);
 * }</pre>
 *
 * <p>The wire format is UTF-8 JSON text as Jackson writes it; null values are null bytes. Error
 * reporting, type resolution and threading are those of {@link JsonDeserializer} and
 * {@link JsonSerializer}.
 *
 * @param <T> the type of the values
 */
public class JsonSerde<T> extends Serdes.WrapperSerde<T> {

    /** Creates a serde with the default mapper whose target type comes from configuration. */
    public JsonSerde() {
        this(JsonSerdeConfig.DEFAULT_MAPPER);
    }

    /**
     * Creates a serde with the given mapper whose target type comes from configuration.
     *
     * @param mapper the mapper; must not be reconfigured afterwards
     */
    public JsonSerde(ObjectMapper mapper) {
        super(new JsonSerializer<>(mapper), new JsonDeserializer<>(mapper));
    }

    /**
     * Creates a serde for {@code type} with the default mapper.
     *
     * @param type the value class
     */
    public JsonSerde(Class<T> type) {
        this(type, JsonSerdeConfig.DEFAULT_MAPPER);
    }

    /**
     * Creates a serde for {@code type} with the given mapper.
     *
     * @param type the value class
     * @param mapper the mapper; must not be reconfigured afterwards
     */
    public JsonSerde(Class<T> type, ObjectMapper mapper) {
        super(new JsonSerializer<>(mapper), new JsonDeserializer<>(type, mapper));
    }

    /**
     * Creates a serde for a generic type with the default mapper.
     *
     * @param type the value type, such as {@code new TypeReference<List<Order>>() {}}
     */
    public JsonSerde(TypeReference<T> type) {
        this(type, JsonSerdeConfig.DEFAULT_MAPPER);
    }

    /**
     * Creates a serde for a generic type with the given mapper.
     *
     * @param type the value type
     * @param mapper the mapper; must not be reconfigured afterwards
     */
    public JsonSerde(TypeReference<T> type, ObjectMapper mapper) {
        super(new JsonSerializer<>(mapper), new JsonDeserializer<>(type, mapper));
    }
}
