package dev.millrace.serdes.avro;

import dev.millrace.common.serialization.Deserializer;
import dev.millrace.common.serialization.Serde;
import dev.millrace.common.serialization.Serializer;
import dev.millrace.serdes.avro.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * A serde for {@link GenericRecord}s in the Confluent wire format. The serializer registers (or looks
 * up) each record's schema; the deserializer reads into the writer schema, or into a reader schema given
 * here, or into the subject's latest version with {@code use.latest.version}. Data whose writer schema
 * is not a record raises {@link dev.millrace.common.errors.SerializationException}.
 *
 * <p>Configuration as {@link AvroSerdeConfig}; configure once, then thread-safe.
 */
public final class GenericAvroSerde implements Serde<GenericRecord> {
    private final ModelSerializer<GenericRecord> serializer;
    private final ModelDeserializer<GenericRecord> deserializer;

    /** Creates a serde whose registry client comes from {@code schema.registry.url}. */
    public GenericAvroSerde() {
        this(null, null);
    }

    /**
     * Creates a serde over a given registry client.
     *
     * @param client the registry client, or null to use {@code schema.registry.url}
     */
    public GenericAvroSerde(SchemaRegistryClient client) {
        this(client, null);
    }

    /**
     * Creates a serde whose deserializer resolves every record into one reader schema.
     *
     * @param client the registry client, or null to use {@code schema.registry.url}
     * @param readerSchema the record schema to read into, or null for the writer schema
     */
    public GenericAvroSerde(SchemaRegistryClient client, Schema readerSchema) {
        this.serializer = new ModelSerializer<>(config -> DatumModels.genericRecords(), client);
        this.deserializer = new ModelDeserializer<>(config -> DatumModels.genericRecords(), client, readerSchema);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<GenericRecord> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<GenericRecord> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
