package dev.millrace.serdes.avro.registry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.serdes.avro.TestSchemas;
import dev.millrace.serdes.avro.registry.CompatibilityLevel;
import dev.millrace.serdes.avro.registry.SchemaMetadata;
import dev.millrace.serdes.avro.registry.SchemaRegistryException;
import dev.millrace.serdes.avro.registry.store.InMemorySchemaStore;
import dev.millrace.serdes.avro.registry.store.SchemaStore;
import dev.millrace.serdes.avro.registry.store.StoreRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Replaying the store rebuilds the registry exactly: a seeded random history of registrations,
 * config changes and soft/permanent deletes is replayed into a fresh registry, and into one over the
 * compacted log, and every observable fact (subjects, versions with ids, schemas and deleted flags,
 * schemas by id, levels, next id and version) must match. Seed: {@code -Dmillrace.seed}.
 */
class SchemaRegistryReplayTest {
    private static final long DEFAULT_SEED = 0x5c4e3a2L;
    private static final int RUNS = 30;
    private static final int OPERATIONS = 120;
    private static final String[] SUBJECTS = {"orders-value", "orders-key", "users-value", "acme.Payment"};

    @Test
    void shouldRebuildTheSameStateFromTheLogAndFromItsCompaction() {
        long seed = TestSchemas.seed("SchemaRegistryReplayTest", DEFAULT_SEED);
        Map<String, Integer> succeeded = new TreeMap<>();
        for (int run = 0; run < RUNS; run++) {
            Random random = new Random(seed + run);
            InMemorySchemaStore store = new InMemorySchemaStore();
            SchemaRegistry original = new SchemaRegistry(store);
            List<Integer> idsSeen = new ArrayList<>();
            for (int op = 0; op < OPERATIONS; op++) {
                String done = applyRandomOperation(original, random, idsSeen);
                if (done != null) {
                    succeeded.merge(done, 1, Integer::sum);
                }
            }
            String facts = "seed=" + seed + " run=" + run + " records=" + store.records().size();
            Map<String, Object> expected = snapshot(original, idsSeen);

            SchemaRegistry replayed = new SchemaRegistry(store);
            assertThat(snapshot(replayed, idsSeen)).as("replayed, " + facts).isEqualTo(expected);
            store.compact();
            SchemaRegistry compacted = new SchemaRegistry(store);
            assertThat(snapshot(compacted, idsSeen)).as("compacted, " + facts).isEqualTo(expected);
            // The next id and version must also agree, so no id is ever handed out twice.
            List<Integer> probe = probe(original);
            assertThat(probe(replayed)).as("next id/version after replay, " + facts).isEqualTo(probe);
            assertThat(probe(compacted)).as("next id/version after compaction, " + facts).isEqualTo(probe);
            assertThat(idsSeen).as("ids never reused, " + facts).doesNotContain(probe.get(0));
        }
        assertThat(succeeded).as("every kind of change happened, seed=" + seed).containsOnlyKeys("config",
                "softDeleteSubject", "hardDeleteSubject", "softDeleteVersion", "hardDeleteVersion",
                "deleteSubjectConfig", "register");
    }

    private static List<Integer> probe(SchemaRegistry registry) {
        String subject = SUBJECTS[0];
        String schema = "{\"type\":\"record\",\"name\":\"Probe\",\"fields\":[]}";
        registry.setCompatibility(subject, CompatibilityLevel.NONE);
        int id = registry.register(subject, schema);
        return List.of(id, registry.lookup(subject, schema, false).version());
    }

    /** Applies one random change; returns its kind if it succeeded, null if the registry refused it. */
    private static String applyRandomOperation(SchemaRegistry registry, Random random, List<Integer> idsSeen) {
        String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
        boolean permanent = random.nextBoolean();
        try {
            switch (random.nextInt(11)) {
                case 0:
                    registry.setCompatibility(random.nextBoolean() ? null : subject,
                            CompatibilityLevel.values()[random.nextInt(CompatibilityLevel.values().length)]);
                    return "config";
                case 1:
                    registry.deleteSubject(subject, permanent);
                    return permanent ? "hardDeleteSubject" : "softDeleteSubject";
                case 2:
                    registry.deleteVersion(subject, 1 + random.nextInt(6), permanent);
                    return permanent ? "hardDeleteVersion" : "softDeleteVersion";
                case 3:
                    registry.deleteSubjectCompatibility(subject);
                    return "deleteSubjectConfig";
                case 4:
                    registry.deleteVersion(subject, SchemaRegistry.LATEST, permanent);
                    return permanent ? "hardDeleteVersion" : "softDeleteVersion";
                default:
                    idsSeen.add(registry.register(subject, randomSchema(random)));
                    return "register";
            }
        } catch (SchemaRegistryException expectedSometimes) {
            // 404s, 409s and friends are part of a random history; the state must still replay.
            return null;
        }
    }

