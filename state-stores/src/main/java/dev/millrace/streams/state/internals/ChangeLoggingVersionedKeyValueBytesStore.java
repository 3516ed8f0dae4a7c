package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.VersionedBytesStore;

/**
 * The changelogging layer of a versioned store (Kafka Streams' {@code ChangeLoggingVersionedKeyValueBytesStore}):
 * every versioned put and delete is applied to the store below, then sent to the {@link ChangelogSink} with the
 * key, the plain value (null for a tombstone) and the version's timestamp as record timestamp. The restore path
 * replays each record with its timestamp through a {@link VersionedRestoreCallback}. The plain key-value writes are
 * refused by the store below and therefore send nothing.
 */
public class ChangeLoggingVersionedKeyValueBytesStore extends ChangeLoggingKeyValueBytesStore
        implements VersionedBytesStore {

    private final VersionedBytesStore inner;

    /**
     * Wraps a versioned bytes store.
     *
     * @param inner the store below
     */
    public ChangeLoggingVersionedKeyValueBytesStore(VersionedBytesStore inner) {
        super(inner);
        this.inner = inner;
    }

    @Override
    public long put(Bytes key, byte[] value, long timestamp) {
        long validTo = inner.put(key, value, timestamp);
        log(key, value, timestamp);
        return validTo;
    }

    @Override
    public byte[] get(Bytes key, long asOfTimestamp) {
        return inner.get(key, asOfTimestamp);
    }

    @Override
    public byte[] delete(Bytes key, long timestamp) {
        byte[] hidden = inner.delete(key, timestamp);
        log(key, null, timestamp);
        return hidden;
    }
}
