package dev.millrace.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model-based test of {@link TransactionIndex}: random appends (valid and invalid), searches,
 * truncations, resets, renames and close/reopen cycles are applied to the index and to a list of
 * entries, and the two must agree after every step. The expected search result is computed from
 * the list by a straightforward reading of the search rule.
 *
 * <p>Seed: system property {@code millrace.seed}, else a fixed default; every assertion message
 * starts with it, the run and the step.
 */
class TransactionIndexModelTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x7A1DL);
    private static final int RUNS = 40;
    private static final int STEPS = 300;

    @TempDir
    Path dir;

    @Test
    void shouldAgreeWithListModelUnderRandomOperations() throws IOException {
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            long start = random.nextBoolean() ? 0L : random.nextInt(1 << 30) * 1_000L;
            runOnce(dir.resolve(run + ".txnindex"), start, random, run);
        }
    }

    private static void runOnce(Path file, long start, Random random, int run) throws IOException {
        List<AbortedTxn> model = new ArrayList<>();
        TransactionIndex index = new TransactionIndex(file, start);
        for (int step = 0; step < STEPS; step++) {
            int op = random.nextInt(100);
            String context = "seed=" + SEED + " run=" + run + " step=" + step + " op=" + op + " start=" + start;
            long lastOffset = model.isEmpty() ? start - 1 : model.get(model.size() - 1).lastOffset();
            if (op < 45) {
                long last = lastOffset + 1 + random.nextInt(20);
                AbortedTxn txn = new AbortedTxn(random.nextInt(50), last - random.nextInt(40), last,
                        last - random.nextInt(60));
                index.append(txn);
                model.add(txn);
            } else if (op < 50 && !model.isEmpty()) {
                long last = lastOffset - random.nextInt(5);
                TransactionIndex current = index;
                assertThatThrownBy(() -> current.append(new AbortedTxn(1L, last, last, last))).as(context)
                        .isInstanceOf(IllegalArgumentException.class);
            } else if (op < 75) {
                long fetch = start - 50 + (long) (random.nextDouble() * (lastOffset - start + 100));
                long upper = fetch + random.nextInt(80);
                assertThat(index.collectAbortedTxns(fetch, upper)).as(context + " fetch=" + fetch + " upper=" + upper)
                        .isEqualTo(expectedSearch(model, fetch, upper));
            } else if (op < 85) {
                long target = start - 2 + (long) (random.nextDouble() * (lastOffset - start + 6));
                index.truncateTo(target);
                model.removeIf(txn -> txn.lastOffset() >= target);
            } else if (op < 87) {
                index.reset();
                model.clear();
            } else if (op < 95) {
                index.close();
                assertThat(Files.exists(file) ? Files.size(file) : 0L).as(context)
                        .isEqualTo((long) model.size() * AbortedTxn.SIZE);
                index = new TransactionIndex(file, start);
                index.sanityCheck();
            } else {
                Path moved = file.resolveSibling(file.getFileName() + ".moved");
                index.renameTo(moved);
                index.renameTo(file);
            }
            assertThat(index.sizeInBytes()).as(context).isEqualTo((long) model.size() * AbortedTxn.SIZE);
            if (step % 25 == 24) {
                assertThat(index.allAbortedTxns()).as(context).isEqualTo(model);
                index.sanityCheck();
            }
        }
        assertThat(index.allAbortedTxns()).isEqualTo(model);
        index.deleteIfExists();
    }

    /** The search rule, read literally: keep overlapping entries, stop after the first LSO at or past the bound. */
    private static TxnIndexSearchResult expectedSearch(List<AbortedTxn> model, long fetch, long upper) {
        List<AbortedTxn> overlapping = new ArrayList<>();
        for (AbortedTxn txn : model) {
            if (txn.lastOffset() >= fetch && txn.firstOffset() < upper) {
                overlapping.add(txn);
            }
            if (txn.lastStableOffset() >= upper) {
                return new TxnIndexSearchResult(overlapping, true);
            }
        }
        return new TxnIndexSearchResult(overlapping, false);
    }
}
