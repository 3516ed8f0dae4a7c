package dev.millrace.serdes.avro.subject;

import org.apache.avro.Schema;

/**
 * One subject per topic and record type, {@code <topic>-<full record name>} (for example
 * {@code orders-com.acme.Order}): several record types may share a topic, each evolving separately
 * within that topic. Stateless and thread-safe.
 */
public final class TopicRecordNameStrategy implements SubjectNameStrategy {
    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return topic + "-" + schema.getFullName();
    }
}
