package dev.millrace.serdes.avro;

import dev.millrace.common.header.Headers;
import dev.millrace.common.serialization.Deserializer;
import dev.millrace.serdes.avro.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Deserializes the Confluent wire format into Avro values (the counterpart of Confluent's
 * {@code KafkaAvroDeserializer}): {@code GenericRecord}s (with {@code org.apache.avro.util.Utf8} strings
 * inside), or generated {@code SpecificRecord} classes when {@code specific.avro.reader=true}; top-level
 * primitives come back as Boolean, Integer, Long, Float, Double, {@link String} and {@code byte[]}.
 *
 * <p>With {@code specific.avro.reader=true} the generated classes' packages must be trusted by Avro (see
 * {@link SpecificAvroSerde}).
 *
 * <p>Schema evolution: the data is resolved from its writer schema (fetched by id) into the reader
 * schema: a schema given to the constructor, else with {@code use.latest.version} the subject's latest
 * version, else the generated class's schema (specific) or the writer schema itself (generic). Fields
 * added with defaults, removed fields and fields renamed with aliases resolve as Avro specifies.
 *
 * <p>Errors: every failure (wrong magic byte, too short, unknown schema id, truncated or trailing
 * bytes, undecodable data) raises {@link dev.millrace.common.errors.SerializationException} naming the
 * topic. The Kafka-shaped methods do not know partition and offset; callers that do (a consumer's fetch
 * loop, the test driver) call {@link #deserialize(RecordLocation, Headers, byte[])} so that the message
 * also names {@code partition=} and {@code offset=}. Headers are not read.
 *
 * <p>Must be configured before use; thread-safe afterwards.
 */
public final class AvroDeserializer implements Deserializer<Object> {
    private final ModelDeserializer<Object> delegate;

    /** Creates a deserializer whose registry client comes from {@code schema.registry.url}. */
    public AvroDeserializer() {
        this(null, null);
    }

    /**
     * Creates a deserializer over a given registry client.
     *
     * @param client the registry client, or null to use {@code schema.registry.url}
     */
    public AvroDeserializer(SchemaRegistryClient client) {
        this(client, null);
    }

    /**
     * Creates a deserializer that reads every value into one reader schema.
     *
     * @param client the registry client, or null to use {@code schema.registry.url}
     * @param readerSchema the schema to resolve data into, or null for the default choice
     */
    public AvroDeserializer(SchemaRegistryClient client, Schema readerSchema) {
        this.delegate = new ModelDeserializer<>(config -> DatumModels.anyValue(config.specificAvroReader()), client,
                readerSchema);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate.configure(configs, isKey);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        return delegate.deserialize(RecordLocation.ofTopic(topic), null, data);
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        return delegate.deserialize(RecordLocation.ofTopic(topic), headers, data);
    }

    /**
     * Deserializes a value whose partition and offset are known, so that a failure names them.
     *
     * @param location topic, partition and offset
     * @param headers the record headers (not read), may be null
     * @param data the record value, may be null
     * @return the value, or null for null input
     * @throws dev.millrace.common.errors.SerializationException if the bytes cannot be deserialized
     */
    public Object deserialize(RecordLocation location, Headers headers, byte[] data) {
        return delegate.deserialize(location, headers, data);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
