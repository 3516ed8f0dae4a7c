package dev.millrace.storage.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.time.ManualTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@link ProducerStateTable} and {@link ProducerStateModel} with the same random operations
 * (in-order batches, retries, gaps, stale and bumped epochs, markers, expiry, snapshots, truncation
 * with replay) and checks after every step that both agree. Override the seed with
 * {@code -Dmillrace.seed=N}; every assertion message names the seed, run and step.
 */
class ProducerStateModelTest {
    private static final long DEFAULT_SEED = 0x5EED_0004L;
    private static final int RUNS = 25;
    private static final int STEPS = 300;
    private static final long EXPIRATION_MS = 10_000L;
    private static final int PRODUCERS = 4;

    @TempDir
    Path root;

    @Test
    void shouldAgreeWithModelUnderRandomOperations() throws IOException {
        long seed = Long.getLong("millrace.seed", DEFAULT_SEED);
        Random random = new Random(seed);
        for (int run = 0; run < RUNS; run++) {
            Path dir = Files.createDirectory(root.resolve("run-" + run));
            new Run(seed, run, random, dir).execute();
        }
    }

    private static final class Run {
        private final long seed;
        private final int run;
        private final Random random;
        private final Path dir;
        private final ManualTime time = new ManualTime(Batches.NOW_MS);
        private final ProducerStateTable table = new ProducerStateTable(EXPIRATION_MS, time);
        private final ProducerStateModel model = new ProducerStateModel(EXPIRATION_MS);
        private final List<BatchInfo> log = new ArrayList<>();
        private int step;
        private String action = "";

        Run(long seed, int run, Random random, Path dir) {
            this.seed = seed;
            this.run = run;
            this.random = random;
            this.dir = dir;
        }

        private String where() {
            return "seed=" + seed + " run=" + run + " step=" + step + " action=" + action;
        }

        private long logEndOffset() {
            return log.isEmpty() ? 0 : log.get(log.size() - 1).lastOffset() + 1;
        }

        void execute() {
            for (step = 0; step < STEPS; step++) {
                time.advance(random.nextInt(50));
                int dice = random.nextInt(100);
                if (dice < 80) {
                    produce(nextBatch(dice));
                } else if (dice < 85) {
                    action = "nonIdempotent";
                    produce(Batches.nonIdempotent(logEndOffset(), 1 + random.nextInt(3)));
                } else if (dice < 90) {
                    expire();
                } else if (dice < 94) {
                    snapshot();
                } else {
                    truncate();
                }
                checkInvariants();
            }
        }

        private void produce(BatchInfo batch) {
            ValidationResult expected = model.expected(batch);
            ValidationResult actual = table.validate(batch);
            if (expected instanceof ValidationResult.Rejected rejected) {
                assertThat(actual).as(where() + " batch=" + batch).isInstanceOf(ValidationResult.Rejected.class);
                assertThat(((ValidationResult.Rejected) actual).error()).as(where()).isEqualTo(rejected.error());
                return;
            }
            assertThat(actual).as(where() + " batch=" + batch).isEqualTo(expected);
            if (actual instanceof ValidationResult.Accepted) {
                log.add(batch);
                Optional<CompletedTxn> completed = table.update(batch);
                assertThat(completed).as(where() + " completed").isEqualTo(model.apply(batch));
            }
        }

