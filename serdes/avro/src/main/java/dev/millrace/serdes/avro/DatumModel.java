package dev.millrace.serdes.avro;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;

/**
 * How one family of Java values maps to Avro (generic, specific, reflect, or any of Avro's value kinds
 * for the Confluent-style {@link AvroSerializer}): which schema a value has, how it is written, which
 * schema it is read into and how. Implementations cache writers per schema; readers are cached by the
 * deserializer. Implementations are thread-safe (Avro's datum readers keep their resolution state per
 * thread, datum writers keep none).
 *
 * @param <T> the Java type of values
 */
interface DatumModel<T> {
    /**
     * The Avro schema of a value.
     *
     * @param value a non-null value
     * @param topic the topic, for the exception message
     * @return the schema
     * @throws dev.millrace.common.errors.SerializationException if the value's type has no Avro schema
     */
    Schema schemaOf(T value, String topic);

    /**
     * A writer for values of a schema.
     *
     * @param schema the writer schema
     * @param value the value about to be written (some models pick the writer by the value's kind)
     * @return the writer
     */
    DatumWriter<T> writer(Schema schema, T value);

    /**
     * The schema this model reads data into when nothing else is configured.
     *
     * @param writer the schema the data was written with
     * @param location where the data came from, for the exception message
     * @return the reader schema (the writer schema itself for generic reading)
     * @throws dev.millrace.common.errors.SerializationException if this model cannot read such data
     */
    Schema readerSchema(Schema writer, RecordLocation location);

    /**
     * A reader that resolves data of one writer schema into a reader schema.
     *
     * @param writer the writer schema
     * @param reader the reader schema
     * @return the reader
     */
    DatumReader<T> reader(Schema writer, Schema reader);

    /**
     * Whether this model reads into whatever schema the registry names, so that
     * {@code use.latest.version} may pick the reader schema (true for generic reading; specific and
     * reflect models read into their classes' own schemas).
     *
     * @return the flag; false by default
     */
    default boolean readerFollowsRegistry() {
        return false;
    }

    /**
     * Final touch on a decoded value; the default returns it unchanged.
     *
     * @param value the decoded value
     * @return the value handed to the caller
     */
    default T finish(T value) {
        return value;
    }
}
