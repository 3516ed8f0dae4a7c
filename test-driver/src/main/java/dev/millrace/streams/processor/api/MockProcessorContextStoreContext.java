package dev.millrace.streams.processor.api;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.processor.CommitCallback;
import dev.millrace.streams.processor.StateRestoreCallback;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.processor.TaskId;
import dev.millrace.streams.state.internals.ChangelogSink;
import dev.millrace.streams.state.internals.InternalStoreContext;
import dev.millrace.streams.state.internals.ProcessorRecordContext;
import dev.millrace.streams.state.internals.ThreadCache;

import java.io.File;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link StateStoreContext} that {@link MockProcessorContext#getStateStoreContext()} hands to
 * {@code store.init(...)}: it answers from the owning mock (application id, task id, configs, serdes, state
 * directory, record metadata) and registers each store with the mock, so that the processor under test finds it
 * through {@code getStateStore(name)}. Restore and commit callbacks are accepted and never called.
 *
 * <p>Stores must be built with caching and change-logging disabled: there is no record cache and no changelog
 * here, and a caching or logging layer that asks for one gets an {@link UnsupportedOperationException} saying so
 * during {@code init}. Not thread-safe; used by the test thread only.
 */
final class MockProcessorContextStoreContext implements StateStoreContext, InternalStoreContext {

    private final MockProcessorContext<?, ?> owner;
    private ProcessorRecordContext recordContext;

    MockProcessorContextStoreContext(MockProcessorContext<?, ?> owner) {
        this.owner = owner;
    }

    @Override
    public String applicationId() {
        return owner.applicationId();
    }

    @Override
    public TaskId taskId() {
        return owner.taskId();
    }

    @Override
    public Optional<RecordMetadata> recordMetadata() {
        return owner.recordMetadata();
    }

    @Override
    public Serde<?> keySerde() {
        return owner.keySerde();
    }

    @Override
    public Serde<?> valueSerde() {
        return owner.valueSerde();
    }

    @Override
    public File stateDir() {
        return owner.stateDir();
    }

    @Override
    public void register(StateStore store, StateRestoreCallback restoreCallback) {
        register(store, restoreCallback, () -> { });
    }

    @Override
    public void register(StateStore store, StateRestoreCallback restoreCallback, CommitCallback commitCallback) {
        owner.addStateStore(store);
    }

    @Override
    public Map<String, Object> appConfigs() {
        return owner.appConfigs();
    }

    @Override
    public Map<String, Object> appConfigsWithPrefix(String prefix) {
        return owner.appConfigsWithPrefix(prefix);
    }

    /** Returns the record context last set, or one made from the mock's record metadata (timestamp unknown). */
    @Override
    public ProcessorRecordContext recordContext() {
        if (recordContext != null) {
            return recordContext;
        }
        Optional<RecordMetadata> metadata = owner.recordMetadata();
        return metadata.map(m -> new ProcessorRecordContext(-1L, m.offset(), m.partition(), m.topic(), null))
                .orElseGet(() -> new ProcessorRecordContext(-1L, -1L, -1, null, null));
    }

    @Override
    public void setRecordContext(ProcessorRecordContext recordContext) {
        this.recordContext = recordContext;
    }

    /** Refuses: a caching store layer cannot be tested with the mock. */
    @Override
    public ThreadCache cache() {
        throw new UnsupportedOperationException("reason=noRecordCache context=MockProcessorContext"
                + " fix=build the store withCachingDisabled(), or test caching through TopologyTestDriver");
    }

    /** Refuses: a change-logging store layer cannot be tested with the mock. */
    @Override
    public ChangelogSink changelogSink() {
        throw new UnsupportedOperationException("reason=noChangelog context=MockProcessorContext"
                + " fix=build the store withLoggingDisabled() (an in-memory store suits processor unit tests),"
                + " or test change-logging through TopologyTestDriver");
    }
}
