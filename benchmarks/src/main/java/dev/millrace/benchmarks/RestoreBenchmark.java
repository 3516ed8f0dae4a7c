package dev.millrace.benchmarks;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.processor.BatchingStateRestoreCallback;
import dev.millrace.streams.processor.StateRestoreCallback;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.Stores;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.internals.RecordBatchingStateRestoreCallback;

/**
 * Restores a changelog into an empty RocksDB key-value store, ours and Kafka Streams', in the same run, through
 * the restore callback each store registers in {@code init}, fed batches as the runtime feeds them: ours a
 * {@link BatchingStateRestoreCallback} with key-value pairs, Kafka's a {@code RecordBatchingStateRestoreCallback}
 * with {@code ConsumerRecord}s (what its restore consumer hands over). Not JMH: one restore is a long single shot
 * that is dominated by RocksDB's writes.
 *
 * <p>Records are a pure function of their index (16-byte unique keys in random order, 84-byte values, see
 * {@link StoreData}); 10,000,000 of them make 1 GB of changelog payload. Each batch is generated and converted to
 * the side's record type outside the clock; the clock covers the callback calls plus the {@code commit} of the
 * restored offset that ends a restore in the runtime (neither side flushes memtables there, both write-ahead
 * logs being off; ours first ingests the restored records it still buffers as a table file). Reported
 * separately: the first regular write after the restore (our store leaves bulk-load mode on that write; its
 * compaction runs in the background) and the close (both flush their memtables there). A few keys are read back
 * on both sides to check the restore. State directories are deleted after each store closes.
 *
 * <p>Usage: {@code RestoreBenchmark [--records=N | --quick] [--batch=N] [--rounds=N] [--dir=PATH]}; defaults:
 * 10,000,000 records ({@code --quick}: 1,000,000; env {@code MILLRACE_RESTORE_RECORDS} also sets the count), batches
 * of 1,000 records (Kafka Streams' default {@code max.poll.records} of its restore consumer), one round (a round
 * restores both sides; odd rounds run Kafka first), state under the system temporary directory. Results are in
 * {@code benchmarks/RESULTS.md}.
 */
public final class RestoreBenchmark {
    static final int KEY_BYTES = 16;
    static final int VALUE_BYTES = 84;
    static final long FULL_RECORDS = 10_000_000L;
    static final long QUICK_RECORDS = 1_000_000L;
    private static final String STORE = "restore";
    private static final String TOPIC = "storebench-restore-changelog";

    private RestoreBenchmark() {
    }

    /** The run's settings. */
    record Settings(long records, int batch, int rounds, Path parent) {
        static Settings parse(String[] args) {
            String env = System.getenv("MILLRACE_RESTORE_RECORDS");
            long records = env == null || env.isBlank() ? FULL_RECORDS : Long.parseLong(env.trim());
            int batch = 1000;
            int rounds = 1;
            Path parent = null;
            for (String arg : args) {
                if ("--quick".equals(arg)) {
                    records = QUICK_RECORDS;
                } else if (arg.startsWith("--records=")) {
                    records = Long.parseLong(arg.substring("--records=".length()));
                } else if (arg.startsWith("--batch=")) {
                    batch = Integer.parseInt(arg.substring("--batch=".length()));
                } else if (arg.startsWith("--rounds=")) {
                    rounds = Integer.parseInt(arg.substring("--rounds=".length()));
                } else if (arg.startsWith("--dir=")) {
                    parent = Path.of(arg.substring("--dir=".length()));
                } else {
                    throw new IllegalArgumentException("reason=unknownArgument arg=" + arg);
                }
            }
            if (records < 1 || batch < 1 || rounds < 1) {
                throw new IllegalArgumentException("reason=nonPositiveSetting records=" + records + " batch=" + batch
                        + " rounds=" + rounds);
            }
            return new Settings(records, batch, rounds, parent);
        }
    }

    /** What one restore measured. */
    record Result(String side, long records, long restoreNanos, long commitNanos, long firstWriteNanos,
                  long closeNanos, long dbBytes) {
        double seconds() {
            return (restoreNanos + commitNanos) / 1e9;
        }

        double recordsPerSecond() {
            return records / seconds();
        }

        double megabytesPerSecond() {
            return records * (double) (KEY_BYTES + VALUE_BYTES) / seconds() / 1e6;
        }
    }