        private BatchInfo nextBatch(int dice) {
            long producerId = random.nextInt(PRODUCERS);
            ProducerStateModel.ModelProducer producer = model.producer(producerId);
            int epoch = producer == null ? random.nextInt(3) : producer.epoch;
            int next = nextSequence(producer);
            boolean inTxn = producer != null && producer.txnFirstOffset >= 0;
            int count = 1 + random.nextInt(5);
            if (dice < 35) {
                action = "inOrder";
                return data(producerId, epoch, next, count, inTxn || random.nextInt(4) == 0);
            } else if (dice < 50 && producer != null && !producer.batches.isEmpty()) {
                action = "retry";
                List<ProducerStateModel.ModelBatch> all = producer.batches;
                ProducerStateModel.ModelBatch old = all.get(Math.max(0, all.size() - 1 - random.nextInt(7)));
                return data(producerId, epoch, old.firstSequence(), (int) (old.lastOffset() - old.firstOffset()) + 1,
                    inTxn);
            } else if (dice < 57) {
                action = "gap";
                return data(producerId, epoch, (int) ((next + 1L + random.nextInt(5)) % (Integer.MAX_VALUE + 1L)),
                    count, inTxn);
            } else if (dice < 62) {
                action = "staleEpoch";
                return data(producerId, Math.max(0, epoch - 1), next, count, inTxn);
            } else if (dice < 69) {
                action = "bumpEpoch";
                return data(producerId, epoch + 1, random.nextInt(5) == 0 ? 1 + random.nextInt(9) : 0, count, false);
            }
            action = "marker";
            int markerEpoch = Math.max(0, epoch + (random.nextInt(5) == 0 ? 1 : 0) - (random.nextInt(8) == 0 ? 1 : 0));
            MarkerType type = random.nextBoolean() ? MarkerType.COMMIT : MarkerType.ABORT;
            return Batches.marker(producerId, markerEpoch, type, logEndOffset(), random.nextInt(10),
                time.milliseconds());
        }

        private int nextSequence(ProducerStateModel.ModelProducer producer) {
            if (producer == null || producer.batches.isEmpty()) {
                if (producer != null) {
                    return 0;
                }
                return random.nextBoolean() ? random.nextInt(100) : Integer.MAX_VALUE - random.nextInt(20);
            }
            int last = producer.batches.get(producer.batches.size() - 1).lastSequence();
            return last == Integer.MAX_VALUE ? 0 : last + 1;
        }

        private BatchInfo data(long producerId, int epoch, int baseSequence, int count, boolean transactional) {
            return Batches.data(producerId, epoch, baseSequence, count, logEndOffset(), time.milliseconds(),
                transactional);
        }

        private void expire() {
            action = "expire";
            time.advance(random.nextInt((int) (EXPIRATION_MS * 3 / 2)));
            long nowMs = time.milliseconds();
            assertThat(table.removeExpiredProducers(nowMs)).as(where()).isEqualTo(model.removeExpired(nowMs));
        }

        private void snapshot() {
            action = "snapshot";
            long offset = logEndOffset();
            table.takeSnapshot(dir, offset);
            model.takeSnapshot(offset);
        }

        private void truncate() {
            int keep = random.nextInt(log.size() + 1);
            long newEnd = keep == log.size() ? logEndOffset() : log.get(keep).firstOffset();
            action = "truncate(to=" + newEnd + ")";
            List<BatchInfo> kept = new ArrayList<>(log.subList(0, keep));
            log.clear();
            log.addAll(kept);
            long replayFrom = table.truncateAndReload(dir, 0, newEnd);
            assertThat(replayFrom).as(where() + " replayFrom").isEqualTo(model.truncateAndReload(newEnd,
                time.milliseconds()));
            for (BatchInfo batch : log) {
                if (batch.firstOffset() >= replayFrom) {
                    assertThat(table.update(batch)).as(where() + " replay").isEqualTo(model.apply(batch));
                }
            }
        }

        private void checkInvariants() {
            assertThat(table.activeProducers()).as(where() + " activeProducers").isEqualTo(model.entries());
            assertThat(table.firstUnstableOffset()).as(where() + " firstUnstableOffset")
                .isEqualTo(model.firstUnstableOffset());
            assertThat(table.mapEndOffset()).as(where() + " mapEndOffset").isEqualTo(logEndOffset());
            assertThat(ProducerStateSnapshot.listSnapshots(dir)).as(where() + " snapshots")
                .containsExactlyElementsOf(model.snapshots.keySet());
        }
    }
}
