package dev.millrace.streams.state.internals;

import dev.millrace.streams.processor.StateRestoreCallback;

/**
 * Restore callback of a versioned store: each changelog record must come with its timestamp, which is the
 * version's timestamp. The changelog restore path must detect this type and call
 * {@link #restore(byte[], byte[], long)}; the timestamp-less {@link #restore(byte[], byte[])} is refused.
 */
public interface VersionedRestoreCallback extends StateRestoreCallback {

    /**
     * Applies one changelog record.
     *
     * @param key the serialized key
     * @param value the serialized value, or null for a tombstone
     * @param timestamp the record timestamp
     */
    void restore(byte[] key, byte[] value, long timestamp);

    /**
     * Refuses: a version cannot be restored without its timestamp.
     *
     * @param key ignored
     * @param value ignored
     * @throws UnsupportedOperationException always
     */
    @Override
    default void restore(byte[] key, byte[] value) {
        throw new UnsupportedOperationException("reason=versionedRestoreNeedsTimestamp");
    }
}
