package dev.millrace.streams.state.internals;

import dev.millrace.common.header.RecordHeaders;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.query.Position;

/**
 * What every changelogging layer shares: the sink, the changelog topic ({@code <application.id>-<store>-changelog},
 * Kafka's {@code ProcessorStateManager.storeChangelogTopic}) and partition (the task's), the current record
 * context, and the position of the store below (an empty position for stores that do not track one). Created at
 * init; used on the stream thread.
 */
final class ChangeLogger {

    private final InternalStoreContext context;
    private final ChangelogSink sink;
    private final String topic;
    private final int partition;
    private final StateStore positionSource;
    private final boolean positionTracked;

    private ChangeLogger(InternalStoreContext context, ChangelogSink sink, String topic, int partition,
                         StateStore positionSource, boolean positionTracked) {
        this.context = context;
        this.sink = sink;
        this.topic = topic;
        this.partition = partition;
        this.positionSource = positionSource;
        this.positionTracked = positionTracked;
    }

    /**
     * Resolves the logging capability of a context.
     *
     * @param context the context given to init
     * @param storeName the store name
     * @param wrapped the store below, whose position travels with each record
     * @return the logger
     * @throws IllegalStateException if the context cannot log
     */
    static ChangeLogger create(StateStoreContext context, String storeName, StateStore wrapped) {
        InternalStoreContext internal = InternalStoreContext.of(context, storeName, "changelogging");
        ChangelogSink sink = internal.changelogSink();
        if (sink == null) {
            throw new IllegalStateException("reason=contextHasNoChangelogSink store=" + storeName
                    + " layer=changelogging context=" + context.getClass().getName());
        }
        boolean tracked;
        try {
            wrapped.getPosition();
            tracked = true;
        } catch (UnsupportedOperationException positionNotTracked) {
            tracked = false;
        }
        return new ChangeLogger(internal, sink, StoreSerdes.changelogTopic(context.applicationId(), storeName),
                context.taskId().partition(), wrapped, tracked);
    }

    /**
     * Returns the timestamp of the record being processed.
     *
     * @return the timestamp
     */
    long recordTimestamp() {
        return context.recordContext().timestamp();
    }

    /**
     * Sends a changelog record with empty headers.
     *
     * @param key the changelog key
     * @param value the changelog value, or null for a tombstone
     * @param timestamp the record timestamp
     */
    void log(Bytes key, byte[] value, long timestamp) {
        Position position = positionTracked ? positionSource.getPosition() : Position.emptyPosition();
        sink.send(topic, partition, key, value, timestamp, new RecordHeaders(), position);
    }

    String topic() {
        return topic;
    }

    int partition() {
        return partition;
    }
}
