package dev.millrace.serdes.avro.registry;

import dev.millrace.serdes.avro.registry.core.SchemaRegistry;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;

/**
 * A {@link SchemaRegistryClient} that calls a {@link SchemaRegistry} in the same JVM, with no HTTP: the
 * client behind {@code mock://} URLs (see {@link MockSchemaRegistry}) and for embedding a registry. Same
 * semantics and the same {@link SchemaRegistryException} codes as the REST service, because both call
 * the same core. Parsed schemas are cached by id (an id never changes its schema).
 *
 * <p>Thread-safe.
 */
public final class LocalSchemaRegistryClient implements SchemaRegistryClient {
    private final SchemaRegistry registry;
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();

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
        int id = registry.register(subject, schema.toString());
        schemasById.putIfAbsent(id, schema);
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
        return registry.lookup(subject, schema.toString(), false).id();
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
