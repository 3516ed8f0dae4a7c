package dev.millrace.streams.state.internals;

import dev.millrace.common.TopicPartition;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.processor.BatchingStateRestoreCallback;
import dev.millrace.streams.processor.StateRestoreCallback;
import dev.millrace.streams.processor.StateRestoreListener;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.state.TimestampedBytesStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Test utility: replays changelog records into a store through the restore callback it registered, as the
 * runtime's restore path does. Records are converted per store type as Kafka Streams converts them: a store with a
 * {@link TimestampedBytesStore} layer gets the record timestamp put back in front of the value; a
 * {@link VersionedRestoreCallback} receives each record with its timestamp. Batches of {@code batchSize} go to a
 * {@link BatchingStateRestoreCallback} in one call; progress goes to a {@link StateRestoreListener}, with the
 * record's index in the list as its offset.
 */
final class ChangelogRestorer {

    private ChangelogRestorer() {
    }

    /**
     * Tells whether a store, or a layer under it, keeps values in the timestamped format.
     *
     * @param root the outermost store
     * @return true when some layer is a {@link TimestampedBytesStore}
     */
    static boolean isTimestamped(StateStore root) {
        StateStore current = root;
        while (true) {
            if (current instanceof TimestampedBytesStore) {
                return true;
            }
            if (!(current instanceof WrappedStateStore<?> wrapped)) {
                return false;
            }
            current = wrapped.wrapped();
        }
    }

    /**
     * Restores a store from changelog records.
     *
     * @param context the context the store was initialised with (holds its registered callback)
     * @param root the store, as registered
     * @param records the changelog records, in offset order
     * @param batchSize the number of records per batch, at least 1
     * @param listener told about progress
     * @return the number of records restored
     */
    static long restore(TestStateStoreContext context, StateStore root,
                        List<TestStateStoreContext.ChangelogRecord> records, int batchSize,
                        StateRestoreListener listener) {
        StateRestoreCallback callback = Objects.requireNonNull(context.registered.get(root.name()),
                "reason=storeNotRegistered store=" + root.name());
        boolean timestamped = isTimestamped(root);
        TopicPartition partition = records.isEmpty() ? new TopicPartition("none", 0)
                : new TopicPartition(records.get(0).topic(), records.get(0).partition());
        listener.onRestoreStart(partition, root.name(), 0, records.size() - 1L);
        long restored = 0;
        for (int from = 0; from < records.size(); from += batchSize) {
            List<TestStateStoreContext.ChangelogRecord> batch =
                    records.subList(from, Math.min(records.size(), from + batchSize));
            apply(callback, batch, timestamped);
            restored += batch.size();
            listener.onBatchRestored(partition, root.name(), from + batch.size() - 1L, batch.size());
        }
        listener.onRestoreEnd(partition, root.name(), restored);
        return restored;
    }

    private static void apply(StateRestoreCallback callback, List<TestStateStoreContext.ChangelogRecord> batch,
                              boolean timestamped) {
        if (callback instanceof VersionedRestoreCallback versioned) {
            for (TestStateStoreContext.ChangelogRecord record : batch) {
                versioned.restore(record.key().get(), record.value(), record.timestamp());
            }
            return;
        }
        List<KeyValue<byte[], byte[]>> converted = new ArrayList<>(batch.size());
        for (TestStateStoreContext.ChangelogRecord record : batch) {
            byte[] value = timestamped ? TimestampedValues.withTimestamp(record.value(), record.timestamp())
                    : record.value();
            converted.add(KeyValue.pair(record.key().get(), value));
        }
        if (callback instanceof BatchingStateRestoreCallback batching) {
            batching.restoreAll(converted);
        } else {
            for (KeyValue<byte[], byte[]> record : converted) {
                callback.restore(record.key, record.value);
            }
        }
    }
}
