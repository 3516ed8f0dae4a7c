package dev.millrace.serdes.avro.subject;

import org.apache.avro.Schema;

/**
 * The default strategy: one subject per topic and record part, {@code <topic>-key} or
 * {@code <topic>-value}, whatever the schema. All values of a topic's keys (or values) must then evolve
 * compatibly under one subject. Stateless and thread-safe.
 */
public final class TopicNameStrategy implements SubjectNameStrategy {
    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return topic + (isKey ? "-key" : "-value");
    }
}
