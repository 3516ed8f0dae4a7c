package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.processor.CommitCallback;
import dev.millrace.streams.processor.StateRestoreCallback;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.processor.TaskId;
import dev.millrace.streams.processor.api.RecordMetadata;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal context for tests: fixed ids, settable default serdes and record context, records registrations and
 * the changelog records sent by changelogging layers, and offers a {@link ThreadCache} to caching layers.
 */
final class TestStateStoreContext implements StateStoreContext, InternalStoreContext {

    final Map<String, StateRestoreCallback> registered = new LinkedHashMap<>();
    final List<ChangelogRecord> changelog = new ArrayList<>();
    final ThreadCache cache;
    private final Serde<?> keySerde;
    private final Serde<?> valueSerde;
    private ProcessorRecordContext recordContext = new ProcessorRecordContext(0L, -1L, -1, null, null);

    TestStateStoreContext() {
        this(null, null);
    }

    TestStateStoreContext(Serde<?> keySerde, Serde<?> valueSerde) {
        this(keySerde, valueSerde, ThreadCache.STATESTORE_CACHE_MAX_BYTES_DEFAULT);
    }

    TestStateStoreContext(Serde<?> keySerde, Serde<?> valueSerde, long cacheMaxBytes) {
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.cache = new ThreadCache("test", cacheMaxBytes);
    }

    /** A record sent to the changelog sink. */
    record ChangelogRecord(String topic, int partition, Bytes key, byte[] value, long timestamp) {
    }

    void setRecord(String topic, int partition, long offset) {
        recordContext = new ProcessorRecordContext(recordContext.timestamp(), offset, partition, topic,
                recordContext.headers());
    }

    void setRecord(String topic, int partition, long offset, long timestamp) {
        recordContext = new ProcessorRecordContext(timestamp, offset, partition, topic, null);
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
        return (topic, partition, key, value, timestamp, headers, position) ->
                changelog.add(new ChangelogRecord(topic, partition, key, value, timestamp));
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
        return recordContext.topic() == null ? Optional.empty() : Optional.of(recordContext);
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
