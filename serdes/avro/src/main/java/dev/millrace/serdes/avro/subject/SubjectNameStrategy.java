package dev.millrace.serdes.avro.subject;

import java.util.Map;
import org.apache.avro.Schema;

/**
 * Chooses the registry subject under which a serializer registers (or looks up) the schema of a value,
 * and under which a deserializer with {@code use.latest.version} finds its reader schema.
 *
 * <p>Selected per serde half with {@code key.subject.name.strategy} and
 * {@code value.subject.name.strategy}. Implementations must have a public no-argument constructor, must
 * be thread-safe and should be pure functions of their arguments, so that the same value always lands in
 * the same subject.
 */
public interface SubjectNameStrategy {
    /**
     * Receives the serde's configuration once, before any call to {@link #subjectName}.
     *
     * @param configs the serde configuration
     */
    default void configure(Map<String, ?> configs) {
    }

    /**
     * The subject for one value.
     *
     * @param topic the topic the record goes to or comes from
     * @param isKey whether the value is the record key
     * @param schema the value's Avro schema
     * @return the subject name; never null
     */
    String subjectName(String topic, boolean isKey, Schema schema);
}
