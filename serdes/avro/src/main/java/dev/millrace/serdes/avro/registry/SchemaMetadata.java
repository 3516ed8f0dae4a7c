package dev.millrace.serdes.avro.registry;

import java.util.Objects;

/**
 * One version of a subject as the registry reports it. Immutable and thread-safe.
 *
 * @param subject the subject
 * @param version the version within the subject, from 1
 * @param id the global schema id (equal schema texts share one id across subjects)
 * @param schema the schema text as the registry stores it (Avro's normalized JSON form)
 */
public record SchemaMetadata(String subject, int version, int id, String schema) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code subject} or {@code schema} is null
     */
    public SchemaMetadata {
        Objects.requireNonNull(subject, "reason=nullSubject");
        Objects.requireNonNull(schema, "reason=nullSchema");
    }
}
