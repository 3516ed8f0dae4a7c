package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.state.internals.StoreCrashHarness.ChangelogFile;
import dev.millrace.streams.state.internals.StoreCrashHarness.Context;
import dev.millrace.streams.state.internals.StoreCrashHarness.Handle;
import dev.millrace.streams.state.internals.StoreCrashHarness.Scenario;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Child process of {@link StoreCrashTest}: opens the scenario's store (RocksDB, exactly-once, logging on) in
 * {@code args[0]}, restores the changelog tail past the store's committed offset through its restore callback, then
 * loops forever over seeded batches of writes. A kept batch flushes the caching layer, appends the buffered
 * changelog records to the changelog file with an fsync, then (three times in four) commits the store at the new
 * end offset; otherwise the store commit waits for a later batch, so that the store's offset lags the changelog and
 * kills leave a tail to restore. About one batch in five is aborted instead: its changelog records are dropped, the
 * store is closed dirty (cache cleared, no commit) and reopened, which is how the runtime abandons a task's
 * transaction, and the changelog past the store's offset is restored again. Prints {@code READY}, then
 * {@code COMMITTED <offset>} after each store commit returns, {@code APPENDED <offset>} and
 * {@code ABORTED <batch>}; on a violated expectation prints {@code ERROR <facts>} and exits 1.
 */
final class StoreCrashWriterMain {
    private static final int KV_KEY_ALPHABET = 7;
    private static final byte[] KEY_BYTES = {0x00, 0x01, 0x41, 0x61, 0x7F, (byte) 0x80, (byte) 0xFF};
    private static final int WINDOW_KEYS = 30;

    private final Scenario scenario;
    private final Context context;
    private final ChangelogFile log;
    private final Random random;
    private Handle store;
    private long committed;
    private long clock;

    private StoreCrashWriterMain(Scenario scenario, Path dir, long seed) {
        this.scenario = scenario;
        this.context = new Context(dir);
        this.log = ChangelogFile.openForAppend(dir.resolve(StoreCrashHarness.LOG_FILE));
        this.random = new Random(seed);
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dir = Path.of(args[0]);
        Scenario scenario = Scenario.valueOf(args[1]);
        long seed = Long.parseLong(args[2]);
        try {
            new StoreCrashWriterMain(scenario, dir, seed).run(out);
        } catch (RuntimeException | AssertionError e) {
            StringBuilder where = new StringBuilder();
            for (StackTraceElement frame : e.getStackTrace()) {
                where.append(" at=").append(frame);
            }
            out.println("ERROR " + e + where);
            System.exit(1);
        }
    }

    private void run(PrintStream out) {
        List<KeyValue<byte[], byte[]>> records = ChangelogFile.read(
                context.stateDir().toPath().resolve(StoreCrashHarness.LOG_FILE));
        if (records.size() != log.records()) {
            throw new IllegalStateException("reason=logChangedUnderWriter read=" + records.size()
                    + " append=" + log.records());
        }
        for (KeyValue<byte[], byte[]> record : records) {
            if (scenario == Scenario.WINDOW) {
                clock = Math.max(clock, StoreCrashHarness.windowStart(record.key));
            }
        }
        store = scenario.open(context);
        committed = store.committedOffset();
        restoreTail(records);
        out.println("READY committed=" + committed + " changelogEnd=" + records.size());
        for (long batch = 0; ; batch++) {
            if (random.nextInt(5) == 0) {
                abortBatch();
                out.println("ABORTED " + batch);
            } else {
                writeBatch(false);
                store.flushCache();
                long end = log.append(context.pending);
                context.pending.clear();
                if (random.nextInt(4) == 0) {
                    out.println("APPENDED " + end);
                } else {
                    store.root().commit(Map.of(StoreCrashHarness.CHANGELOG, end));
                    committed = end;
                    out.println("COMMITTED " + end);
                }
            }
        }
    }

