package dev.millrace.serdes.avro;

import dev.millrace.common.errors.SerializationException;
import dev.millrace.common.header.Headers;
import dev.millrace.common.serialization.Serializer;
import dev.millrace.serdes.avro.registry.SchemaRegistryClient;
import dev.millrace.serdes.avro.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * The serializer behind every Avro serde here: finds the value's schema ({@link DatumModel}), picks the
 * subject ({@code *.subject.name.strategy}), obtains the schema id (registers it when
 * {@code auto.register.schemas}, else looks it up; or takes the subject's latest version when
 * {@code use.latest.version}) and writes the {@link WireFormat}: magic byte, id, Avro binary.
 *
 * <p>With {@code use.latest.version}, a value whose own schema differs from the latest one is first
 * converted by Avro schema resolution (the latest schema must be able to read the value's schema, else
 * the value is rejected naming the incompatibility), so that the bytes always match the id.
 *
 * <p>Null values serialize to null. Failures raise {@link SerializationException} naming the topic and
 * subject. Thread-safe after {@link #configure}.
 *
 * @param <T> the value type
 */
final class ModelSerializer<T> implements Serializer<T> {
    /** Larger values start from a buffer of this size and grow, so one huge value does not size every other. */
    private static final int MAX_SIZE_HINT = 8192;

    private final Function<AvroSerdeConfig, DatumModel<T>> modelFactory;
    private final SchemaRegistryClient givenClient;
    private final Map<Schema, Map<Schema, GenericDatumReader<Object>>> converters = new ConcurrentHashMap<>();
    private volatile SerdeContext context;
    private volatile DatumModel<T> model;
    /** The size of the last value written, at most {@link #MAX_SIZE_HINT}: the first guess for the next. */
    private volatile int sizeHint = 64;

    ModelSerializer(Function<AvroSerdeConfig, DatumModel<T>> modelFactory, SchemaRegistryClient givenClient) {
        this.modelFactory = modelFactory;
        this.givenClient = givenClient;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SerdeContext configured = SerdeContext.configure(configs, isKey, givenClient);
        model = modelFactory.apply(configured.config());
        context = configured;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return serialize(topic, null, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        if (data == null) {
            return null;
        }
        SerdeContext ctx = requireConfigured(topic);
        DatumModel<T> values = model;
        Schema schema = values.schemaOf(data, topic);
        String subject = ctx.subject(topic, schema);
        try {
            if (!ctx.config().useLatestVersion()) {
                int id = ctx.config().autoRegisterSchemas() ? ctx.client().register(subject, schema)
                        : ctx.client().getId(subject, schema);
                return write(id, values.writer(schema, data), data, topic, schema);
            }
            SerdeContext.Latest latest = ctx.latest(subject);
            if (latest.schema().equals(schema)) {
                return write(latest.id(), values.writer(schema, data), data, topic, schema);
            }
            Object converted = convert(values.writer(schema, data), data, schema, latest.schema(), topic, subject);
            return write(latest.id(), new GenericDatumWriter<>(latest.schema(), GenericData.get()), converted, topic,
                    latest.schema());
        } catch (SchemaRegistryException e) {
            throw new SerializationException("reason=registryFailed topic=" + topic + " subject=" + subject
                    + " httpStatus=" + e.httpStatus() + " errorCode=" + e.errorCode() + " detail=" + e.detail(), e);
        }
    }

    private SerdeContext requireConfigured(String topic) {
        SerdeContext ctx = context;
        if (ctx == null) {
            throw new IllegalStateException("reason=serializerNotConfigured topic=" + topic);
        }
        return ctx;
    }

    private <V> byte[] write(int id, DatumWriter<V> writer, V value, String topic, Schema schema) {
        SerializedBytes out = new SerializedBytes(sizeHint);
        WireFormat.writeHeader(out, id);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(value, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("reason=avroWriteFailed topic=" + topic + " schemaId=" + id
                    + " schemaName=" + schema.getFullName() + " detail=" + e, e);
        }
        byte[] bytes = out.toByteArray();
        int hint = Math.min(bytes.length, MAX_SIZE_HINT);
        if (hint != sizeHint) {
            sizeHint = hint;
        }
        return bytes;
    }

    /** Rewrites a value of one schema as a generic datum of the latest schema, by schema resolution. */
    private Object convert(DatumWriter<T> writer, T value, Schema own, Schema latest, String topic, String subject) {
        GenericDatumReader<Object> resolver = converters.computeIfAbsent(own, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(latest, l -> {
                    SchemaCompatibility.SchemaPairCompatibility check =
                            SchemaCompatibility.checkReaderWriterCompatibility(l, own);
                    if (!check.getResult().getIncompatibilities().isEmpty()) {
                        throw new SerializationException("reason=valueSchemaNotReadableByLatest topic=" + topic
                                + " subject=" + subject + " incompatibilities="
                                + check.getResult().getIncompatibilities());
                    }
                    return new GenericDatumReader<>(own, l, GenericData.get());
                });
        byte[] ownBytes = write(0, writer, value, topic, own);
        try {
            return resolver.read(null, DecoderFactory.get().binaryDecoder(ownBytes, WireFormat.HEADER_SIZE,
                    ownBytes.length - WireFormat.HEADER_SIZE, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("reason=conversionToLatestFailed topic=" + topic + " subject=" + subject
                    + " detail=" + e, e);
        }
    }

    @Override
    public void close() {
        SerdeContext ctx = context;
        if (ctx != null) {
            ctx.close();
        }
    }
}
