package dev.millrace.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model-based test of {@link TimeIndex}: random offers of (timestamp, offset) pairs, some of which
 * must be ignored or rejected, lookups, truncations, resizes and close/reopen cycles are applied to
 * the index and to a model (a list of entries plus a {@link TreeMap} from timestamp to entry), and
 * the two must agree after every step.
 *
 * <p>Seed: system property {@code millrace.seed}, else a fixed default; every assertion message
 * starts with it, the run and the step.
 */
class TimeIndexModelTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x71DE7L);
    private static final int RUNS = 40;
    private static final int STEPS = 400;

    @TempDir
    Path dir;

    @Test
    void shouldAgreeWithModelUnderRandomOperations() throws IOException {
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            long base = random.nextBoolean() ? 0L : random.nextInt(1 << 30) * 1_000L;
            int maxIndexSize = random.nextInt(4) == 0 ? 2_000 * TimeIndex.ENTRY_SIZE : 12 + random.nextInt(600);
            new Run(dir.resolve(run + ".timeindex"), base, maxIndexSize, random, run).execute();
        }
    }

    /** One random run: the index, its model, and the operations. */
    private static final class Run {
        private final Path file;
        private final long base;
        private final int maxIndexSize;
        private final Random random;
        private final int run;
        private final List<TimestampOffset> model = new ArrayList<>();
        private final TreeMap<Long, TimestampOffset> byTimestamp = new TreeMap<>();
        private TimeIndex index;
        private int capacity;
        private String context;

        Run(Path file, long base, int maxIndexSize, Random random, int run) {
            this.file = file;
            this.base = base;
            this.maxIndexSize = maxIndexSize;
            this.random = random;
            this.run = run;
        }

        void execute() throws IOException {
            index = new TimeIndex(file, base, maxIndexSize);
            capacity = maxIndexSize / TimeIndex.ENTRY_SIZE;
            for (int step = 0; step < STEPS; step++) {
                int op = random.nextInt(100);
                context = "seed=" + SEED + " run=" + run + " step=" + step + " op=" + op + " base=" + base
                        + " maxIndexSize=" + maxIndexSize;
                if (op < 45) {
                    offer(1 + random.nextInt(3));
                } else if (op < 48) {
                    offer(1 + random.nextInt(1_500));
                } else if (op < 72) {
                    lookup();
                } else if (op < 82) {
                    truncateTo();
                } else if (op < 88) {
                    reopen();
                } else if (op < 93) {
                    resize();
                } else {
                    index.trimToValidSize();
                    capacity = model.size();
                }
                checkSummary();
                if (step % 50 == 49) {
                    checkAllEntries();
                }
            }
            checkAllEntries();
            index.deleteIfExists();
        }

        private TimestampOffset last() {
            return model.isEmpty() ? new TimestampOffset(TimeIndex.NO_TIMESTAMP, base) : model.get(model.size() - 1);
        }

        /** Offers {@code count} random pairs, predicting for each whether it is stored, ignored or rejected. */
        private void offer(int count) {
            for (int i = 0; i < count; i++) {
                TimestampOffset last = last();
                long timestamp = last.timestamp() + random.nextInt(12) - 2;
                long offset = Math.max(base, last.offset() + random.nextInt(6) - (count == 1 ? 1 : 0));
                boolean skipFullCheck = random.nextInt(10) == 0;
                String facts = context + " i=" + i + " timestamp=" + timestamp + " offset=" + offset;
                if (!model.isEmpty() && (offset < last.offset() || timestamp < last.timestamp())) {
                    assertThatThrownBy(() -> index.maybeAppend(timestamp, offset, skipFullCheck)).as(facts)
                            .isInstanceOf(IllegalArgumentException.class);
                } else if (timestamp <= last.timestamp()) {
                    index.maybeAppend(timestamp, offset, skipFullCheck);
                } else if (model.size() >= capacity - (skipFullCheck ? 0 : 1)) {
                    assertThatThrownBy(() -> index.maybeAppend(timestamp, offset, skipFullCheck)).as(facts)
                            .isInstanceOf(IllegalStateException.class);
                    return;
                } else {
                    index.maybeAppend(timestamp, offset, skipFullCheck);
                    TimestampOffset entry = new TimestampOffset(timestamp, offset);
                    model.add(entry);
                    byTimestamp.put(timestamp, entry);
                }
            }
        }

        private void lookup() {
            long target = -3 + (long) (random.nextDouble() * (last().timestamp() + 10));
            Map.Entry<Long, TimestampOffset> floor = byTimestamp.floorEntry(target);
            TimestampOffset expected = floor == null ? new TimestampOffset(TimeIndex.NO_TIMESTAMP, base)
                    : floor.getValue();
            assertThat(index.lookup(target)).as(context + " target=" + target).isEqualTo(expected);
        }

        private void truncateTo() {
            long target = base - 2 + (long) (random.nextDouble() * (last().offset() - base + 6));
            index.truncateTo(target);
            while (!model.isEmpty() && last().offset() >= target) {
                byTimestamp.remove(model.remove(model.size() - 1).timestamp());
            }
        }

        private void reopen() throws IOException {
            index.close();
            assertThat(Files.size(file)).as(context).isEqualTo((long) model.size() * TimeIndex.ENTRY_SIZE);
            index = new TimeIndex(file, base, maxIndexSize);
            capacity = model.size();
            index.sanityCheck();
            if (random.nextInt(4) != 0 && model.size() * TimeIndex.ENTRY_SIZE <= maxIndexSize) {
                index.resize(maxIndexSize);
                capacity = maxIndexSize / TimeIndex.ENTRY_SIZE;
            }
        }

        private void resize() {
            int newSize = model.size() * TimeIndex.ENTRY_SIZE + random.nextInt(maxIndexSize + 1);
            boolean changed = index.resize(newSize);
            int newCapacity = newSize / TimeIndex.ENTRY_SIZE;
            assertThat(changed).as(context + " newSize=" + newSize).isEqualTo(newCapacity != capacity);
            capacity = newCapacity;
        }

        private void checkSummary() {
            assertThat(index.entries()).as(context).isEqualTo(model.size());
            assertThat(index.lastEntry()).as(context).isEqualTo(last());
            assertThat(index.maxEntries()).as(context).isEqualTo(capacity);
            assertThat(index.isFull()).as(context).isEqualTo(model.size() >= capacity - 1);
        }

        private void checkAllEntries() {
            for (int slot = 0; slot < model.size(); slot++) {
                TimestampOffset expected = model.get(slot);
                assertThat(index.entry(slot)).as(context + " slot=" + slot).isEqualTo(expected);
                assertThat(index.lookup(expected.timestamp())).as(context + " slot=" + slot).isEqualTo(expected);
            }
            index.sanityCheck();
        }
    }
}
