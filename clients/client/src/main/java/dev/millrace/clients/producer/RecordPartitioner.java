package dev.millrace.clients.producer;

import dev.millrace.common.utils.Utils;

/**
 * Chooses partitions the way Kafka's default producer partitioning does: a record with a key goes
 * to {@code toPositive(murmur2(keyBytes)) % numPartitions}, so that the same key bytes land in the
 * same partition as with an Apache Kafka producer; records without a key stick to one partition
 * for a whole batch and the next batch moves to the next partition (round robin), which spreads
 * keyless load without splitting batches.
 *
 * <p>Threading: not thread-safe (the sticky partition is mutable state); one producer thread owns it.
 */
public final class RecordPartitioner {
    private int stickyPartition;

    /**
     * Creates a partitioner whose first keyless batch goes to {@code firstStickyPartition} modulo
     * the partition count (pass a random number to spread several producers).
     */
    public RecordPartitioner(int firstStickyPartition) {
        this.stickyPartition = Utils.toPositive(firstStickyPartition);
    }

    /**
     * The partition of a keyed record, exactly as Kafka's built-in partitioner computes it.
     *
     * @throws IllegalArgumentException if {@code numPartitions < 1}
     */
    public static int partitionForKey(byte[] keyBytes, int numPartitions) {
        if (numPartitions < 1) {
            throw new IllegalArgumentException("numPartitions=" + numPartitions + ": must be >= 1");
        }
        return Utils.toPositive(Utils.murmur2(keyBytes)) % numPartitions;
    }

    /** The partition of a record: by key when it has one, else the current sticky partition. */
    public int partition(byte[] keyBytes, int numPartitions) {
        if (keyBytes != null) {
            return partitionForKey(keyBytes, numPartitions);
        }
        if (numPartitions < 1) {
            throw new IllegalArgumentException("numPartitions=" + numPartitions + ": must be >= 1");
        }
        return stickyPartition % numPartitions;
    }

    /** Moves keyless records to the next partition; call when a batch has been sent. */
    public void onBatchComplete() {
        stickyPartition = stickyPartition == Integer.MAX_VALUE ? 0 : stickyPartition + 1;
    }
}
