package dev.millrace.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model-based test of {@link OffsetIndex}: random sequences of appends (valid and invalid), bulk
 * appends past the warm section, lookups, truncations, resizes, trims, resets and close/reopen
 * cycles are applied both to the index and to a {@link TreeMap} of offset to position, and the two
 * must agree after every step.
 *
 * <p>Seed: system property {@code millrace.seed}, else a fixed default; every assertion message
 * starts with it, the run and the step.
 */
class OffsetIndexModelTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x0FF5E7L);
    private static final int RUNS = 40;
    private static final int STEPS = 400;

    @TempDir
    Path dir;

    @Test
    void shouldAgreeWithSortedMapModelUnderRandomOperations() throws IOException {
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            long base = random.nextBoolean() ? 0L : random.nextInt(1 << 30) * 1_000L;
            int maxIndexSize = random.nextInt(4) == 0 ? 3_000 * OffsetIndex.ENTRY_SIZE : 8 + random.nextInt(400);
            new Run(dir.resolve(run + ".index"), base, maxIndexSize, random, run).execute();
        }
    }

    /** One random run: the index, its model, and the operations. */
    private static final class Run {
        private final Path file;
        private final long base;
        private final int maxIndexSize;
        private final Random random;
        private final int run;
        private final TreeMap<Long, Integer> model = new TreeMap<>();
        private OffsetIndex index;
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
            index = new OffsetIndex(file, base, maxIndexSize);
            capacity = maxIndexSize / OffsetIndex.ENTRY_SIZE;
            for (int step = 0; step < STEPS; step++) {
                int op = random.nextInt(100);
                context = "seed=" + SEED + " run=" + run + " step=" + step + " op=" + op + " base=" + base
                        + " maxIndexSize=" + maxIndexSize;
                apply(op);
                checkSummary();
                if (step % 50 == 49) {
                    checkAllEntries();
                }
            }
            checkAllEntries();
            index.deleteIfExists();
        }

        private void apply(int op) throws IOException {
            if (op < 40) {
                appendValid();
            } else if (op < 44) {
                appendBulk();
            } else if (op < 50) {
                appendInvalid();
            } else if (op < 72) {
                lookup();
            } else if (op < 80) {
                truncateTo();
            } else if (op < 81) {
                index.truncate();
                model.clear();
            } else if (op < 86) {
                reopen();
            } else if (op < 91) {
                resize();
            } else if (op < 93) {
                index.trimToValidSize();
                capacity = model.size();
            } else if (op < 94) {
                index.reset();
                model.clear();
                capacity = maxIndexSize / OffsetIndex.ENTRY_SIZE;
            } else {
                checkEntry();
            }
        }

        private long lastOffset() {
            return model.isEmpty() ? base : model.lastKey();
        }

        private int lastPosition() {
            return model.isEmpty() ? 0 : model.lastEntry().getValue();
        }

        private void appendValid() {
            long offset = model.isEmpty() && random.nextInt(4) == 0 ? base : lastOffset() + 1 + random.nextInt(50);
            int position = lastPosition() + random.nextInt(5_000);
            if (model.size() >= capacity) {
                assertThatThrownBy(() -> index.append(offset, position)).as(context)
                        .isInstanceOf(IllegalStateException.class);
                return;
            }
            index.append(offset, position);
            model.put(offset, position);
        }

        private void appendBulk() {
            int count = Math.min(capacity - model.size(), 1 + random.nextInt(1_500));
            for (int i = 0; i < count; i++) {
                long offset = lastOffset() + 1 + random.nextInt(3);
                int position = lastPosition() + random.nextInt(100);
                index.append(offset, position);
                model.put(offset, position);
            }
        }

        private void appendInvalid() {
            int kind = random.nextInt(3);
            if (kind == 0 && !model.isEmpty() && model.size() < capacity) {
                long offset = lastOffset() - random.nextInt(3);
                assertThatThrownBy(() -> index.append(offset, lastPosition())).as(context)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offsets must increase");
            } else if (kind == 1 && model.size() < capacity) {
                long offset = base - 1 - random.nextInt(10);
                assertThatThrownBy(() -> index.append(offset, lastPosition())).as(context)
                        .isInstanceOf(model.isEmpty() ? IndexOffsetOverflowException.class
                                : IllegalArgumentException.class);
            } else if (model.size() < capacity) {
                long offset = base + Integer.MAX_VALUE + 1L + random.nextInt(10);
                assertThatThrownBy(() -> index.append(offset, lastPosition())).as(context)
                        .isInstanceOf(IndexOffsetOverflowException.class);
            }
        }

        private void lookup() {
            long target = base - 3 + (long) (random.nextDouble() * (lastOffset() - base + 10));
            Map.Entry<Long, Integer> floor = model.floorEntry(target);
            OffsetPosition expected = floor == null ? new OffsetPosition(base, 0)
                    : new OffsetPosition(floor.getKey(), floor.getValue());
            assertThat(index.lookup(target)).as(context + " target=" + target).isEqualTo(expected);
        }

        private void truncateTo() {
            long target = base - 2 + (long) (random.nextDouble() * (lastOffset() - base + 6));
            index.truncateTo(target);
            model.tailMap(target, true).clear();
        }

        private void reopen() throws IOException {
            index.close();
            assertThat(Files.size(file)).as(context).isEqualTo((long) model.size() * OffsetIndex.ENTRY_SIZE);
            index = new OffsetIndex(file, base, maxIndexSize);
            capacity = model.size();
            assertThat(index.isFull()).as(context).isTrue();
            index.sanityCheck();
            if (random.nextInt(4) != 0 && model.size() * OffsetIndex.ENTRY_SIZE <= maxIndexSize) {
                index.resize(maxIndexSize);
                capacity = maxIndexSize / OffsetIndex.ENTRY_SIZE;
            }
        }

        private void resize() {
            int used = model.size() * OffsetIndex.ENTRY_SIZE;
            int newSize = used + random.nextInt(maxIndexSize + 1);
            boolean changed = index.resize(newSize);
            int newCapacity = newSize / OffsetIndex.ENTRY_SIZE;
            assertThat(changed).as(context + " newSize=" + newSize).isEqualTo(newCapacity != capacity);
            capacity = newCapacity;
        }

        private void checkEntry() {
            if (model.isEmpty()) {
                assertThatThrownBy(() -> index.entry(0)).as(context).isInstanceOf(IllegalArgumentException.class);
                return;
            }
            int slot = random.nextInt(model.size());
            Long offset = model.keySet().stream().skip(slot).findFirst().orElseThrow();
            assertThat(index.entry(slot)).as(context + " slot=" + slot)
                    .isEqualTo(new OffsetPosition(offset, model.get(offset)));
        }

        private void checkSummary() {
            assertThat(index.entries()).as(context).isEqualTo(model.size());
            assertThat(index.lastOffset()).as(context).isEqualTo(lastOffset());
            assertThat(index.maxEntries()).as(context).isEqualTo(capacity);
            assertThat(index.isFull()).as(context).isEqualTo(model.size() >= capacity);
            assertThat(index.sizeInBytes()).as(context).isEqualTo(model.size() * OffsetIndex.ENTRY_SIZE);
        }

        private void checkAllEntries() {
            int slot = 0;
            for (Map.Entry<Long, Integer> entry : model.entrySet()) {
                OffsetPosition expected = new OffsetPosition(entry.getKey(), entry.getValue());
                assertThat(index.entry(slot)).as(context + " slot=" + slot).isEqualTo(expected);
                assertThat(index.lookup(entry.getKey())).as(context + " slot=" + slot).isEqualTo(expected);
                slot++;
            }
            index.sanityCheck();
        }
    }
}
