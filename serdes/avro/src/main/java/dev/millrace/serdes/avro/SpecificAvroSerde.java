package dev.millrace.serdes.avro;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.serdes.avro.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;

/**
 * A serde for classes generated from Avro schemas (by the Avro Maven plugin), in the Confluent wire
 * format. The serializer registers (or looks up) the class's schema. The deserializer always reads as
 * {@code specific.avro.reader=true} does: it finds the generated class named by the writer schema's full
 * name and resolves the data into that class's schema, so an evolved class reads data of older (or
 * newer) compatible schemas. A writer schema without a generated class on the classpath raises
 * {@link dev.millrace.common.errors.SerializationException} ({@code reason=specificClassNotFound}).
 *
 * <p>Avro 1.12 loads a class named by a schema only from trusted packages: list the generated classes'
 * packages in the system property {@code org.apache.avro.SERIALIZABLE_PACKAGES} (or configure Avro's
 * {@code ClassSecurityValidator}); otherwise reading fails with {@code reason=classNotTrusted}.
 *
 * <p>Configuration as {@link AvroSerdeConfig}; configure once, then thread-safe.
 *
 * @param <T> the generated record class
 */
public final class SpecificAvroSerde<T extends SpecificRecord> extends Serdes.WrapperSerde<T> {
    /** Creates a serde whose registry client comes from {@code schema.registry.url}. */
    public SpecificAvroSerde() {
        this(null);
    }

    /**
     * Creates a serde over a given registry client.
     *
     * @param client the registry client, or null to use {@code schema.registry.url}
     */
    public SpecificAvroSerde(SchemaRegistryClient client) {
        super(new ModelSerializer<>(config -> DatumModels.specificRecords(), client),
                new ModelDeserializer<>(config -> DatumModels.specificRecords(), client, null));
    }
}
