package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.TimestampedBytesStore;
import dev.millrace.streams.state.WindowStore;

/**
 * The changelogging layer of a timestamped window store (Kafka Streams'
 * {@code ChangeLoggingTimestampedWindowBytesStore}): as {@link ChangeLoggingWindowBytesStore}, but the store
 * below holds timestamped values and the changelog receives the plain value with the value's timestamp as record
 * timestamp (a deletion: a tombstone with the current record's timestamp).
 */
public class ChangeLoggingTimestampedWindowBytesStore extends ChangeLoggingWindowBytesStore
        implements TimestampedBytesStore {

    /**
     * Wraps a bytes window store holding timestamped values.
     *
     * @param inner the store below
     * @param retainDuplicates whether the store below keeps duplicates
     */
    public ChangeLoggingTimestampedWindowBytesStore(WindowStore<Bytes, byte[]> inner, boolean retainDuplicates) {
        super(inner, retainDuplicates);
    }

    @Override
    void log(Bytes storeKey, byte[] valueAndTimestamp) {
        ChangeLoggingTimestampedKeyValueBytesStore.logTimestamped(logger, storeKey, valueAndTimestamp,
                logger.recordTimestamp());
    }
}