    private void abortBatch() {
        writeBatch(true);
        context.pending.clear();
        store.clearCache();
        store.root().close();
        store = scenario.open(context);
        long reopened = store.committedOffset();
        if (reopened != committed) {
            throw new IllegalStateException("reason=abortChangedCommittedOffset committed=" + committed
                    + " reopened=" + reopened);
        }
        expectNothingLogged("reopen");
        if (committed < log.records()) {
            restoreTail(ChangelogFile.read(context.stateDir().toPath().resolve(StoreCrashHarness.LOG_FILE)));
        }
    }

    /**
     * Restores the changelog past the store's committed offset, as the runtime does after every (re)open: the
     * restored records stay uncommitted (exactly-once) until the next commit, so a dirty close drops them too.
     */
    private void restoreTail(List<KeyValue<byte[], byte[]>> records) {
        if (committed > records.size()) {
            throw new IllegalStateException("reason=offsetBeyondChangelog committed=" + committed
                    + " changelogEnd=" + records.size());
        }
        StoreCrashHarness.restore(context, store.root(), records.subList((int) committed, records.size()), random);
        expectNothingLogged("restore");
    }

    private void expectNothingLogged(String phase) {
        if (!context.pending.isEmpty()) {
            throw new IllegalStateException("reason=changelogWrittenDuring phase=" + phase
                    + " records=" + context.pending.size());
        }
    }

    private void writeBatch(boolean aborted) {
        if (scenario == Scenario.WINDOW) {
            writeWindowBatch(aborted);
        } else {
            writeKeyValueBatch(aborted);
        }
    }

    private void writeKeyValueBatch(boolean aborted) {
        int ops = 1 + random.nextInt(40);
        for (int i = 0; i < ops; i++) {
            int op = random.nextInt(20);
            Bytes key = keyValueKey();
            if (op < 12) {
                store.keyValue().put(key, value());
            } else if (op < 15) {
                store.keyValue().delete(key);
            } else if (op < 17) {
                store.keyValue().putIfAbsent(key, value());
            } else {
                List<KeyValue<Bytes, byte[]>> entries = new ArrayList<>();
                int size = 1 + random.nextInt(5);
                for (int e = 0; e < size; e++) {
                    entries.add(new KeyValue<>(keyValueKey(), random.nextInt(6) == 0 ? null : value()));
                }
                store.keyValue().putAll(entries);
            }
        }
        if (aborted) {
            store.keyValue().put(Bytes.wrap("aborted".getBytes(StandardCharsets.UTF_8)), value());
        }
    }

    private Bytes keyValueKey() {
        byte[] key = new byte[1 + random.nextInt(3)];
        for (int i = 0; i < key.length; i++) {
            key[i] = KEY_BYTES[random.nextInt(KV_KEY_ALPHABET)];
        }
        return Bytes.wrap(key);
    }

    private byte[] value() {
        byte[] value = new byte[random.nextInt(10) == 0 ? 500 + random.nextInt(1500) : 1 + random.nextInt(40)];
        random.nextBytes(value);
        return value;
    }

    /**
     * Window writes around an advancing clock: most starts lie within retention, some behind it (dropped or
     * invisible); about one in six is a tombstone. An aborted batch may also write far in the future, which would
     * expire every live segment if it were committed.
     */
    private void writeWindowBatch(boolean aborted) {
        long batchClock = clock + random.nextInt(4000);
        int ops = 1 + random.nextInt(30);
        for (int i = 0; i < ops; i++) {
            Bytes key = Bytes.wrap(("w" + random.nextInt(WINDOW_KEYS)).getBytes(StandardCharsets.UTF_8));
            long start = Math.max(0, batchClock - random.nextInt((int) (StoreCrashHarness.RETENTION_MS * 5 / 4)));
            store.window().put(key, random.nextInt(6) == 0 ? null : value(), start);
        }
        if (aborted) {
            if (random.nextBoolean()) {
                store.window().put(Bytes.wrap("aborted".getBytes(StandardCharsets.UTF_8)), value(),
                        batchClock + 3 * StoreCrashHarness.RETENTION_MS);
            }
        } else {
            clock = batchClock;
        }
    }
}
