package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.TimestampedBytesStore;

/**
 * The changelogging layer of a timestamped key-value store (Kafka Streams'
 * {@code ChangeLoggingTimestampedKeyValueBytesStore}): the store below holds values in the timestamped format
 * (8-byte big-endian timestamp, then the plain value); the changelog receives the plain value, with the value's
 * timestamp as record timestamp. A deletion is sent as a tombstone with the current record's timestamp. The
 * restore path puts the timestamp back (see {@link TimestampedBytesStore}, which this layer is marked as).
 */
public class ChangeLoggingTimestampedKeyValueBytesStore extends ChangeLoggingKeyValueBytesStore
        implements TimestampedBytesStore {

    /**
     * Wraps a bytes store holding timestamped values.
     *
     * @param inner the store below
     */
    public ChangeLoggingTimestampedKeyValueBytesStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
    }

    @Override
    void log(Bytes key, byte[] valueAndTimestamp, long timestamp) {
        logTimestamped(logger, key, valueAndTimestamp, timestamp);
    }

    /**
     * Sends a timestamped value as plain value plus record timestamp.
     *
     * @param logger the logger
     * @param key the changelog key
     * @param valueAndTimestamp the timestamped value, or null for a tombstone
     * @param recordTimestamp the timestamp used for a tombstone
     */
    static void logTimestamped(ChangeLogger logger, Bytes key, byte[] valueAndTimestamp, long recordTimestamp) {
        if (valueAndTimestamp == null) {
            logger.log(key, null, recordTimestamp);
        } else {
            logger.log(key, TimestampedValues.rawValue(valueAndTimestamp),
                    TimestampedValues.timestamp(valueAndTimestamp));
        }
    }
}
