package dev.millrace.serdes.avro.registry.core;

import dev.millrace.serdes.avro.registry.AvroSchemaParser;
import dev.millrace.serdes.avro.registry.CompatibilityLevel;
import dev.millrace.serdes.avro.registry.SchemaMetadata;
import dev.millrace.serdes.avro.registry.SchemaRegistryException;
import dev.millrace.serdes.avro.registry.store.RegistryRecord;
import dev.millrace.serdes.avro.registry.store.RegistryRecordCodec;
import dev.millrace.serdes.avro.registry.store.SchemaStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.apache.avro.Schema;

/**
 * The schema registry itself, independent of HTTP: subjects holding numbered schema versions, global
 * schema ids, compatibility levels and soft/permanent deletes, with Confluent's semantics:
 *
 * <ul>
 *   <li>Registering a schema a subject already holds as a live version returns that version's id and
 *       changes nothing. Otherwise the schema is checked against the subject's live versions (the latest
 *       only, or all for transitive levels) and gets the next version number of the subject.</li>
 *   <li>Ids are global: the same schema text (after Avro normalization) has one id in every subject;
 *       a new text gets the highest id ever assigned plus one, so ids are never reused (a schema whose
 *       last version was permanently deleted gets a new id if registered again).</li>
 *   <li>A soft delete hides versions from listings and lookups but keeps their ids resolvable; only a
 *       soft-deleted version or subject may be deleted permanently. Version numbers continue after
 *       soft-deleted versions and restart after permanently deleted ones.</li>
 *   <li>The global level defaults to {@code BACKWARD}; a subject's own level overrides it.</li>
 * </ul>
 *
 * <p>Every change is first appended to the {@link SchemaStore} as a {@link RegistryRecord} and only then
 * applied to memory; the constructor replays the store, so a registry built over the same store (or its
 * compaction) reproduces subjects, versions, ids and levels exactly. If an append fails the state is
 * unchanged and the caller gets 500 / 50001.
 *
 * <p>Thread-safe: every public method holds this object's monitor, so changes are serialized and
 * appended to the store in the order they are applied.
 */
public final class SchemaRegistry {
    /** The version number that means "latest". */
    public static final int LATEST = -1;

    private final SchemaStore store;
    private final RegistryState state = new RegistryState();
    /** Delete calls so far; written under the monitor, read without it. */
    private volatile long deletes;

    /**
     * Creates a registry over a store and replays the store's records into memory.
     *
     * @param store the durable log; replayed now, appended to on every change
     * @throws dev.millrace.serdes.avro.registry.store.SchemaStoreException if a stored record is malformed
     */
    public SchemaRegistry(SchemaStore store) {
        this.store = Objects.requireNonNull(store, "reason=nullStore");
        store.replay(record -> RegistryRecordCodec.decode(record).ifPresent(state::apply));
    }

    /**
     * How many times {@link #deleteSubject} or {@link #deleteVersion} was called on this registry since
     * it was built (soft or permanent, including calls that failed). Only a delete can change the answer
     * {@link #register} or {@link #lookup} gives for a (subject, schema) pair that already has one, so an
     * in-process client may reuse such an answer for as long as this count has not moved. Readable
     * without the monitor.
     *
     * @return the number of delete calls, starting at 0
     */
    public long deleteCount() {
        return deletes;
    }

