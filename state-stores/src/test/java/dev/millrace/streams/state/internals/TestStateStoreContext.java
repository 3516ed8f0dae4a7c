package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.processor.CommitCallback;
import dev.millrace.streams.processor.StateRestoreCallback;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.processor.TaskId;
import dev.millrace.streams.processor.api.RecordMetadata;

import java.io.File;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A minimal context for tests: fixed ids, settable default serdes and record metadata, records registrations. */
final class TestStateStoreContext implements StateStoreContext {

    final Map<String, StateRestoreCallback> registered = new LinkedHashMap<>();
    private final Serde<?> keySerde;
    private final Serde<?> valueSerde;
    private RecordMetadata recordMetadata;

    TestStateStoreContext() {
        this(null, null);
    }

    TestStateStoreContext(Serde<?> keySerde, Serde<?> valueSerde) {
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
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
        return keySerde;
    }

    @Override
    public Serde<?> valueSerde() {
        return valueSerde;
    }

    @Override
    public File stateDir() {
        return new File(System.getProperty("java.io.tmpdir"));
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
        return new HashMap<>();
    }

    @Override
    public Map<String, Object> appConfigsWithPrefix(String prefix) {
        return new HashMap<>();
    }
}
