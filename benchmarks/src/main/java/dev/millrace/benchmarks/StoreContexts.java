package dev.millrace.benchmarks;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.processor.CommitCallback;
import dev.millrace.streams.processor.StateRestoreCallback;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.processor.TaskId;
import dev.millrace.streams.processor.api.RecordMetadata;
import java.io.File;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.metrics.StreamsMetricsImpl;

/**
 * The minimal store contexts the benchmarks initialise stores with, one per side: a state directory, default
 * application configs, no current record, and a map that receives the restore callback each store registers
 * (keyed by store name), so that a restore can be driven the way the runtime drives it.
 *
 * <p>The Kafka context is a dynamic proxy of Kafka Streams' {@code InternalProcessorContext} that answers what
 * store initialisation asks for (task id, metrics registry, configs, state directory) and returns defaults for
 * everything else. Both contexts are confined to the benchmark thread.
 */
final class StoreContexts {

    private StoreContexts() {
    }

    /**
     * Creates a context for our stores.
     *
     * @param stateDir the task state directory
     * @param registered receives each registered restore callback under its store's name
     * @return the context
     */
    static StateStoreContext millrace(File stateDir, Map<String, StateRestoreCallback> registered) {
        return new MillraceContext(stateDir, registered);
    }

    /**
     * Creates a context for Kafka Streams' stores.
     *
     * @param stateDir the task state directory
     * @param registered receives each registered restore callback under its store's name
     * @return the context
     */
    static InternalProcessorContext<?, ?> kafka(File stateDir,
            Map<String, org.apache.kafka.streams.processor.StateRestoreCallback> registered) {
        StreamsMetricsImpl metrics = new StreamsMetricsImpl(new Metrics(), "storebench", Time.SYSTEM);
        org.apache.kafka.streams.processor.TaskId taskId = new org.apache.kafka.streams.processor.TaskId(0, 0);
        Object proxy = Proxy.newProxyInstance(StoreContexts.class.getClassLoader(),
                new Class<?>[] {InternalProcessorContext.class}, (self, method, args) -> {
                    switch (method.getName()) {
                        case "register":
                            registered.put(((org.apache.kafka.streams.processor.StateStore) args[0]).name(),
                                    (org.apache.kafka.streams.processor.StateRestoreCallback) args[1]);
                            return null;
                        case "taskId": return taskId;
                        case "metrics": return metrics;
                        case "appConfigs": return kafkaConfigs();
                        case "appConfigsWithPrefix": return new HashMap<String, Object>();
                        case "applicationId": return "storebench";
                        case "stateDir": return stateDir;
                        case "recordMetadata": return Optional.empty();
                        case "offset": return -1L;
                        case "partition": return -1;
                        case "hashCode": return System.identityHashCode(self);
                        case "equals": return self == args[0];
                        case "toString": return "StoreBenchKafkaContext";
                        default: return defaultValue(method.getReturnType());
                    }
                });
        return (InternalProcessorContext<?, ?>) proxy;
    }

    private static Map<String, Object> kafkaConfigs() {
        Map<String, Object> configs = new HashMap<>();
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

    /** Our context: fixed ids, empty configs, no record metadata. */
    private static final class MillraceContext implements StateStoreContext {
        private final File stateDir;
        private final Map<String, StateRestoreCallback> registered;

        MillraceContext(File stateDir, Map<String, StateRestoreCallback> registered) {
            this.stateDir = stateDir;
            this.registered = registered;
        }

        @Override
        public String applicationId() {
            return "storebench";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 0);
        }

        @Override
        public Optional<RecordMetadata> recordMetadata() {
            return Optional.empty();
        }

        @Override
        public Serde<?> keySerde() {
            return null;
        }

        @Override
        public Serde<?> valueSerde() {
            return null;
        }

        @Override
        public File stateDir() {
            return stateDir;
        }

        @Override
        public void register(StateStore store, StateRestoreCallback restoreCallback) {
            registered.put(store.name(), restoreCallback);
        }

        @Override
        public void register(StateStore store, StateRestoreCallback restoreCallback, CommitCallback commitCallback) {
            register(store, restoreCallback);
        }

        /** Empty, except for {@code rocksdb.*} system properties (e.g. {@code -Drocksdb.memory.cache.ratio=1}). */
        @Override
        public Map<String, Object> appConfigs() {
            Map<String, Object> configs = new HashMap<>();
            for (String name : System.getProperties().stringPropertyNames()) {
                if (name.startsWith("rocksdb.")) {
                    configs.put(name, System.getProperty(name));
                }
            }
            return configs;
        }

        @Override
        public Map<String, Object> appConfigsWithPrefix(String prefix) {
            return new HashMap<>();
        }
    }
}
