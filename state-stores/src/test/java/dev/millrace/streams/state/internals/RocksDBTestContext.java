package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.processor.CommitCallback;
import dev.millrace.streams.processor.StateRestoreCallback;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.processor.TaskId;
import dev.millrace.streams.processor.api.RecordMetadata;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A context for RocksDB store tests: a given state directory and app configs, settable record metadata. */
final class RocksDBTestContext implements StateStoreContext {

    final Map<String, StateRestoreCallback> registered = new LinkedHashMap<>();
    final Map<String, Object> configs = new HashMap<>();
    private final File stateDir;
    private RecordMetadata recordMetadata;

    RocksDBTestContext(Path stateDir) {
        this.stateDir = stateDir.toFile();
    }

    RocksDBTestContext with(String key, Object value) {
        configs.put(key, value);
        return this;
    }

    RocksDBTestContext exactlyOnce() {
        return with("processing.guarantee", "exactly_once_v2");
    }

    void setRecord(String topic, int partition, long offset) {
        recordMetadata = new RecordMetadata() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public int partition() {
                return partition;
            }

            @Override
            public long offset() {
                return offset;
            }
        };
    }

    @Override
    public String applicationId() {
        return "app";
    }

    @Override
    public TaskId taskId() {
        return new TaskId(0, 0);
    }

    @Override
    public Optional<RecordMetadata> recordMetadata() {
        return Optional.ofNullable(recordMetadata);
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

    @Override
    public Map<String, Object> appConfigs() {
        return new HashMap<>(configs);
    }

    @Override
    public Map<String, Object> appConfigsWithPrefix(String prefix) {
        Map<String, Object> out = new HashMap<>();
        configs.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                out.put(key.substring(prefix.length()), value);
            }
        });
        return out;
    }
}