    /** A record named T with a random subset of optional fields, so some changes are compatible. */
    private static String randomSchema(Random random) {
        StringBuilder fields = new StringBuilder("{\"name\":\"id\",\"type\":\"long\"}");
        String[] optional = {"a", "b", "c", "d"};
        for (String name : optional) {
            if (random.nextBoolean()) {
                fields.append(",{\"name\":\"").append(name).append("\",\"type\":\"string\"");
                if (random.nextInt(3) > 0) {
                    fields.append(",\"default\":\"").append(name).append('"');
                }
                fields.append('}');
            }
        }
        return "{\"type\":\"record\",\"name\":\"T\",\"fields\":[" + fields + "]}";
    }

    private static Map<String, Object> snapshot(SchemaRegistry registry, List<Integer> idsSeen) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("subjects", registry.subjects(true));
        facts.put("liveSubjects", registry.subjects(false));
        for (String subject : registry.subjects(true)) {
            List<SchemaMetadata> versions = new ArrayList<>();
            for (int version : registry.versions(subject, true)) {
                versions.add(registry.version(subject, version, true));
            }
            facts.put("versions:" + subject, versions);
            facts.put("live:" + subject, registry.subjects(false).contains(subject)
                    ? registry.versions(subject, false) : List.of());
        }
        Map<Integer, String> schemas = new TreeMap<>();
        for (int id : idsSeen) {
            try {
                schemas.put(id, registry.schemaById(id));
            } catch (SchemaRegistryException e) {
                schemas.put(id, "errorCode=" + e.errorCode());
            }
        }
        facts.put("schemasById", schemas);
        facts.put("global", registry.globalCompatibility());
        facts.put("subjectLevels", new TreeMap<>(registry.subjectCompatibilities()));
        return facts;
    }

    @Test
    void shouldKeepIdsAndVersionsAcrossARestartAndContinueNumbering() {
        InMemorySchemaStore store = new InMemorySchemaStore();
        SchemaRegistry before = new SchemaRegistry(store);
        int v1 = before.register("users-value", TestSchemas.USER_V1);
        int v2 = before.register("users-value", TestSchemas.USER_ADDED_WITH_DEFAULT);
        int payment = before.register("payments-value", TestSchemas.PAYMENT);
        before.setCompatibility("payments-value", CompatibilityLevel.NONE);

        SchemaRegistry after = new SchemaRegistry(store);
        assertThat(after.version("users-value", 1, false).id()).isEqualTo(v1);
        assertThat(after.version("users-value", SchemaRegistry.LATEST, false).id()).isEqualTo(v2);
        assertThat(after.schemaById(payment)).isEqualTo(TestSchemas.parse(TestSchemas.PAYMENT).toString());
        assertThat(after.effectiveCompatibility("payments-value")).isEqualTo(CompatibilityLevel.NONE);
        int next = after.register("users-value", TestSchemas.USER_REMOVED_AGE.replace("\"name\",\"type\":\"string\"}",
                "\"name\",\"type\":\"string\"},{\"name\":\"email\",\"type\":\"string\",\"default\":\"u\"}"));
        assertThat(next).isGreaterThan(payment);
        assertThat(after.versions("users-value", false)).containsExactly(1, 2, 3);
    }

    @Test
    void shouldLeaveTheStateUnchangedAndAnswer50001WhenTheStoreFails() {
        FailingStore store = new FailingStore();
        SchemaRegistry registry = new SchemaRegistry(store);
        registry.register("s", TestSchemas.USER_V1);
        store.failing = true;
        assertThatThrownBy(() -> registry.register("s", TestSchemas.USER_ADDED_WITH_DEFAULT))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.errorCode()).isEqualTo(50001);
                    assertThat(e.getMessage()).contains("reason=storeAppendFailed");
                });
        assertThat(registry.versions("s", false)).containsExactly(1);
        store.failing = false;
        assertThat(registry.register("s", TestSchemas.USER_ADDED_WITH_DEFAULT)).isEqualTo(2);
    }

    /** A store whose appends fail on demand. */
    private static final class FailingStore implements SchemaStore {
        private final InMemorySchemaStore delegate = new InMemorySchemaStore();
        private volatile boolean failing;

        @Override
        public void append(StoreRecord record) {
            if (failing) {
                throw new IllegalStateException("disk on fire");
            }
            delegate.append(record);
        }

        @Override
        public void replay(Consumer<StoreRecord> sink) {
            delegate.replay(sink);
        }
    }
}
