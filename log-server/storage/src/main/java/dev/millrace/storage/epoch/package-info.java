/**
 * The leader epoch cache of a partition: which leader epoch started at which offset, as Kafka's
 * {@code LeaderEpochFileCache} keeps it, persisted to {@code leader-epoch-checkpoint} and truncated
 * together with the log. Replication uses it to answer {@code OffsetForLeaderEpoch} and to find
 * where a follower's log diverges. Nothing in this package is thread-safe.
 */
package dev.millrace.storage.epoch;
