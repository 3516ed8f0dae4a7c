package dev.millrace.serdes.avro;

import dev.millrace.common.errors.SerializationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;
import org.apache.avro.reflect.ReflectData;
import org.apache.avro.reflect.ReflectDatumReader;
import org.apache.avro.reflect.ReflectDatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.Utf8;

/**
 * The {@link DatumModel}s of the serdes in this package. All are thread-safe.
 *
 * <p>Class trust: Avro 1.12 loads a class named by a schema only if its package is trusted (system
 * property {@value #TRUSTED_PACKAGES_PROPERTY}, comma-separated package prefixes, or Avro's
 * {@code ClassSecurityValidator}). Specific values are written through their class's own model, which
 * needs no lookup; reading specific classes and anything reflect needs the package trusted, and an
 * untrusted class fails with {@code reason=classNotTrusted} (or {@code avroWriteFailed}/{@code
 * avroReadFailed} carrying Avro's SecurityException).
 */
final class DatumModels {
    private static final Map<Class<?>, Schema> PRIMITIVES = Map.of(
            Boolean.class, Schema.create(Schema.Type.BOOLEAN),
            Integer.class, Schema.create(Schema.Type.INT),
            Long.class, Schema.create(Schema.Type.LONG),
            Float.class, Schema.create(Schema.Type.FLOAT),
            Double.class, Schema.create(Schema.Type.DOUBLE),
            String.class, Schema.create(Schema.Type.STRING),
            Utf8.class, Schema.create(Schema.Type.STRING),
            byte[].class, Schema.create(Schema.Type.BYTES));
    /** Avro's system property listing the packages whose classes a schema may name. */
    static final String TRUSTED_PACKAGES_PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
    private static final Schema BYTES = Schema.create(Schema.Type.BYTES);
    private static final Schema STRING = Schema.create(Schema.Type.STRING);

    private DatumModels() {
    }

    /**
     * Any value Avro has a schema for, as Confluent's serializer accepts: records, enums, fixed and
     * arrays of the generic or specific API, and the primitives null, Boolean, Integer, Long, Float,
     * Double, CharSequence and byte[] / ByteBuffer. Reads generic values (strings as {@link String} and
     * bytes as {@code byte[]} at the top level), or specific classes when {@code specificReader}.
     */
    static DatumModel<Object> anyValue(boolean specificReader) {
        return new AnyValueModel(specificReader);
    }

    /** {@link GenericRecord}s only. */
    static DatumModel<GenericRecord> genericRecords() {
        return new GenericRecordModel();
    }

    /** Generated {@link SpecificRecord} classes; the class is found by the writer schema's full name. */
    static <T extends SpecificRecord> DatumModel<T> specificRecords() {
        return new SpecificRecordModel<>();
    }

    /** Plain Java classes through Avro reflection, read into {@code type}. */
    static <T> DatumModel<T> reflect(Class<T> type, boolean allowNull) {
        return new ReflectModel<>(type, allowNull ? ReflectData.AllowNull.get() : ReflectData.get());
    }

    static Schema requireRecord(Schema writer, RecordLocation location, String model) {
        if (writer.getType() != Schema.Type.RECORD) {
            throw new SerializationException("reason=notARecordSchema " + location.facts() + " model=" + model
                    + " writerType=" + writer.getType());
        }
        return writer;
    }

    static Schema specificSchemaFor(Schema writer, RecordLocation location) {
        Class<?> type;
        try {
            type = SpecificData.get().getClass(writer);
        } catch (SecurityException e) {
            throw new SerializationException("reason=classNotTrusted " + location.facts() + " recordName="
                    + writer.getFullName() + " hint=addItsPackageTo:" + TRUSTED_PACKAGES_PROPERTY, e);
        }
        if (type == null) {
            throw new SerializationException("reason=specificClassNotFound " + location.facts() + " recordName="
                    + writer.getFullName());
        }
        return SpecificData.get().getSchema(type);
    }

    /** Writes {@code byte[]} as well as {@link ByteBuffer} where the schema says bytes. */
    private static final class BytesTolerantWriter<T> extends GenericDatumWriter<T> {
        BytesTolerantWriter(Schema schema) {
            super(schema, GenericData.get());
        }

        @Override
        protected void writeBytes(Object datum, Encoder out) throws IOException {
            if (datum instanceof byte[] bytes) {
                out.writeBytes(bytes);
            } else {
                super.writeBytes(datum, out);
            }
        }
    }

