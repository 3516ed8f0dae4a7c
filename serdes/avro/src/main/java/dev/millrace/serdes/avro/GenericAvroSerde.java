package dev.millrace.serdes.avro;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.serdes.avro.registry.SchemaRegistryClient;
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
public final class GenericAvroSerde extends Serdes.WrapperSerde<GenericRecord> {
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
        super(new ModelSerializer<>(config -> DatumModels.genericRecords(), client),
                new ModelDeserializer<>(config -> DatumModels.genericRecords(), client, readerSchema));
    }
}
