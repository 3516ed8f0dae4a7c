package dev.millrace.serdes.avro.registry.store;

import dev.millrace.serdes.avro.registry.CompatibilityLevel;
import java.util.Objects;

/**
 * One change to the registry's state, as stored in its log. {@link RegistryRecordCodec} maps each kind
 * to the key/value JSON of Confluent's {@code _schemas} topic. All kinds are immutable values.
 */
public sealed interface RegistryRecord {
    /**
     * A schema version was registered, or its soft-delete flag changed. The latest record per
     * (subject, version) is the version's state.
     *
     * @param subject the subject
     * @param version the version, from 1
     * @param id the global schema id
     * @param schema the schema text (Avro's normalized JSON)
     * @param deleted whether the version is soft-deleted
     */
    record SchemaVersion(String subject, int version, int id, String schema, boolean deleted)
            implements RegistryRecord {
        /**
         * Checks the components.
         *
         * @throws NullPointerException if {@code subject} or {@code schema} is null
         */
        public SchemaVersion {
            Objects.requireNonNull(subject, "reason=nullSubject");
            Objects.requireNonNull(schema, "reason=nullSchema");
        }
    }

    /**
     * A schema version was permanently deleted (a tombstone for its key).
     *
     * @param subject the subject
     * @param version the version
     */
    record SchemaVersionRemoved(String subject, int version) implements RegistryRecord {
        /**
         * Checks the components.
         *
         * @throws NullPointerException if {@code subject} is null
         */
        public SchemaVersionRemoved {
            Objects.requireNonNull(subject, "reason=nullSubject");
        }
    }

    /**
     * A compatibility level was set or cleared.
     *
     * @param subject the subject, or null for the global level
     * @param level the level, or null to clear a subject's own level (a tombstone)
     */
    record Config(String subject, CompatibilityLevel level) implements RegistryRecord {
    }

    /**
     * The highest schema id ever assigned. Written with every permanent delete, because the tombstones
     * of a permanent delete let compaction remove the records that carried the highest id; replay takes
     * the maximum of this and every id seen, so ids are never handed out twice, even after compaction.
     *
     * @param maxId the highest id assigned so far
     */
    record IdWatermark(int maxId) implements RegistryRecord {
    }

    /**
     * A subject was soft-deleted: every version up to {@code version} is hidden. Written after the
     * per-version {@link SchemaVersion} records with {@code deleted=true}, which alone already carry the
     * state; replaying this marker is idempotent.
     *
     * @param subject the subject
     * @param version the highest version the delete covered
     */
    record SubjectDeleted(String subject, int version) implements RegistryRecord {
        /**
         * Checks the components.
         *
         * @throws NullPointerException if {@code subject} is null
         */
        public SubjectDeleted {
            Objects.requireNonNull(subject, "reason=nullSubject");
        }
    }
}
