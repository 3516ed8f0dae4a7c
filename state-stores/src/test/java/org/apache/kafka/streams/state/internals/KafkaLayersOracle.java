package org.apache.kafka.streams.state.internals;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.utils.LogContext;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.SessionWindow;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.processor.internals.metrics.StreamsMetricsImpl;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.VersionedBytesStore;
import org.apache.kafka.streams.state.WindowStore;

import java.io.File;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * Test-only access to Kafka Streams' own caching and changelogging layers (package-private in Kafka, hence this
 * class in Kafka's package) and a Kafka processor context that records what those layers send to the changelog.
 * Used as the oracle of the Millrace layers.
 */
public final class KafkaLayersOracle {

    /** A changelog record as Kafka's layers hand it to {@code InternalProcessorContext.logChange}. */
    public record Logged(String store, byte[] key, byte[] value, long timestamp) {
    }

    /** A Kafka context: mutable record context, a real {@link ThreadCache}, recorded changelog records. */
    public static final class Context {
        public final List<Logged> logged = new ArrayList<>();
        public final ThreadCache cache;
        public final InternalProcessorContext<?, ?> context;
        private ProcessorRecordContext recordContext = new ProcessorRecordContext(0L, -1L, -1, null,
                new RecordHeaders());

        Context(long cacheMaxBytes, File stateDir) {
            StreamsMetricsImpl metrics = new StreamsMetricsImpl(new Metrics(), "oracle-client", Time.SYSTEM);
            cache = new ThreadCache(new LogContext(), cacheMaxBytes, metrics);
            TaskId taskId = new TaskId(0, 0);
            context = (InternalProcessorContext<?, ?>) Proxy.newProxyInstance(KafkaLayersOracle.class.getClassLoader(),
                    new Class<?>[] {InternalProcessorContext.class}, (self, method, args) -> {
                        switch (method.getName()) {
                            case "taskId": return taskId;
                            case "metrics": return metrics;
                            case "appConfigs": return appConfigs();
                            case "appConfigsWithPrefix": return new HashMap<String, Object>();
                            case "applicationId": return "app";
                            case "stateDir": return stateDir;
                            case "cache": return cache;
                            case "recordContext": return recordContext;
                            case "setRecordContext":
                                recordContext = (ProcessorRecordContext) args[0];
                                return null;
                            case "recordMetadata":
                                return recordContext.topic() == null ? Optional.empty() : Optional.of(recordContext);
                            case "registerCacheFlushListener":
                                cache.addDirtyEntryFlushListener((String) args[0],
                                        (ThreadCache.DirtyEntryFlushListener) args[1]);
                                return null;
                            case "logChange":
                                Bytes key = (Bytes) args[1];
                                logged.add(new Logged((String) args[0], key.get(), (byte[]) args[2], (long) args[3]));
                                return null;
                            case "timestamp": return recordContext.timestamp();
                            case "offset": return recordContext.offset();
                            case "partition": return recordContext.partition();
                            case "topic": return recordContext.topic();
                            case "headers": return recordContext.headers();
                            case "currentSystemTimeMs": return 0L;
                            case "currentStreamTimeMs": return 0L;
                            case "hashCode": return System.identityHashCode(self);
                            case "equals": return self == args[0];
                            case "toString": return "KafkaLayersOracleContext";
                            default: return defaultValue(method.getReturnType());
                        }
                    });
        }

        /**
         * Installs the context of the record being processed.
         *
         * @param timestamp the record timestamp
         * @param offset the source offset
         */
        public void setRecord(long timestamp, long offset) {
            recordContext = new ProcessorRecordContext(timestamp, offset, 0, "in", new RecordHeaders());
        }

        /**
         * Initialises a store with this context, registering it as its own root.
         *
         * @param store the store
         */
        public void init(StateStore store) {
            store.init(context, store);
        }
    }

    private KafkaLayersOracle() {
    }

    /**
     * Creates a Kafka context.
     *
     * @param cacheMaxBytes the size of its thread cache
     * @param stateDir the state directory
     * @return the context
     */
    public static Context context(long cacheMaxBytes, File stateDir) {
        return new Context(cacheMaxBytes, stateDir);
    }

