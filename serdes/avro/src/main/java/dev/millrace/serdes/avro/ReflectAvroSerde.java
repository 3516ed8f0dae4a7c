package dev.millrace.serdes.avro;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.serdes.avro.registry.SchemaRegistryClient;
import java.util.Objects;

/**
 * A serde for plain Java classes through Avro reflection, in the Confluent wire format: the serializer
 * derives the schema from the value's class ({@code ReflectData}) and registers it; the deserializer
 * resolves the data into the reflect schema of the target class given here. With
 * {@code avro.reflection.allow.null=true} every field is nullable (Avro's {@code ReflectData.AllowNull}).
 * The class needs a no-argument constructor (any visibility) for reading, and its package must be trusted
 * by Avro (system property {@code org.apache.avro.SERIALIZABLE_PACKAGES}, see {@link SpecificAvroSerde});
 * so must {@code java.util} when fields are collections, because reflection records their classes.
 *
 * <p>Configuration as {@link AvroSerdeConfig}; configure once, then thread-safe.
 *
 * @param <T> the Java class
 */
public final class ReflectAvroSerde<T> extends Serdes.WrapperSerde<T> {
    /**
     * Creates a serde whose registry client comes from {@code schema.registry.url}.
     *
     * @param type the class values are read into
     */
    public ReflectAvroSerde(Class<T> type) {
        this(type, null);
    }

    /**
     * Creates a serde over a given registry client.
     *
     * @param type the class values are read into
     * @param client the registry client, or null to use {@code schema.registry.url}
     */
    public ReflectAvroSerde(Class<T> type, SchemaRegistryClient client) {
        super(serializer(Objects.requireNonNull(type, "reason=nullType"), client), deserializer(type, client));
    }

    private static <T> ModelSerializer<T> serializer(Class<T> type, SchemaRegistryClient client) {
        return new ModelSerializer<>(config -> DatumModels.reflect(type, config.reflectionAllowNull()), client);
    }

    private static <T> ModelDeserializer<T> deserializer(Class<T> type, SchemaRegistryClient client) {
        return new ModelDeserializer<>(config -> DatumModels.reflect(type, config.reflectionAllowNull()), client, null);
    }
}