    /**
     * Runs the benchmark and prints one line per restore and the ratios to standard output.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) {
        Settings settings = Settings.parse(args);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "records=%d batch=%d rounds=%d payloadMB=%.0f%n", settings.records(),
                settings.batch(), settings.rounds(), settings.records() * (double) (KEY_BYTES + VALUE_BYTES) / 1e6);
        List<Result> ours = new ArrayList<>();
        List<Result> kafka = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            boolean kafkaFirst = round % 2 == 1;
            for (int step = 0; step < 2; step++) {
                boolean runKafka = (step == 0) == kafkaFirst;
                Result result = runKafka ? restore(new KafkaSide(settings.parent()), settings)
                        : restore(new MillraceSide(settings.parent()), settings);
                (runKafka ? kafka : ours).add(result);
                out.printf(Locale.ROOT, "round=%d side=%s records/s=%.0f MB/s=%.1f restoreS=%.2f commitS=%.3f"
                                + " firstWriteS=%.3f closeS=%.2f dbMB=%.0f%n", round, result.side(),
                        result.recordsPerSecond(), result.megabytesPerSecond(), result.restoreNanos() / 1e9,
                        result.commitNanos() / 1e9, result.firstWriteNanos() / 1e9, result.closeNanos() / 1e9,
                        result.dbBytes() / 1e6);
            }
        }
        double oursBest = ours.stream().mapToDouble(Result::recordsPerSecond).max().orElseThrow();
        double kafkaBest = kafka.stream().mapToDouble(Result::recordsPerSecond).max().orElseThrow();
        out.printf(Locale.ROOT, "best records/s: millrace=%.0f kafka=%.0f ratio=%.2fx%n", oursBest, kafkaBest,
                oursBest / kafkaBest);
    }

    /** Restores {@code settings.records()} records into a fresh store of one side and closes it. */
    static <B> Result restore(StoreRestoreSide<B> side, Settings settings) {
        try {
            long restoreNanos = 0;
            for (long first = 0; first < settings.records(); first += settings.batch()) {
                int size = (int) Math.min(settings.batch(), settings.records() - first);
                B batch = side.batch(first, keys(first, size), values(first, size));
                long start = System.nanoTime();
                side.apply(batch);
                restoreNanos += System.nanoTime() - start;
            }
            long commitStart = System.nanoTime();
            side.commit(settings.records() - 1);
            long commitNanos = System.nanoTime() - commitStart;
            verify(side, settings.records());
            byte[] extraKey = new byte[KEY_BYTES];
            Arrays.fill(extraKey, (byte) 0xFF);
            long writeStart = System.nanoTime();
            side.put(extraKey, new byte[VALUE_BYTES]);
            long firstWriteNanos = System.nanoTime() - writeStart;
            long closeStart = System.nanoTime();
            side.close();
            long closeNanos = System.nanoTime() - closeStart;
            return new Result(side.name(), settings.records(), restoreNanos, commitNanos, firstWriteNanos, closeNanos,
                    StoreData.sizeOf(side.dir()));
        } finally {
            side.close();
            StoreData.deleteRecursively(side.dir());
        }
    }

    private static void verify(StoreRestoreSide<?> side, long records) {
        for (long index : new long[] {0, records / 2, records - 1}) {
            byte[] key = new byte[KEY_BYTES];
            byte[] expected = new byte[VALUE_BYTES];
            StoreData.changelogKey(index, key);
            StoreData.changelogValue(index, expected);
            if (!Arrays.equals(expected, side.get(key))) {
                throw new IllegalStateException("reason=restoredValueDiffers side=" + side.name() + " index=" + index);
            }
        }
    }

    private static byte[][] keys(long first, int size) {
        byte[][] keys = new byte[size][KEY_BYTES];
        for (int i = 0; i < size; i++) {
            StoreData.changelogKey(first + i, keys[i]);
        }
        return keys;
    }

