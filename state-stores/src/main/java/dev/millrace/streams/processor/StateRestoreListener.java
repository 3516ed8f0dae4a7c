package dev.millrace.streams.processor;

import dev.millrace.common.TopicPartition;

/**
 * Told about the progress of a store's restore from its changelog: once at the start, after every batch applied,
 * and once at the end. Called on the thread that restores; implementations must be quick and must not throw.
 */
public interface StateRestoreListener {

    /**
     * Called before the first batch is applied.
     *
     * @param topicPartition the changelog partition being restored
     * @param storeName the store
     * @param startingOffset the first offset to restore (inclusive)
     * @param endingOffset the last offset to restore (inclusive)
     */
    void onRestoreStart(TopicPartition topicPartition, String storeName, long startingOffset, long endingOffset);

    /**
     * Called after a batch has been applied to the store.
     *
     * @param topicPartition the changelog partition being restored
     * @param storeName the store
     * @param batchEndOffset the offset of the last record of the batch
     * @param numRestored the number of records in the batch
     */
    void onBatchRestored(TopicPartition topicPartition, String storeName, long batchEndOffset, long numRestored);

    /**
     * Called after the last batch has been applied.
     *
     * @param topicPartition the changelog partition restored
     * @param storeName the store
     * @param totalRestored the number of records restored
     */
    void onRestoreEnd(TopicPartition topicPartition, String storeName, long totalRestored);
}
