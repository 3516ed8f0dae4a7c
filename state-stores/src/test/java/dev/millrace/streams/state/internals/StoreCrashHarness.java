package dev.millrace.streams.state.internals;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.serialization.Serde;
import dev.millrace.common.serialization.Serdes;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.processor.BatchingStateRestoreCallback;
import dev.millrace.streams.processor.CommitCallback;
import dev.millrace.streams.processor.StateRestoreCallback;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.processor.TaskId;
import dev.millrace.streams.processor.api.RecordMetadata;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.StoreBuilder;
import dev.millrace.streams.state.Stores;
import dev.millrace.streams.state.WindowStore;
import dev.millrace.streams.state.internals.rocksdb.RocksDbEngineConfig;
import dev.millrace.streams.state.internals.rocksdb.SmallMemtables;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Shared by {@link StoreCrashTest} and its child process {@link StoreCrashWriterMain}: the store scenarios (built
 * through {@link Stores} builders with logging on, RocksDB in exactly-once mode), a store context whose changelog
 * sink buffers records until the writer appends them to a {@link ChangelogFile} (the changelog topic: the offset of
 * a record is its index), the model that replays a changelog prefix, and the restore of a changelog range through
 * the callback the store registered. Single-threaded.
 */
final class StoreCrashHarness {
    static final long SEED = Long.getLong("millrace.seed", 0x5C4A5EL);
    static final String APPLICATION_ID = "crash-app";
    static final String STORE = "crash-store";
    static final TopicPartition CHANGELOG = new TopicPartition(APPLICATION_ID + "-" + STORE + "-changelog", 0);
    static final String LOG_FILE = "changelog.log";
    static final long RETENTION_MS = 120_000;
    static final long WINDOW_SIZE_MS = 10_000;
    private static final int WINDOW_SUFFIX = Long.BYTES + Integer.BYTES;

    private StoreCrashHarness() {
    }

    /** The store types written by the child. */
    enum Scenario {
        KEY_VALUE, CACHED_KEY_VALUE, WINDOW;

        boolean cached() {
            return this == CACHED_KEY_VALUE;
        }

