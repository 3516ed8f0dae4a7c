package dev.millrace.serdes.avro;

import dev.millrace.common.header.Headers;
import dev.millrace.common.serialization.Serializer;
import dev.millrace.serdes.avro.registry.SchemaRegistryClient;
import java.util.Map;

/**
 * Serializes any Avro value in the Confluent wire format (the counterpart of Confluent's
 * {@code KafkaAvroSerializer}): {@code GenericRecord}, generated {@code SpecificRecord} classes, generic or
 * specific enums, fixed and arrays, and the primitives null, Boolean, Integer, Long, Float, Double,
 * CharSequence (as Avro {@code string}) and {@code byte[]} / {@code ByteBuffer} (as {@code bytes}).
 *
 * <p>Configuration ({@link AvroSerdeConfig}): {@code schema.registry.url} (or a client passed to the
 * constructor), {@code auto.register.schemas}, {@code use.latest.version}, {@code latest.cache.ttl.sec},
 * {@code key.subject.name.strategy} / {@code value.subject.name.strategy}. Output layout:
 * {@link WireFormat}. A null value serializes to null. Failures raise
 * {@link dev.millrace.common.errors.SerializationException} naming topic and subject.
 *
 * <p>Must be configured before use; thread-safe afterwards.
 */
public final class AvroSerializer implements Serializer<Object> {
    private final ModelSerializer<Object> delegate;

    /** Creates a serializer whose registry client comes from {@code schema.registry.url}. */
    public AvroSerializer() {
        this(null);
    }

    /**
     * Creates a serializer over a given registry client ({@code schema.registry.url} is then ignored).
     *
     * @param client the registry client, or null to use {@code schema.registry.url}
     */
    public AvroSerializer(SchemaRegistryClient client) {
        this.delegate = new ModelSerializer<>(config -> DatumModels.anyValue(false), client);
    }

    /**
     * Creates and configures a serializer in one step.
     *
     * @param client the registry client, or null to use {@code schema.registry.url}
     * @param configs the configuration
     * @param isKey whether it serializes record keys
     */
    public AvroSerializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
        this(client);
        configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        return delegate.serialize(topic, null, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Object data) {
        return delegate.serialize(topic, headers, data);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