    /**
     * Parses a version path parameter: a positive int, {@code latest} or {@code -1}.
     *
     * @param text the parameter
     * @return the version, or {@link #LATEST}
     * @throws SchemaRegistryException 422 / 42202 for anything else
     */
    public static int parseVersion(String text) {
        if ("latest".equals(text)) {
            return LATEST;
        }
        try {
            int version = Integer.parseInt(text);
            if (version >= 1 || version == LATEST) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below with the offending text
        }
        throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_VERSION, "reason=invalidVersion version="
                + text + " allowed=1.." + Integer.MAX_VALUE + ",latest");
    }

    /**
     * Registers a schema under a subject (see the class comment for the rules).
     *
     * @param subject the subject
     * @param schemaText the schema JSON
     * @return the schema's global id
     * @throws SchemaRegistryException 422 / 42201 for an invalid schema, 409 if incompatible (the detail
     *     names each offending field), 500 / 50001 if the store fails
     */
    public synchronized int register(String subject, String schemaText) {
        Schema schema = AvroSchemaParser.parse(schemaText);
        String canonical = schema.toString();
        for (RegistryRecord.SchemaVersion live : state.visible(subject, false)) {
            if (live.schema().equals(canonical)) {
                return live.id();
            }
        }
        CompatibilityLevel level = effectiveCompatibility(subject);
        List<String> issues = CompatibilityChecker.incompatibilities(level, schema, earlier(subject, level, null));
        if (!issues.isEmpty()) {
            throw new SchemaRegistryException(409, SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    "reason=incompatibleSchema subject=" + subject + " compatibility=" + level + " issues=["
                            + String.join("; ", issues) + "]");
        }
        RegistryRecord.SchemaVersion version = new RegistryRecord.SchemaVersion(subject, state.nextVersion(subject),
                state.idFor(canonical), canonical, false);
        append(version);
        return version.id();
    }

    /**
     * Finds the version of a subject that holds a schema.
     *
     * @param subject the subject
     * @param schemaText the schema JSON
     * @param includeDeleted whether soft-deleted versions count
     * @return the matching version
     * @throws SchemaRegistryException 42201 invalid schema, 40401 no such subject, 40403 not in the subject
     */
    public synchronized SchemaMetadata lookup(String subject, String schemaText, boolean includeDeleted) {
        String canonical = AvroSchemaParser.parse(schemaText).toString();
        List<RegistryRecord.SchemaVersion> visible = requireSubject(subject, includeDeleted);
        for (int i = visible.size() - 1; i >= 0; i--) {
            if (visible.get(i).schema().equals(canonical)) {
                return metadata(visible.get(i));
            }
        }
        throw SchemaRegistryException.schemaNotFound("subject=" + subject);
    }

    /**
     * The schema text with a global id (live or soft-deleted versions keep ids resolvable).
     *
     * @param id the id
     * @return the schema text
     * @throws SchemaRegistryException 404 / 40403 for an unknown id
     */
    public synchronized String schemaById(int id) {
        return state.schemaById(id).orElseThrow(() -> SchemaRegistryException.schemaNotFound("id=" + id));
    }

    /**
     * The subjects with at least one visible version, sorted.
     *
     * @param includeDeleted whether subjects with only soft-deleted versions count
     * @return the subjects
     */
    public synchronized List<String> subjects(boolean includeDeleted) {
        TreeSet<String> names = new TreeSet<>();
        for (String subject : state.subjectNames()) {
            if (!state.visible(subject, includeDeleted).isEmpty()) {
                names.add(subject);
            }
        }
        return List.copyOf(names);
    }

    /**
     * The visible versions of a subject, ascending.
     *
     * @param subject the subject
     * @param includeDeleted whether soft-deleted versions count
     * @return the versions
     * @throws SchemaRegistryException 404 / 40401 if none is visible
     */
    public synchronized List<Integer> versions(String subject, boolean includeDeleted) {
        List<Integer> versions = new ArrayList<>();
        for (RegistryRecord.SchemaVersion version : requireSubject(subject, includeDeleted)) {
            versions.add(version.version());
        }
        return versions;
    }

    /**
     * One visible version of a subject.
     *
     * @param subject the subject
     * @param version the version, or {@link #LATEST}
     * @param includeDeleted whether soft-deleted versions count
     * @return the version
     * @throws SchemaRegistryException 40401 no visible version in the subject, 40402 no such version
     */
    public synchronized SchemaMetadata version(String subject, int version, boolean includeDeleted) {
        return metadata(resolve(subject, version, includeDeleted));
    }

    /**
     * Checks a candidate schema without registering it.
     *
     * @param subject the subject
     * @param version the one version to compare with (or {@link #LATEST}); empty to compare as
     *     registration would (by the level's transitivity)
     * @param schemaText the candidate schema JSON
     * @return one line per incompatibility; empty when compatible
     * @throws SchemaRegistryException 42201, 42202, 40401 or 40402
     */
    public synchronized List<String> checkCompatibility(String subject, OptionalInt version, String schemaText) {
        Schema schema = AvroSchemaParser.parse(schemaText);
        CompatibilityLevel level = effectiveCompatibility(subject);
        Integer only = version.isPresent() ? resolve(subject, version.getAsInt(), false).version() : null;
        return CompatibilityChecker.incompatibilities(level, schema, earlier(subject, level, only));
    }

    /**
     * The global compatibility level.
     *
     * @return the level
     */
    public synchronized CompatibilityLevel globalCompatibility() {
        return state.globalLevel();
    }

    /**
     * A subject's own level, if it has one.
     *
     * @param subject the subject
     * @return the level, or empty when the global level applies
     */
    public synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return state.subjectLevel(subject);
    }

    /**
     * The level that applies to a subject: its own, else the global one.
     *
     * @param subject the subject
     * @return the level
     */
    public synchronized CompatibilityLevel effectiveCompatibility(String subject) {
        return state.subjectLevel(subject).orElse(state.globalLevel());
    }

    /**
     * Sets the global level, or a subject's own level (the subject need not exist yet).
     *
     * @param subject the subject, or null for the global level
     * @param level the level
     * @return the level set
     */
    public synchronized CompatibilityLevel setCompatibility(String subject, CompatibilityLevel level) {
        append(new RegistryRecord.Config(subject, Objects.requireNonNull(level, "reason=nullLevel")));
        return level;
    }

    /**
     * Removes a subject's own level, so the global one applies again.
     *
     * @param subject the subject
     * @return the level removed
     * @throws SchemaRegistryException 404 / 40408 if the subject has no level of its own
     */
    public synchronized CompatibilityLevel deleteSubjectCompatibility(String subject) {
        CompatibilityLevel previous = state.subjectLevel(subject).orElseThrow(() -> new SchemaRegistryException(404,
                SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                "reason=subjectCompatibilityNotConfigured subject=" + subject));
        append(new RegistryRecord.Config(subject, null));
        return previous;
    }

    /**
     * Deletes a subject. Soft: hides every live version (40404 if all are already soft-deleted).
     * Permanent: removes every version and the subject's level (40405 unless all are soft-deleted).
     *
     * @param subject the subject
     * @param permanent whether to delete permanently
     * @return the versions deleted, ascending
     * @throws SchemaRegistryException 40401, 40404 or 40405
     */
    public synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
        deletes++;
        List<RegistryRecord.SchemaVersion> all = requireSubject(subject, true);
        List<RegistryRecord.SchemaVersion> live = state.visible(subject, false);
        List<Integer> deleted = new ArrayList<>();
        if (!permanent) {
            if (live.isEmpty()) {
                throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_SOFT_DELETED,
                        "reason=subjectSoftDeleted subject=" + subject + " hint=usePermanentTrue");
            }
            for (RegistryRecord.SchemaVersion v : live) {
                append(new RegistryRecord.SchemaVersion(subject, v.version(), v.id(), v.schema(), true));
                deleted.add(v.version());
            }
            append(new RegistryRecord.SubjectDeleted(subject, all.get(all.size() - 1).version()));
            return deleted;
        }
        if (!live.isEmpty()) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_SOFT_DELETED,
                    "reason=subjectNotSoftDeleted subject=" + subject + " liveVersions=" + live.size());
        }
        for (RegistryRecord.SchemaVersion v : all) {
            append(new RegistryRecord.SchemaVersionRemoved(subject, v.version()));
            deleted.add(v.version());
        }
        if (state.subjectLevel(subject).isPresent()) {
            append(new RegistryRecord.Config(subject, null));
        }
        append(new RegistryRecord.IdWatermark(state.maxId()));
        return deleted;
    }

    /**
     * Deletes one version. Soft: hides a live version ({@link #LATEST} means the latest live one).
     * Permanent: removes a soft-deleted version ({@link #LATEST} means the highest stored one).
     *
     * @param subject the subject
     * @param version the version, or {@link #LATEST}
     * @param permanent whether to delete permanently
     * @return the version deleted
     * @throws SchemaRegistryException 40401, 40402, 40406 or 40407
     */
    public synchronized int deleteVersion(String subject, int version, boolean permanent) {
        deletes++;
        requireSubject(subject, true);
        if (!permanent) {
            RegistryRecord.SchemaVersion stored = state.versions(subject).get(version);
            if (stored != null && stored.deleted()) {
                throw new SchemaRegistryException(404, SchemaRegistryException.VERSION_SOFT_DELETED,
                        "reason=versionSoftDeleted subject=" + subject + " version=" + version
                                + " hint=usePermanentTrue");
            }
            RegistryRecord.SchemaVersion v = resolve(subject, version, false);
            append(new RegistryRecord.SchemaVersion(subject, v.version(), v.id(), v.schema(), true));
            return v.version();
        }
        RegistryRecord.SchemaVersion v = resolve(subject, version, true);
        if (!v.deleted()) {
            throw new SchemaRegistryException(404, SchemaRegistryException.VERSION_NOT_SOFT_DELETED,
                    "reason=versionNotSoftDeleted subject=" + subject + " version=" + v.version());
        }
        append(new RegistryRecord.SchemaVersionRemoved(subject, v.version()));
        append(new RegistryRecord.IdWatermark(state.maxId()));
        return v.version();
    }

    /**
     * Every subject's own compatibility level; for comparing two registries (for example before and
     * after a replay).
     *
     * @return an immutable copy
     */
    public synchronized Map<String, CompatibilityLevel> subjectCompatibilities() {
        return state.subjectLevels();
    }

    private void append(RegistryRecord record) {
        try {
            store.append(RegistryRecordCodec.encode(record));
        } catch (RuntimeException e) {
            throw new SchemaRegistryException(500, SchemaRegistryException.STORE_ERROR,
                    "reason=storeAppendFailed record=" + record, e);
        }
        state.apply(record);
    }

    private List<RegistryRecord.SchemaVersion> requireSubject(String subject, boolean includeDeleted) {
        List<RegistryRecord.SchemaVersion> visible = state.visible(subject, includeDeleted);
        if (visible.isEmpty()) {
            throw SchemaRegistryException.subjectNotFound(subject);
        }
        return visible;
    }

    private RegistryRecord.SchemaVersion resolve(String subject, int version, boolean includeDeleted) {
        List<RegistryRecord.SchemaVersion> visible = requireSubject(subject, includeDeleted);
        if (version == LATEST) {
            return visible.get(visible.size() - 1);
        }
        for (RegistryRecord.SchemaVersion v : visible) {
            if (v.version() == version) {
                return v;
            }
        }
        throw SchemaRegistryException.versionNotFound(subject, version);
    }

    /** The live versions to compare with, newest first: one version, the latest, or all (transitive). */
    private List<CompatibilityChecker.Earlier> earlier(String subject, CompatibilityLevel level, Integer only) {
        List<CompatibilityChecker.Earlier> earlier = new ArrayList<>();
        if (level == CompatibilityLevel.NONE) {
            return earlier;
        }
        List<RegistryRecord.SchemaVersion> live = state.visible(subject, false);
        for (int i = live.size() - 1; i >= 0; i--) {
            RegistryRecord.SchemaVersion v = live.get(i);
            if (only == null || only == v.version()) {
                earlier.add(new CompatibilityChecker.Earlier(v.version(), AvroSchemaParser.parse(v.schema())));
                if (only != null || !level.transitive()) {
                    break;
                }
            }
        }
        return earlier;
    }

    private static SchemaMetadata metadata(RegistryRecord.SchemaVersion version) {
        return new SchemaMetadata(version.subject(), version.version(), version.id(), version.schema());
    }
}