        /** Builds (does not init) the store with logging on, as an application would. */
        Handle build() {
            if (this == WINDOW) {
                StoreBuilder<WindowStore<Bytes, byte[]>> builder = Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(STORE, Duration.ofMillis(RETENTION_MS),
                                Duration.ofMillis(WINDOW_SIZE_MS), false), Serdes.Bytes(), Serdes.ByteArray());
                return new Handle(null, builder.build());
            }
            StoreBuilder<KeyValueStore<Bytes, byte[]>> builder = Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(STORE), Serdes.Bytes(), Serdes.ByteArray());
            if (cached()) {
                builder.withCachingEnabled();
            }
            return new Handle(builder.build(), null);
        }

        /** Opens a store over {@code context}: built, initialised and registered. */
        Handle open(Context context) {
            Handle handle = build();
            handle.root().init(context, handle.root());
            return handle;
        }

        /** Replays changelog records {@code [0, upTo)} into a sorted model, rendered as the store renders. */
        List<String> model(List<KeyValue<byte[], byte[]>> records, int upTo) {
            return this == WINDOW ? windowModel(records, upTo) : keyValueModel(records, upTo);
        }
    }

    /** A built store: exactly one of the typed views is set. */
    record Handle(KeyValueStore<Bytes, byte[]> keyValue, WindowStore<Bytes, byte[]> window) {

        StateStore root() {
            return keyValue != null ? keyValue : window;
        }

        /** Flushes the caching layer, if any, so that its writes reach the changelog sink before a commit. */
        void flushCache() {
            CachedStateStore<?, ?> cached = cachingLayer();
            if (cached != null) {
                cached.flushCache();
            }
        }

        /** Drops the caching layer's content, as the runtime does before closing a task dirty. */
        void clearCache() {
            CachedStateStore<?, ?> cached = cachingLayer();
            if (cached != null) {
                cached.clearCache();
            }
        }

        private CachedStateStore<?, ?> cachingLayer() {
            StateStore current = root();
            while (current instanceof WrappedStateStore<?> wrapped) {
                if (current instanceof CachedStateStore<?, ?> cached) {
                    return cached;
                }
                current = wrapped.wrapped();
            }
            return null;
        }

        /** The committed changelog offset, 0 when nothing was committed. */
        long committedOffset() {
            Long offset = root().committedOffset(CHANGELOG);
            return offset == null ? 0 : offset;
        }

        /** The store content in iteration order, rendered like {@link Scenario#model}. */
        List<String> content() {
            List<String> out = new ArrayList<>();
            if (keyValue != null) {
                try (KeyValueIterator<Bytes, byte[]> it = keyValue.all()) {
                    it.forEachRemaining(kv -> out.add(hex(kv.key.get()) + "=" + shortValue(kv.value)));
                }
                return out;
            }
            try (KeyValueIterator<Windowed<Bytes>, byte[]> it = window.all()) {
                it.forEachRemaining(kv -> out.add(hex(kv.key.key().get()) + "@" + kv.key.window().start() + "="
                        + shortValue(kv.value)));
            }
            Collections.sort(out);
            return out;
        }
    }

    private static List<String> keyValueModel(List<KeyValue<byte[], byte[]>> records, int upTo) {
        TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
        for (KeyValue<byte[], byte[]> record : records.subList(0, upTo)) {
            if (record.value == null) {
                model.remove(record.key);
            } else {
                model.put(record.key, record.value);
            }
        }
        List<String> out = new ArrayList<>();
        model.forEach((key, value) -> out.add(hex(key) + "=" + shortValue(value)));
        return out;
    }

    /**
     * The window model: changelog keys are {@code key, start (int64), seqnum (int32)}; every record, tombstones
     * included, advances stream time; windows at or before {@code streamTime - retention} are invisible.
     */
    private static List<String> windowModel(List<KeyValue<byte[], byte[]>> records, int upTo) {
        Map<String, Long> starts = new HashMap<>();
        Map<String, String> values = new HashMap<>();
        long streamTime = -1;
        for (KeyValue<byte[], byte[]> record : records.subList(0, upTo)) {
            long start = windowStart(record.key);
            streamTime = Math.max(streamTime, start);
            String key = hex(Arrays.copyOf(record.key, record.key.length - WINDOW_SUFFIX)) + "@" + start;
            if (record.value == null) {
                values.remove(key);
            } else {
                values.put(key, shortValue(record.value));
                starts.put(key, start);
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (starts.get(entry.getKey()) > streamTime - RETENTION_MS) {
                out.add(entry.getKey() + "=" + entry.getValue());
            }
        }
        Collections.sort(out);
        return out;
    }

    /** The window start of a changelog key of a window store. */
    static long windowStart(byte[] changelogKey) {
        return ByteBuffer.wrap(changelogKey, changelogKey.length - WINDOW_SUFFIX, Long.BYTES).getLong();
    }

    /**
     * Replays changelog records through the restore callback the store registered, in batches of random size,
     * as the runtime's restore does.
     */
    static void restore(Context context, StateStore root, List<KeyValue<byte[], byte[]>> records, Random random) {
        StateRestoreCallback callback = context.callbacks.get(root.name());
        if (callback == null) {
            throw new IllegalStateException("reason=storeNotRegistered store=" + root.name());
        }
        int from = 0;
        while (from < records.size()) {
            int to = Math.min(records.size(), from + 1 + random.nextInt(50));
            List<KeyValue<byte[], byte[]>> batch = records.subList(from, to);
            if (callback instanceof BatchingStateRestoreCallback batching) {
                batching.restoreAll(new ArrayList<>(batch));
            } else {
                batch.forEach(record -> callback.restore(record.key, record.value));
            }
            from = to;
        }
    }

    static String hex(byte[] bytes) {
        return bytes == null ? "null" : HexFormat.of().formatHex(bytes);
    }

    /** A value rendered short: its first bytes, its length and a checksum of all of it. */
    private static String shortValue(byte[] value) {
        if (value == null) {
            return "null";
        }
        CRC32 crc = new CRC32();
        crc.update(value);
        return hex(Arrays.copyOf(value, Math.min(4, value.length))) + "/len=" + value.length
                + "/crc=" + Long.toHexString(crc.getValue());
    }

    /**
     * The differences between a store's rendered content and the model, keyed by rendered key, at most 20, so that
     * failures stay readable; empty when they are equal (including order).
     */
    static List<String> diff(List<String> actual, List<String> expected) {
        Map<String, String> actualByKey = byKey(actual);
        Map<String, String> expectedByKey = byKey(expected);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> entry : expectedByKey.entrySet()) {
            String found = actualByKey.get(entry.getKey());
            if (!entry.getValue().equals(found)) {
                out.add("key=" + entry.getKey() + " expected=" + entry.getValue() + " actual=" + found);
            }
        }
        for (Map.Entry<String, String> entry : actualByKey.entrySet()) {
            if (!expectedByKey.containsKey(entry.getKey())) {
                out.add("key=" + entry.getKey() + " unexpected=" + entry.getValue());
            }
        }
        if (out.isEmpty() && !actual.equals(expected)) {
            out.add("same entries in another order sizes=" + actual.size() + "/" + expected.size());
        }
        out.add(0, "differences=" + out.size() + " actualSize=" + actual.size() + " expectedSize=" + expected.size());
        return out.size() == 1 ? List.of() : out.subList(0, Math.min(out.size(), 21));
    }

    private static Map<String, String> byKey(List<String> rendered) {
        Map<String, String> out = new TreeMap<>();
        for (String line : rendered) {
            int eq = line.indexOf('=');
            out.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return out;
    }

    /**
     * The task context given to the stores: state in {@code stateDir}, {@code processing.guarantee=exactly_once_v2},
     * 64 KiB memtables ({@link SmallMemtables}, so that RocksDB flushes on its own between commits),
     * a record cache for caching layers, and a changelog sink that buffers records in {@link #pending} until the
     * writer appends them to the changelog file (or drops them on abort).
     */
    static final class Context implements StateStoreContext, InternalStoreContext {
        final Map<String, StateRestoreCallback> callbacks = new HashMap<>();
        final List<KeyValue<byte[], byte[]>> pending = new ArrayList<>();
        private final File stateDir;
        private final ThreadCache cache = new ThreadCache("crash", 16 * 1024);
        private ProcessorRecordContext recordContext = new ProcessorRecordContext(0L, -1L, -1, null, null);

        Context(Path stateDir) {
            this.stateDir = stateDir.toFile();
        }

        @Override
        public ProcessorRecordContext recordContext() {
            return recordContext;
        }

        @Override
        public void setRecordContext(ProcessorRecordContext recordContext) {
            this.recordContext = recordContext;
        }

        @Override
        public ThreadCache cache() {
            return cache;
        }

        @Override
        public ChangelogSink changelogSink() {
            return (topic, partition, key, value, timestamp, headers, position) -> {
                if (!topic.equals(CHANGELOG.topic()) || partition != CHANGELOG.partition()) {
                    throw new IllegalStateException("reason=unexpectedChangelog topic=" + topic
                            + " partition=" + partition);
                }
                pending.add(new KeyValue<>(key.get(), value));
            };
        }

        @Override
        public String applicationId() {
            return APPLICATION_ID;
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, CHANGELOG.partition());
        }

        @Override
        public Optional<RecordMetadata> recordMetadata() {
            return Optional.empty();
        }

        @Override
        public Serde<?> keySerde() {
            return Serdes.Bytes();
        }

        @Override
        public Serde<?> valueSerde() {
            return Serdes.ByteArray();
        }

        @Override
        public File stateDir() {
            return stateDir;
        }

        @Override
        public void register(StateStore store, StateRestoreCallback restoreCallback) {
            callbacks.put(store.name(), restoreCallback);
        }

        @Override
        public void register(StateStore store, StateRestoreCallback restoreCallback, CommitCallback commitCallback) {
            register(store, restoreCallback);
        }

        @Override
        public Map<String, Object> appConfigs() {
            Map<String, Object> configs = new HashMap<>();
            configs.put(RocksDbEngineConfig.PROCESSING_GUARANTEE_CONFIG, RocksDbEngineConfig.EXACTLY_ONCE_V2);
            configs.put(RocksDbEngineConfig.CONFIG_SETTER_CONFIG, SmallMemtables.class.getName());
            return configs;
        }

        @Override
        public Map<String, Object> appConfigsWithPrefix(String prefix) {
            Map<String, Object> out = new HashMap<>();
            appConfigs().forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    out.put(key.substring(prefix.length()), value);
                }
            });
            return out;
        }
    }

    /**
     * The changelog topic as a file: frames {@code [int length][int crc32][int keyLength][key][int valueLength or
     * -1][value]}, appended and fsynced per commit. A torn frame at the tail (the writer was killed mid-append)
     * ends the readable log; {@link #openForAppend} cuts it off.
     */
    static final class ChangelogFile implements AutoCloseable {
        private final FileChannel channel;
        private long records;

        private ChangelogFile(FileChannel channel, long records) {
            this.channel = channel;
            this.records = records;
        }

        /** The complete records of the file at {@code path}, in offset order (empty if it does not exist). */
        static List<KeyValue<byte[], byte[]>> read(Path path) {
            List<KeyValue<byte[], byte[]>> out = new ArrayList<>();
            scan(path, out);
            return out;
        }

        /** Opens for appending after the last complete record, truncating a torn tail. */
        static ChangelogFile openForAppend(Path path) {
            List<KeyValue<byte[], byte[]>> records = new ArrayList<>();
            long valid = scan(path, records);
            try {
                FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                channel.truncate(valid);
                channel.position(valid);
                return new ChangelogFile(channel, records.size());
            } catch (IOException e) {
                throw new UncheckedIOException("reason=openFailed path=" + path, e);
            }
        }

        private static long scan(Path path, List<KeyValue<byte[], byte[]>> out) {
            if (!Files.exists(path)) {
                return 0;
            }
            ByteBuffer buffer;
            try {
                buffer = ByteBuffer.wrap(Files.readAllBytes(path));
            } catch (IOException e) {
                throw new UncheckedIOException("reason=readFailed path=" + path, e);
            }
            while (buffer.remaining() >= 2 * Integer.BYTES) {
                int start = buffer.position();
                int length = buffer.getInt();
                int crc = buffer.getInt();
                if (length < 2 * Integer.BYTES || length > buffer.remaining()
                        || crc != crc(buffer.array(), buffer.position(), length)) {
                    buffer.position(start);
                    break;
                }
                byte[] key = new byte[buffer.getInt()];
                buffer.get(key);
                int valueLength = buffer.getInt();
                byte[] value = valueLength < 0 ? null : new byte[valueLength];
                if (value != null) {
                    buffer.get(value);
                }
                out.add(new KeyValue<>(key, value));
            }
            return buffer.position();
        }

        private static int crc(byte[] bytes, int offset, int length) {
            CRC32 crc = new CRC32();
            crc.update(bytes, offset, length);
            return (int) crc.getValue();
        }

        /** Appends records and fsyncs; returns the offset after the last one (the number of records). */
        long append(List<KeyValue<byte[], byte[]>> batch) {
            int size = 0;
            for (KeyValue<byte[], byte[]> record : batch) {
                size += 4 * Integer.BYTES + record.key.length + (record.value == null ? 0 : record.value.length);
            }
            ByteBuffer buffer = ByteBuffer.allocate(size);
            for (KeyValue<byte[], byte[]> record : batch) {
                int start = buffer.position();
                int length = 2 * Integer.BYTES + record.key.length + (record.value == null ? 0 : record.value.length);
                buffer.putInt(length).putInt(0).putInt(record.key.length).put(record.key);
                buffer.putInt(record.value == null ? -1 : record.value.length);
                if (record.value != null) {
                    buffer.put(record.value);
                }
                buffer.putInt(start + Integer.BYTES, crc(buffer.array(), start + 2 * Integer.BYTES, length));
            }
            buffer.flip();
            try {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("reason=appendFailed records=" + records, e);
            }
            records += batch.size();
            return records;
        }

        long records() {
            return records;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("reason=closeFailed", e);
            }
        }
    }
}