    private static final class AnyValueModel implements DatumModel<Object> {
        private final boolean specificReader;
        private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();
        private final Map<Schema, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();

        AnyValueModel(boolean specificReader) {
            this.specificReader = specificReader;
        }

        @Override
        public Schema schemaOf(Object value, String topic) {
            if (value instanceof GenericContainer container) {
                return container.getSchema();
            }
            Schema primitive = PRIMITIVES.get(value.getClass());
            if (primitive != null) {
                return primitive;
            }
            if (value instanceof ByteBuffer) {
                return BYTES;
            }
            if (value instanceof CharSequence) {
                return STRING;
            }
            throw new SerializationException("reason=unsupportedType topic=" + topic + " class="
                    + value.getClass().getName() + " hint=useReflectAvroSerde");
        }

        @Override
        public DatumWriter<Object> writer(Schema schema, Object value) {
            if (value instanceof SpecificRecord) {
                return specificWriters.computeIfAbsent(schema,
                        s -> new SpecificDatumWriter<>(s, SpecificData.getForClass(value.getClass())));
            }
            return genericWriters.computeIfAbsent(schema, BytesTolerantWriter::new);
        }

        @Override
        public Schema readerSchema(Schema writer, RecordLocation location) {
            if (specificReader && writer.getType() == Schema.Type.RECORD) {
                return specificSchemaFor(writer, location);
            }
            return writer;
        }

        @Override
        public DatumReader<Object> reader(Schema writer, Schema reader) {
            if (specificReader) {
                return new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
            }
            return new GenericDatumReader<>(writer, reader, GenericData.get());
        }

        @Override
        public boolean readerFollowsRegistry() {
            return !specificReader;
        }

        @Override
        public Object finish(Object value) {
            if (value instanceof Utf8) {
                return value.toString();
            }
            if (value instanceof ByteBuffer buffer) {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.duplicate().get(bytes);
                return bytes;
            }
            return value;
        }
    }

    private static final class GenericRecordModel implements DatumModel<GenericRecord> {
        private final Map<Schema, DatumWriter<GenericRecord>> writers = new ConcurrentHashMap<>();

        @Override
        public Schema schemaOf(GenericRecord value, String topic) {
            return value.getSchema();
        }

        @Override
        public DatumWriter<GenericRecord> writer(Schema schema, GenericRecord value) {
            return writers.computeIfAbsent(schema, BytesTolerantWriter::new);
        }

        @Override
        public Schema readerSchema(Schema writer, RecordLocation location) {
            return requireRecord(writer, location, "generic");
        }

        @Override
        public boolean readerFollowsRegistry() {
            return true;
        }

        @Override
        public DatumReader<GenericRecord> reader(Schema writer, Schema reader) {
            return new GenericDatumReader<>(writer, reader, GenericData.get());
        }
    }

    private static final class SpecificRecordModel<T extends SpecificRecord> implements DatumModel<T> {
        private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();

        @Override
        public Schema schemaOf(T value, String topic) {
            return value.getSchema();
        }

        @Override
        public DatumWriter<T> writer(Schema schema, T value) {
            return writers.computeIfAbsent(schema,
                    s -> new SpecificDatumWriter<>(s, SpecificData.getForClass(value.getClass())));
        }

        @Override
        public Schema readerSchema(Schema writer, RecordLocation location) {
            return specificSchemaFor(requireRecord(writer, location, "specific"), location);
        }

        @Override
        public DatumReader<T> reader(Schema writer, Schema reader) {
            return new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
        }
    }

    private static final class ReflectModel<T> implements DatumModel<T> {
        private final Class<T> type;
        private final ReflectData data;
        private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();

        ReflectModel(Class<T> type, ReflectData data) {
            this.type = type;
            this.data = data;
        }

        @Override
        public Schema schemaOf(T value, String topic) {
            try {
                return data.getSchema(value.getClass());
            } catch (RuntimeException e) {
                throw new SerializationException("reason=noReflectSchema topic=" + topic + " class="
                        + value.getClass().getName(), e);
            }
        }

        @Override
        public DatumWriter<T> writer(Schema schema, T value) {
            return writers.computeIfAbsent(schema, s -> new ReflectDatumWriter<>(s, data));
        }

        @Override
        public Schema readerSchema(Schema writer, RecordLocation location) {
            return data.getSchema(type);
        }

        @Override
        public DatumReader<T> reader(Schema writer, Schema reader) {
            return new ReflectDatumReader<>(writer, reader, data);
        }
    }
}
