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
import java.util.Map;
import java.util.Optional;

/**
 * A context for the interactive-query tests: a given state directory and task partition, a settable current
 * record (whose topic, partition and offset move store positions), a large thread cache for caching layers and a
 * changelog sink that drops records.
 */
final class QueryTestContext implements StateStoreContext, InternalStoreContext {

    final ThreadCache cache = new ThreadCache("query-test", 10L * 1024 * 1024);
    private final File stateDir;
    private final int partition;
    private ProcessorRecordContext recordContext = new ProcessorRecordContext(0L, -1L, -1, null, null);

    QueryTestContext(Path stateDir) {
        this(stateDir, 0);
    }

    QueryTestContext(Path stateDir, int partition) {
        this.stateDir = stateDir.toFile();
        this.partition = partition;
    }

    /** Makes the record at {@code topic}, {@code partition}, {@code offset} with {@code timestamp} current. */
    void setRecord(String topic, int recordPartition, long offset, long timestamp) {
        recordContext = new ProcessorRecordContext(timestamp, offset, recordPartition, topic, null);
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
        return (topic, changelogPartition, key, value, timestamp, headers, position) -> { };
    }

    @Override
    public String applicationId() {
        return "app";
    }

    @Override
    public TaskId taskId() {
        return new TaskId(0, partition);
    }

    @Override
    public Optional<RecordMetadata> recordMetadata() {
        return recordContext.topic() == null ? Optional.empty() : Optional.of(recordContext);
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
    }

    @Override
    public void register(StateStore store, StateRestoreCallback restoreCallback, CommitCallback commitCallback) {
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
