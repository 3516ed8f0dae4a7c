package dev.millrace.serdes.avro.subject;

import org.apache.avro.Schema;

/**
 * One subject per record type, named by the schema's full name (for example
 * {@code com.acme.Order}); primitive schemas use their type name (for example {@code string}). Several
 * record types may then share a topic, and a record type evolves under one subject across topics.
 * Stateless and thread-safe.
 */
public final class RecordNameStrategy implements SubjectNameStrategy {
    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return schema.getFullName();
    }
}
