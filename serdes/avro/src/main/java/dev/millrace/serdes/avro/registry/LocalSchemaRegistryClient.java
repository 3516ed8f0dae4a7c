package dev.millrace.serdes.avro.registry;

import dev.millrace.serdes.avro.registry.core.SchemaRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;

/**
 * A {@link SchemaRegistryClient} that calls a {@link SchemaRegistry} in the same JVM, with no HTTP: the
 * client behind {@code mock://} URLs (see {@link MockSchemaRegistry}) and for embedding a registry. Same
 * semantics and the same {@link SchemaRegistryException} codes as the REST service, because both call
 * the same core. Parsed schemas are cached by id (an id never changes its schema). The id that
 * {@link #register} or {@link #getId} found for a (subject, schema) pair is cached too, so a serializer
 * does not print and re-parse its schema for every record; a cached id is used only for the very same
 * {@link Schema} object and only while the registry has applied no delete since it was found
 * ({@link SchemaRegistry#deleteCount()}), so the answers stay exactly those of the registry.
 *
 * <p>Thread-safe.
 */
public final class LocalSchemaRegistryClient implements SchemaRegistryClient {
    /** An id found for a schema object, valid while the registry's delete count is {@code deletes}. */
    private record KnownId(Schema schema, int id, long deletes) {
    }

    private final SchemaRegistry registry;
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<Schema, KnownId>> idsBySubject = new ConcurrentHashMap<>();

    /**
     * Creates a client over a registry.
     *
     * @param registry the registry
     */
    public LocalSchemaRegistryClient(SchemaRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "reason=nullRegistry");
    }

    /**
     * The registry this client calls.
     *
     * @return the registry
     */
    public SchemaRegistry registry() {
        return registry;
    }

    @Override
    public int register(String subject, Schema schema) {
        long deletes = registry.deleteCount();
        KnownId known = knownId(subject, schema, deletes);
        if (known != null) {
            return known.id();
        }
        int id = registry.register(subject, schema.toString());
        schemasById.putIfAbsent(id, schema);
        remember(subject, new KnownId(schema, id, deletes));
        return id;
    }

    @Override
    public Schema getSchemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Schema schema = AvroSchemaParser.parse(registry.schemaById(id));
        Schema raced = schemasById.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    @Override
    public int getId(String subject, Schema schema) {
        long deletes = registry.deleteCount();
        KnownId known = knownId(subject, schema, deletes);
        if (known != null) {
            return known.id();
        }
        int id = registry.lookup(subject, schema.toString(), false).id();
        remember(subject, new KnownId(schema, id, deletes));
        return id;
    }

    /** The cached id of this very schema object under the subject, if no delete happened since. */
    private KnownId knownId(String subject, Schema schema, long deletes) {
        Map<Schema, KnownId> ids = idsBySubject.get(subject);
        KnownId known = ids == null ? null : ids.get(schema);
        return known != null && known.schema() == schema && known.deletes() == deletes ? known : null;
    }

    private void remember(String subject, KnownId known) {
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(known.schema(), known);
    }

    @Override
    public int getVersion(String subject, Schema schema) {
        return registry.lookup(subject, schema.toString(), false).version();
    }

    @Override
    public SchemaMetadata getLatestSchemaMetadata(String subject) {
        return registry.version(subject, SchemaRegistry.LATEST, false);
    }

    @Override
    public SchemaMetadata getSchemaMetadata(String subject, int version) {
        return registry.version(subject, version, false);
    }

    @Override
    public List<String> getAllSubjects() {
        return registry.subjects(false);
    }

    @Override
    public List<Integer> getAllVersions(String subject) {
        return registry.versions(subject, false);
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        return registry.checkCompatibility(subject, OptionalInt.empty(), schema.toString()).isEmpty();
    }

    @Override
    public CompatibilityLevel getCompatibility(String subject) {
        return subject == null ? registry.globalCompatibility() : registry.effectiveCompatibility(subject);
    }

    @Override
    public CompatibilityLevel updateCompatibility(String subject, CompatibilityLevel level) {
        return registry.setCompatibility(subject, level);
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        return registry.deleteSubject(subject, permanent);
    }

    @Override
    public int deleteSchemaVersion(String subject, int version, boolean permanent) {
        return registry.deleteVersion(subject, version, permanent);
    }
}
