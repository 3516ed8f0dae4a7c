package dev.millrace.serdes.avro;

import dev.millrace.common.serialization.Deserializer;
import dev.millrace.common.serialization.Serde;
import dev.millrace.common.serialization.Serializer;
import dev.millrace.serdes.avro.registry.SchemaRegistryClient;
import java.util.Map;
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
public final class ReflectAvroSerde<T> implements Serde<T> {
    private final ModelSerializer<T> serializer;
    private final ModelDeserializer<T> deserializer;

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
        Objects.requireNonNull(type, "reason=nullType");
        this.serializer = new ModelSerializer<>(config -> DatumModels.reflect(type, config.reflectionAllowNull()),
                client);
        this.deserializer = new ModelDeserializer<>(config -> DatumModels.reflect(type, config.reflectionAllowNull()),
                client, null);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
