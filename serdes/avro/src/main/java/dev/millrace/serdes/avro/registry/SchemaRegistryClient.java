package dev.millrace.serdes.avro.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * What the Avro serdes (and tools) need from a schema registry. Implementations: the HTTP
 * {@link CachedSchemaRegistryClient} and the in-process {@link LocalSchemaRegistryClient} that
 * {@link MockSchemaRegistry} hands out for {@code mock://} URLs.
 *
 * <p>Every failure the registry reports surfaces as a {@link SchemaRegistryException} carrying the HTTP
 * status and Confluent error code (for example 404 / 40403 for an unknown schema id). Implementations
 * are thread-safe.
 */
public interface SchemaRegistryClient extends AutoCloseable {
    /**
     * Registers a schema under a subject, or returns the id it already has there.
     *
     * @param subject the subject
     * @param schema the schema
     * @return the global schema id
     * @throws SchemaRegistryException 409 if incompatible with the subject's earlier versions
     */
    int register(String subject, Schema schema);

    /**
     * The schema with a global id.
     *
     * @param id the id
     * @return the schema
     * @throws SchemaRegistryException 404 / 40403 if no schema has the id
     */
    Schema getSchemaById(int id);

    /**
     * The id of a schema already registered under a subject, without registering it.
     *
     * @param subject the subject
     * @param schema the schema
     * @return the global schema id
     * @throws SchemaRegistryException 404 / 40401 for an unknown subject, 40403 if the subject does not
     *     hold the schema
     */
    int getId(String subject, Schema schema);

    /**
     * The version a schema has under a subject.
     *
     * @param subject the subject
     * @param schema the schema
     * @return the version
     * @throws SchemaRegistryException as {@link #getId}
     */
    int getVersion(String subject, Schema schema);

    /**
     * The latest live version of a subject.
     *
     * @param subject the subject
     * @return the version's metadata
     * @throws SchemaRegistryException 404 / 40401 if the subject has no live version
     */
    SchemaMetadata getLatestSchemaMetadata(String subject);

    /**
     * One live version of a subject.
     *
     * @param subject the subject
     * @param version the version, from 1
     * @return the version's metadata
     * @throws SchemaRegistryException 404 / 40401 or 40402
     */
    SchemaMetadata getSchemaMetadata(String subject, int version);

    /**
     * The subjects that have at least one live version, sorted.
     *
     * @return the subjects
     */
    List<String> getAllSubjects();

    /**
     * The live versions of a subject, ascending.
     *
     * @param subject the subject
     * @return the versions
     * @throws SchemaRegistryException 404 / 40401 if the subject has no live version
     */
    List<Integer> getAllVersions(String subject);

    /**
     * Whether a schema could be registered under a subject given its compatibility level.
     *
     * @param subject the subject
     * @param schema the candidate schema
     * @return true if compatible (always true for a subject without versions)
     */
    boolean testCompatibility(String subject, Schema schema);

    /**
     * The compatibility level that applies to a subject: its own, else the global one.
     *
     * @param subject the subject, or null for the global level
     * @return the level
     */
    CompatibilityLevel getCompatibility(String subject);

    /**
     * Sets the compatibility level of a subject or the global one.
     *
     * @param subject the subject, or null for the global level
     * @param level the new level
     * @return the level now set
     */
    CompatibilityLevel updateCompatibility(String subject, CompatibilityLevel level);

    /**
     * Deletes a subject: soft (versions hidden, ids still resolvable) or permanent (only after a soft
     * delete; versions removed from the store).
     *
     * @param subject the subject
     * @param permanent whether to delete permanently
     * @return the versions deleted
     */
    List<Integer> deleteSubject(String subject, boolean permanent);

    /**
     * Deletes one version, soft or permanently (only after a soft delete).
     *
     * @param subject the subject
     * @param version the version
     * @param permanent whether to delete permanently
     * @return the version deleted
     */
    int deleteSchemaVersion(String subject, int version, boolean permanent);

    /** Releases resources; the default does nothing. Never throws. */
    @Override
    default void close() {
    }
}