    private static byte[][] values(long first, int size) {
        byte[][] values = new byte[size][VALUE_BYTES];
        for (int i = 0; i < size; i++) {
            StoreData.changelogValue(first + i, values[i]);
        }
        return values;
    }

    /** Our RocksDB store, restored through the batching callback it registers. */
    static final class MillraceSide implements StoreRestoreSide<List<KeyValue<byte[], byte[]>>> {
        private final Path dir;
        private final KeyValueStore<Bytes, byte[]> store;
        private final BatchingStateRestoreCallback callback;

        MillraceSide(Path parent) {
            dir = StoreData.createStateDir("storebench-restore-ours-", parent);
            store = Stores.persistentKeyValueStore(STORE).get();
            Map<String, StateRestoreCallback> registered = new HashMap<>();
            store.init(StoreContexts.millrace(dir.toFile(), registered), store);
            if (!(registered.get(STORE) instanceof BatchingStateRestoreCallback batching)) {
                throw new IllegalStateException("reason=noBatchingRestoreCallback side=millrace callback="
                        + registered.get(STORE));
            }
            callback = batching;
        }

        @Override
        public String name() {
            return "millrace";
        }

        @Override
        public Path dir() {
            return dir;
        }

        @Override
        public List<KeyValue<byte[], byte[]>> batch(long firstOffset, byte[][] keys, byte[][] values) {
            List<KeyValue<byte[], byte[]>> batch = new ArrayList<>(keys.length);
            for (int i = 0; i < keys.length; i++) {
                batch.add(KeyValue.pair(keys[i], values[i]));
            }
            return batch;
        }

        @Override
        public void apply(List<KeyValue<byte[], byte[]>> batch) {
            callback.restoreAll(batch);
        }

        @Override
        public void commit(long lastOffset) {
            store.commit(Map.of(new dev.millrace.common.TopicPartition(TOPIC, 0), lastOffset));
        }

        @Override
        public byte[] get(byte[] key) {
            return store.get(Bytes.wrap(key));
        }

        @Override
        public void put(byte[] key, byte[] value) {
            store.put(Bytes.wrap(key), value);
        }

        @Override
        public void close() {
            store.close();
        }
    }

    /** Kafka Streams' RocksDB store, restored through the record-batching callback it registers. */
    static final class KafkaSide implements StoreRestoreSide<List<ConsumerRecord<byte[], byte[]>>> {
        private final Path dir;
        private final org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> store;
        private final RecordBatchingStateRestoreCallback callback;

        KafkaSide(Path parent) {
            dir = StoreData.createStateDir("storebench-restore-kafka-", parent);
            store = org.apache.kafka.streams.state.Stores.persistentKeyValueStore(STORE).get();
            Map<String, org.apache.kafka.streams.processor.StateRestoreCallback> registered = new HashMap<>();
            store.init(StoreContexts.kafka(dir.toFile(), registered), store);
            if (!(registered.get(STORE) instanceof RecordBatchingStateRestoreCallback batching)) {
                throw new IllegalStateException("reason=noRecordBatchingRestoreCallback side=kafka callback="
                        + registered.get(STORE));
            }
            callback = batching;
        }

        @Override
        public String name() {
            return "kafka";
        }

        @Override
        public Path dir() {
            return dir;
        }

        @Override
        public List<ConsumerRecord<byte[], byte[]>> batch(long firstOffset, byte[][] keys, byte[][] values) {
            List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(keys.length);
            for (int i = 0; i < keys.length; i++) {
                batch.add(new ConsumerRecord<>(TOPIC, 0, firstOffset + i, keys[i], values[i]));
            }
            return batch;
        }

        @Override
        public void apply(List<ConsumerRecord<byte[], byte[]>> batch) {
            callback.restoreBatch(batch);
        }

        @Override
        public void commit(long lastOffset) {
            store.commit(Map.of(new org.apache.kafka.common.TopicPartition(TOPIC, 0), lastOffset));
        }

        @Override
        public byte[] get(byte[] key) {
            return store.get(org.apache.kafka.common.utils.Bytes.wrap(key));
        }

        @Override
        public void put(byte[] key, byte[] value) {
            store.put(org.apache.kafka.common.utils.Bytes.wrap(key), value);
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
