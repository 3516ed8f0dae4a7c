package dev.millrace.serdes.avro.registry.core;

import dev.millrace.serdes.avro.registry.CompatibilityLevel;
import dev.millrace.serdes.avro.registry.store.RegistryRecord;
import dev.millrace.serdes.avro.registry.store.SchemaStoreException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The registry's state, built only by applying {@link RegistryRecord}s in log order (at replay and after
 * each successful append), so that the state after a restart is exactly the state before it.
 *
 * <p>Invariants: every stored version has a schema id; {@code schemasById} holds exactly the ids that
 * at least one stored version (live or soft-deleted) refers to, and {@code references} counts those
 * versions; {@code maxId} never decreases, not even across a replay of a compacted log (see
 * {@link RegistryRecord.IdWatermark}).
 *
 * <p>Not thread-safe: {@link SchemaRegistry} confines it behind its lock.
 */
final class RegistryState {
    private final Map<String, NavigableMap<Integer, RegistryRecord.SchemaVersion>> subjects = new HashMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<Integer, Integer> references = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int maxId;

    void apply(RegistryRecord record) {
        if (record instanceof RegistryRecord.SchemaVersion version) {
            applyVersion(version);
        } else if (record instanceof RegistryRecord.SchemaVersionRemoved removed) {
            NavigableMap<Integer, RegistryRecord.SchemaVersion> versions = subjects.get(removed.subject());
            RegistryRecord.SchemaVersion previous = versions == null ? null : versions.remove(removed.version());
            if (previous != null) {
                release(previous.id());
                if (versions.isEmpty()) {
                    subjects.remove(removed.subject());
                }
            }
        } else if (record instanceof RegistryRecord.Config config) {
            applyConfig(config);
        } else if (record instanceof RegistryRecord.IdWatermark watermark) {
            maxId = Math.max(maxId, watermark.maxId());
        } else {
            RegistryRecord.SubjectDeleted deleted = (RegistryRecord.SubjectDeleted) record;
            NavigableMap<Integer, RegistryRecord.SchemaVersion> versions = subjects.get(deleted.subject());
            if (versions != null) {
                for (RegistryRecord.SchemaVersion v : new ArrayList<>(versions.headMap(deleted.version(), true)
                        .values())) {
                    versions.put(v.version(), new RegistryRecord.SchemaVersion(v.subject(), v.version(), v.id(),
                            v.schema(), true));
                }
            }
        }
    }

    private void applyVersion(RegistryRecord.SchemaVersion version) {
        String known = schemasById.get(version.id());
        if (known != null && !known.equals(version.schema())) {
            throw new SchemaStoreException("reason=idBoundToDifferentSchema id=" + version.id() + " subject="
                    + version.subject() + " version=" + version.version());
        }
        RegistryRecord.SchemaVersion previous = subjects.computeIfAbsent(version.subject(), s -> new TreeMap<>())
                .put(version.version(), version);
        references.merge(version.id(), 1, Integer::sum);
        schemasById.put(version.id(), version.schema());
        idsBySchema.putIfAbsent(version.schema(), version.id());
        maxId = Math.max(maxId, version.id());
        if (previous != null) {
            release(previous.id());
        }
    }

    private void applyConfig(RegistryRecord.Config config) {
        if (config.subject() == null) {
            globalLevel = config.level() == null ? CompatibilityLevel.BACKWARD : config.level();
        } else if (config.level() == null) {
            subjectLevels.remove(config.subject());
        } else {
            subjectLevels.put(config.subject(), config.level());
        }
    }

    private void release(int id) {
        int left = references.merge(id, -1, Integer::sum);
        if (left <= 0) {
            references.remove(id);
            String schema = schemasById.remove(id);
            if (schema != null) {
                idsBySchema.remove(schema, id);
            }
        }
    }

    /** Every stored version of a subject, live and soft-deleted, by version; empty if none. */
    NavigableMap<Integer, RegistryRecord.SchemaVersion> versions(String subject) {
        NavigableMap<Integer, RegistryRecord.SchemaVersion> versions = subjects.get(subject);
        return versions == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(versions);
    }

    /** The versions of a subject visible under the deleted filter, ascending. */
    List<RegistryRecord.SchemaVersion> visible(String subject, boolean includeDeleted) {
        List<RegistryRecord.SchemaVersion> visible = new ArrayList<>();
        for (RegistryRecord.SchemaVersion version : versions(subject).values()) {
            if (includeDeleted || !version.deleted()) {
                visible.add(version);
            }
        }
        return visible;
    }

    Set<String> subjectNames() {
        return Collections.unmodifiableSet(subjects.keySet());
    }

    Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    /** The id a schema text already has, or the next free id. */
    int idFor(String schema) {
        Integer id = idsBySchema.get(schema);
        return id != null ? id : maxId + 1;
    }

    int maxId() {
        return maxId;
    }

    int nextVersion(String subject) {
        NavigableMap<Integer, RegistryRecord.SchemaVersion> versions = subjects.get(subject);
        return versions == null ? 1 : versions.lastKey() + 1;
    }

    CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    /** A copy of every subject's own level, for comparisons in tests of replay. */
    Map<String, CompatibilityLevel> subjectLevels() {
        return Map.copyOf(subjectLevels);
    }
}
