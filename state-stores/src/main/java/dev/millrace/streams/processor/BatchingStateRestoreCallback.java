package dev.millrace.streams.processor;

import dev.millrace.streams.KeyValue;

import java.util.Collection;

/**
 * Receives the records of a changelog in batches while a store is restored, so that the store can apply them in
 * one write. Single-record restore is not supported by default.
 */
public interface BatchingStateRestoreCallback extends StateRestoreCallback {

    /**
     * Applies a batch of changelog records in order.
     *
     * @param records the serialized key-value pairs; a null value is a deletion
     */
    void restoreAll(Collection<KeyValue<byte[], byte[]>> records);

    /**
     * Not supported: batching callbacks are driven through {@link #restoreAll(Collection)}.
     *
     * @param key ignored
     * @param value ignored
     * @throws UnsupportedOperationException always
     */
    @Override
    default void restore(byte[] key, byte[] value) {
        throw new UnsupportedOperationException("reason=singleRecordRestoreUnsupported callback="
                + getClass().getName());
    }
}
