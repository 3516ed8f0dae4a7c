package dev.millrace.storage.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random sequences of assign / truncateFromEnd / truncateFromStart / reopen against a plain list
 * model, with the invariants and every query checked after each step. The seed is printed in
 * every assertion message; override it with {@code -Dmillrace.seed=<n>}.
 */
class LeaderEpochCacheModelTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x5EED_E90C_0001L);
    private static final int RUNS = 12;
    private static final int STEPS = 40;

    @TempDir
    Path root;

    @Test
    void shouldMatchListModelAndKeepInvariantsUnderRandomOperations() throws IOException {
        for (int run = 0; run < RUNS; run++) {
            long seed = SEED + run;
            Path dir = Files.createDirectory(root.resolve("run-" + run));
            runOnce(new Random(seed), dir, "seed=" + seed);
        }
    }

    private static void runOnce(Random random, Path dir, String seed) {
        LeaderEpochCache cache = LeaderEpochCache.open(dir);
        List<EpochEntry> model = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            String context = seed + " step=" + step;
            int choice = random.nextInt(10);
            if (choice < 6) {
                int epoch = random.nextInt(12);
                long offset = random.nextInt(200);
                context += " assign(" + epoch + "," + offset + ")";
                boolean changed = modelAssign(model, epoch, offset);
                assertThat(cache.assign(epoch, offset)).as(context).isEqualTo(changed);
            } else if (choice < 8) {
                long offset = random.nextInt(220) - 1;
                context += " truncateFromEnd(" + offset + ")";
                List<EpochEntry> before = List.copyOf(model);
                modelTruncateFromEnd(model, offset);
                assertThat(cache.truncateFromEnd(offset)).as(context).isEqualTo(!before.equals(model));
            } else if (choice < 9) {
                long offset = random.nextInt(220) - 1;
                context += " truncateFromStart(" + offset + ")";
                List<EpochEntry> before = List.copyOf(model);
                modelTruncateFromStart(model, offset);
                assertThat(cache.truncateFromStart(offset)).as(context).isEqualTo(!before.equals(model));
            } else {
                context += " reopen";
                cache = LeaderEpochCache.open(dir);
            }
            check(cache, model, random, context);
        }
    }

    private static void check(LeaderEpochCache cache, List<EpochEntry> model, Random random, String context) {
        assertThat(cache.entries()).as(context).isEqualTo(model);
        for (int i = 1; i < model.size(); i++) {
            assertThat(model.get(i).epoch()).as(context + " epochs increase").isGreaterThan(model.get(i - 1).epoch());
            assertThat(model.get(i).startOffset()).as(context + " offsets increase")
                    .isGreaterThan(model.get(i - 1).startOffset());
        }
        assertThat(LeaderEpochCache.open(cache.checkpointFile().getParent()).entries())
                .as(context + " checkpoint equals memory").isEqualTo(model);
        for (int probe = 0; probe < 5; probe++) {
            long offset = random.nextInt(220);
            assertThat(cache.epochForOffset(offset)).as(context + " epochForOffset(" + offset + ")")
                    .isEqualTo(oracleEpochForOffset(model, offset));
            int epoch = random.nextInt(14) - 1;
            long logEndOffset = 200 + random.nextInt(20);
            assertThat(cache.endOffsetFor(epoch, logEndOffset))
                    .as(context + " endOffsetFor(" + epoch + "," + logEndOffset + ")")
                    .isEqualTo(oracleEndOffsetFor(model, epoch, logEndOffset));
        }
    }

    private static boolean modelAssign(List<EpochEntry> model, int epoch, long offset) {
        if (!model.isEmpty()) {
            EpochEntry last = model.get(model.size() - 1);
            if (last.epoch() == epoch && offset >= last.startOffset()) {
                return false;
            }
        }
        while (!model.isEmpty()) {
            EpochEntry last = model.get(model.size() - 1);
            if (last.epoch() < epoch && last.startOffset() < offset) {
                break;
            }
            model.remove(model.size() - 1);
        }
        model.add(new EpochEntry(epoch, offset));
        return true;
    }

    private static void modelTruncateFromEnd(List<EpochEntry> model, long endOffset) {
        if (endOffset >= 0) {
            model.removeIf(entry -> entry.startOffset() >= endOffset);
        }
    }

    private static void modelTruncateFromStart(List<EpochEntry> model, long startOffset) {
        EpochEntry lastCovered = null;
        while (!model.isEmpty() && model.get(0).startOffset() <= startOffset) {
            lastCovered = model.remove(0);
        }
        if (lastCovered != null) {
            model.add(0, new EpochEntry(lastCovered.epoch(), startOffset));
        }
    }

    /** By definition: the epoch of the last entry starting at or before the offset. */
    private static OptionalInt oracleEpochForOffset(List<EpochEntry> model, long offset) {
        OptionalInt result = OptionalInt.empty();
        for (EpochEntry entry : model) {
            if (entry.startOffset() <= offset) {
                result = OptionalInt.of(entry.epoch());
            }
        }
        return result;
    }

    /** Kafka's OffsetForLeaderEpoch answer, computed with linear scans. */
    private static OffsetAndEpoch oracleEndOffsetFor(List<EpochEntry> model, int requested, long logEndOffset) {
        if (requested == OffsetAndEpoch.UNDEFINED_EPOCH || model.isEmpty()) {
            return OffsetAndEpoch.UNDEFINED;
        }
        if (model.get(model.size() - 1).epoch() == requested) {
            return new OffsetAndEpoch(logEndOffset, requested);
        }
        EpochEntry firstAbove = null;
        EpochEntry lastAtOrBelow = null;
        for (EpochEntry entry : model) {
            if (entry.epoch() > requested && firstAbove == null) {
                firstAbove = entry;
            }
            if (entry.epoch() <= requested) {
                lastAtOrBelow = entry;
            }
        }
        if (firstAbove == null) {
            return OffsetAndEpoch.UNDEFINED;
        }
        int epoch = lastAtOrBelow == null ? requested : lastAtOrBelow.epoch();
        return new OffsetAndEpoch(firstAbove.startOffset(), epoch);
    }
}
