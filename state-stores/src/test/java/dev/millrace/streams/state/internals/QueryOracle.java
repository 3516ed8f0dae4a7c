package dev.millrace.streams.state.internals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.query.Position;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.streams.state.internals.KafkaLayersOracle;

/**
 * Runs interactive queries against one of our store stacks and the same stack of Kafka Streams (the oracle) after
 * the same seeded random writes, and asserts that both give the same rendered answers (see {@link QueryResults})
 * and positions, without a bound, with a bound at the position reached and with a bound one offset ahead, before
 * and after a commit (which flushes the caches).
 */
final class QueryOracle {

    /** The seed of the writes and queries; {@code -Dmillrace.seed=N} changes it. */
    static final long SEED = RandomBytes.SEED;
    static final int WRITES = 60;

    final String stack;
    final StateStore ours;
    final org.apache.kafka.streams.processor.StateStore kafka;
    private final QueryTestContext ourContext;
    private final KafkaLayersOracle.Context kafkaContext;
    private long offset;

    /** One query, built for both implementations. */
    record Q(String name, dev.millrace.streams.query.Query<?> ours, org.apache.kafka.streams.query.Query<?> kafka) {
    }

    /**
     * Initialises both stores, each with its own state directory under {@code stateDir}.
     *
     * @param stack a description of the stack, for assertion messages
     */
    QueryOracle(Path stateDir, String stack, StateStore ours, org.apache.kafka.streams.processor.StateStore kafka) {
        this.stack = stack;
        this.ours = ours;
        this.kafka = kafka;
        this.ourContext = new QueryTestContext(stateDir.resolve("ours"));
        File kafkaDir = stateDir.resolve("kafka").toFile();
        // Kafka Streams' segmented stores create only the last level of their directory
        if (!kafkaDir.mkdirs() && !kafkaDir.isDirectory()) {
            throw new IllegalStateException("reason=cannotCreateStateDir dir=" + kafkaDir);
        }
        this.kafkaContext = KafkaLayersOracle.context(10L * 1024 * 1024, kafkaDir);
        ours.init(ourContext, ours);
        kafkaContext.init(kafka);
    }

    /** Makes the next record (the next offset of partition 0 of topic "in") current in both contexts. */
    void nextRecord(long timestamp) {
        offset++;
        ourContext.setRecord("in", 0, offset, timestamp);
        kafkaContext.setRecord(timestamp, offset);
    }

    /**
     * Applies {@link #WRITES} random writes, checks the queries, commits both stores, checks again and closes them.
     *
     * @param write one random write to both stores (it calls {@link #nextRecord} first)
     * @param queries the queries to check, drawn from the given random
     */
    void run(Consumer<Random> write, Function<Random, List<Q>> queries) {
        try {
            Random random = new Random(SEED);
            for (int i = 0; i < WRITES; i++) {
                write.accept(random);
            }
            List<Q> before = queries.apply(new Random(SEED + 1));
            int nonEmptyAnswers = check(before, "beforeCommit");
            ours.commit(Map.of());
            kafka.commit(Map.of());
            nonEmptyAnswers += check(queries.apply(new Random(SEED + 2)), "afterCommit");
            // guards against a vacuous comparison (for instance, both sides failing every query); before the
            // commit, caching stacks may legitimately answer all window and range queries with nothing
            assertThat(nonEmptyAnswers).as(stack + " seed=" + SEED).isGreaterThan(before.size() / 4);
        } finally {
            ours.close();
            kafka.close();
        }
    }

    /** Checks every query under every bound; returns the number of successful, non-empty answers. */
    private int check(List<Q> queries, String phase) {
        Map<String, Map<Integer, Long>> at = Map.of("in", Map.of(0, offset));
        Map<String, Map<Integer, Long>> ahead = Map.of("in", Map.of(0, offset + 1));
        String[] boundNames = {"unbounded", "atPosition", "ahead"};
        PositionBound[] ourBounds = {PositionBound.unbounded(), PositionBound.at(Position.fromMap(at)),
            PositionBound.at(Position.fromMap(ahead))};
        org.apache.kafka.streams.query.PositionBound[] kafkaBounds = {
            org.apache.kafka.streams.query.PositionBound.unbounded(),
            org.apache.kafka.streams.query.PositionBound.at(org.apache.kafka.streams.query.Position.fromMap(at)),
            org.apache.kafka.streams.query.PositionBound.at(org.apache.kafka.streams.query.Position.fromMap(ahead))};
        int nonEmptyAnswers = 0;
        for (Q query : queries) {
            for (int b = 0; b < ourBounds.length; b++) {
                PositionBound ourBound = ourBounds[b];
                org.apache.kafka.streams.query.PositionBound kafkaBound = kafkaBounds[b];
                String ourAnswer = QueryResults.attempt(() -> {
                    QueryResult<?> result = ours.query(query.ours(), ourBound, new QueryConfig(false));
                    return QueryResults.render(result) + " position=" + QueryResults.position(result.getPosition());
                });
                String kafkaAnswer = QueryResults.attempt(() -> {
                    org.apache.kafka.streams.query.QueryResult<?> result = kafka.query(query.kafka(), kafkaBound,
                            new org.apache.kafka.streams.query.QueryConfig(false));
                    return QueryResults.renderKafka(result) + " position="
                            + QueryResults.kafkaPosition(result.getPosition());
                });
                assertThat(ourAnswer).as(stack + " " + phase + " " + query.name() + " bound=" + boundNames[b]
                        + " seed=" + SEED).isEqualTo(kafkaAnswer);
                if (!ourAnswer.startsWith("FAILED") && !ourAnswer.startsWith("THROWS")
                        && !ourAnswer.startsWith("null ") && !ourAnswer.startsWith("[] ")) {
                    nonEmptyAnswers++;
                }
            }
        }
        return nonEmptyAnswers;
    }

    /** A query type no store knows. */
    static Q custom() {
        return new Q("customQueryType", new dev.millrace.streams.query.Query<String>() { },
                new org.apache.kafka.streams.query.Query<String>() { });
    }

    /** A key from a small alphabet ("a" to "f"), so that writes collide and ranges are dense. */
    static String key(Random random) {
        return String.valueOf((char) ('a' + random.nextInt(6)));
    }

    /** A range bound: a key, or null (open) one time in four. */
    static String bound(Random random) {
        return random.nextInt(4) == 0 ? null : key(random);
    }
}