    /** Kafka's caching layer over its changelogging layer over its in-memory store. */
    public static CachingKeyValueStore cachedLoggedKeyValueStore(String name, boolean logged) {
        KeyValueStore<Bytes, byte[]> inner = new InMemoryKeyValueStore(name);
        if (logged) {
            inner = new ChangeLoggingKeyValueBytesStore(inner);
        }
        return new CachingKeyValueStore(inner, CachingKeyValueStore.CacheType.KEY_VALUE_STORE);
    }

    /** Kafka's changelogging layer over its in-memory store. */
    public static KeyValueStore<Bytes, byte[]> loggedKeyValueStore(String name, boolean timestamped) {
        KeyValueStore<Bytes, byte[]> inner = new InMemoryKeyValueStore(name);
        return timestamped ? new ChangeLoggingTimestampedKeyValueBytesStore(inner)
                : new ChangeLoggingKeyValueBytesStore(inner);
    }

    /** Kafka's changelogging layer over its in-memory window store. */
    public static WindowStore<Bytes, byte[]> loggedWindowStore(String name, long retention, long windowSize,
                                                               boolean retainDuplicates, boolean timestamped) {
        WindowStore<Bytes, byte[]> inner = new InMemoryWindowStore(name, retention, windowSize, retainDuplicates,
                "in-memory-window");
        return timestamped ? new ChangeLoggingTimestampedWindowBytesStore(inner, retainDuplicates)
                : new ChangeLoggingWindowBytesStore(inner, retainDuplicates, WindowKeySchema::toStoreKeyBinary);
    }

    /** Kafka's changelogging layer over its in-memory session store. */
    public static SessionStore<Bytes, byte[]> loggedSessionStore(String name, long retention) {
        return new ChangeLoggingSessionBytesStore(new InMemorySessionStore(name, retention, "in-memory-session"));
    }

    /**
     * Kafka's changelogging layer over a stand-in versioned bytes store that accepts every write (the changelog
     * depends only on the arguments of the writes).
     */
    public static ChangeLoggingVersionedKeyValueBytesStore loggedVersionedStore(String name) {
        VersionedBytesStore inner = (VersionedBytesStore) Proxy.newProxyInstance(
                KafkaLayersOracle.class.getClassLoader(), new Class<?>[] {VersionedBytesStore.class},
                (self, method, args) -> {
                    switch (method.getName()) {
                        case "name": return name;
                        case "getPosition": return Position.emptyPosition();
                        case "put": return args.length == 3 ? -1L : null;
                        case "isOpen": return true;
                        case "hashCode": return System.identityHashCode(self);
                        case "equals": return self == args[0];
                        case "toString": return "VersionedStandIn";
                        default: return defaultValue(method.getReturnType());
                    }
                });
        return new ChangeLoggingVersionedKeyValueBytesStore(inner);
    }

    /** Kafka's caching layer over its changelogging layer over its in-memory window store (segment interval 1). */
    public static CachingWindowStore cachedLoggedWindowStore(String name, long retention, long windowSize) {
        return new CachingWindowStore(loggedWindowStore(name, retention, windowSize, false, false), windowSize, 1L);
    }

    /** Kafka's caching layer over its changelogging layer over its in-memory session store (segment interval 1). */
    public static CachingSessionStore cachedLoggedSessionStore(String name, long retention) {
        return new CachingSessionStore(loggedSessionStore(name, retention), 1L);
    }

    /** Returns the size in bytes Kafka's cache accounts for. */
    public static long sizeBytes(ThreadCache cache) {
        return cache.sizeBytes();
    }

    /** Converts a session key for Kafka's stores. */
    public static Windowed<Bytes> sessionKey(byte[] key, long start, long end) {
        return new Windowed<>(Bytes.wrap(key), new SessionWindow(start, end));
    }

    private static HashMap<String, Object> appConfigs() {
        HashMap<String, Object> configs = new HashMap<>();
        configs.put("metrics.recording.level", "INFO");
        return configs;
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
