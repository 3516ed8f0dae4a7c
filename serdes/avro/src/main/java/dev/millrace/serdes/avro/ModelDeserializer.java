package dev.millrace.serdes.avro;

import dev.millrace.common.errors.SerializationException;
import dev.millrace.common.header.Headers;
import dev.millrace.common.serialization.Deserializer;
import dev.millrace.serdes.avro.registry.SchemaRegistryClient;
import dev.millrace.serdes.avro.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;

/**
 * The deserializer behind every Avro serde here: checks the {@link WireFormat} header, fetches the writer
 * schema by id (cached by the client), chooses the reader schema and decodes with Avro's schema
 * resolution, so data written with an older (or newer) compatible schema reads into the reader's shape.
 *
 * <p>Reader schema, first that applies: the schema given to the constructor; with
 * {@code use.latest.version} and a generic model, the latest version of the subject the strategy names for the writer
 * schema; otherwise the model's choice (the generated class's schema for specific reading, the target
 * class's reflect schema, or the writer schema itself for generic reading). One Avro reader is cached
 * per (schema id, reader schema), and the last one used is kept by schema id when the registry does not
 * pick the reader schema.
 *
 * <p>Every failure raises {@link SerializationException} with the record's location: wrong magic byte,
 * value shorter than the header, unknown schema id (the registry's 40403), bytes that end early, bytes
 * left over after the datum, or data that does not decode. Null input deserializes to null.
 * Thread-safe after {@link #configure}.
 *
 * @param <T> the value type
 */
final class ModelDeserializer<T> implements Deserializer<T> {
    /** Cache key: one writer schema id read into one reader schema. */
    private record ReaderKey(int schemaId, Schema reader) {
    }

    /** The reader last chosen for a schema id whose reader does not follow the registry's latest version. */
    private record LastReader<V>(int schemaId, DatumReader<V> reader) {
    }

    private final Function<AvroSerdeConfig, DatumModel<T>> modelFactory;
    private final SchemaRegistryClient givenClient;
    private final Schema givenReaderSchema;
    private final Map<ReaderKey, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private volatile LastReader<T> lastReader;
    private volatile SerdeContext context;
    private volatile DatumModel<T> model;

    ModelDeserializer(Function<AvroSerdeConfig, DatumModel<T>> modelFactory, SchemaRegistryClient givenClient,
            Schema givenReaderSchema) {
        this.modelFactory = modelFactory;
        this.givenClient = givenClient;
        this.givenReaderSchema = givenReaderSchema;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SerdeContext configured = SerdeContext.configure(configs, isKey, givenClient);
        model = modelFactory.apply(configured.config());
        readers.clear();
        lastReader = null;
        context = configured;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return deserialize(RecordLocation.ofTopic(topic), null, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(RecordLocation.ofTopic(topic), headers, data);
    }

    /**
     * Deserializes a value whose full location is known.
     *
     * @param location topic, and partition and offset if known, for exception messages
     * @param headers the record headers (not used by the Avro format), may be null
     * @param data the record bytes, may be null
     * @return the value, or null for null input
     */
    T deserialize(RecordLocation location, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        SerdeContext ctx = context;
        if (ctx == null) {
            throw new IllegalStateException("reason=deserializerNotConfigured " + location.facts());
        }
        int id = WireFormat.readSchemaId(data, location);
        DatumModel<T> values = model;
        DatumReader<T> reader = readerFor(ctx, values, id, location);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                data.length - WireFormat.HEADER_SIZE, null);
        T value;
        try {
            value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("reason=trailingBytes " + location.facts() + " schemaId=" + id
                        + " length=" + data.length);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException serialization) {
                throw serialization;
            }
            throw new SerializationException("reason=avroReadFailed " + location.facts() + " schemaId=" + id
                    + " length=" + data.length + " detail=" + e, e);
        }
        return values.finish(value);
    }

    /**
     * The reader for data of a schema id. Unless {@code use.latest.version} lets the registry pick the
     * reader schema, the reader depends on the id alone (an id never changes its schema, and the model's
     * reader schema depends only on the writer schema), so the last one is kept for the next record.
     */
    private DatumReader<T> readerFor(SerdeContext ctx, DatumModel<T> values, int id, RecordLocation location) {
        LastReader<T> last = lastReader;
        if (last != null && last.schemaId() == id) {
            return last.reader();
        }
        try {
            Schema writer = ctx.client().getSchemaById(id);
            Schema readerSchema = readerSchema(ctx, values, writer, location);
            DatumReader<T> reader = readers.computeIfAbsent(new ReaderKey(id, readerSchema),
                    k -> values.reader(writer, k.reader()));
            if (givenReaderSchema != null || !ctx.config().useLatestVersion() || !values.readerFollowsRegistry()) {
                lastReader = new LastReader<>(id, reader);
            }
            return reader;
        } catch (SchemaRegistryException e) {
            String reason = e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND ? "unknownSchemaId"
                    : "registryFailed";
            throw new SerializationException("reason=" + reason + " " + location.facts() + " schemaId=" + id
                    + " httpStatus=" + e.httpStatus() + " errorCode=" + e.errorCode(), e);
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException("reason=readerSetupFailed " + location.facts() + " schemaId=" + id
                    + " detail=" + e, e);
        }
    }

    private Schema readerSchema(SerdeContext ctx, DatumModel<T> values, Schema writer, RecordLocation location) {
        if (givenReaderSchema != null) {
            return givenReaderSchema;
        }
        if (ctx.config().useLatestVersion() && values.readerFollowsRegistry()) {
            return ctx.latest(ctx.subject(location.topic(), writer)).schema();
        }
        return values.readerSchema(writer, location);
    }

    @Override
    public void close() {
        SerdeContext ctx = context;
        if (ctx != null) {
            ctx.close();
        }
    }
}
