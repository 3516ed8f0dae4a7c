/**
 * When log data is forced to disk. {@link dev.millrace.storage.flush.FlushPolicy} holds Kafka's
 * {@code log.flush.interval.messages} / {@code log.flush.interval.ms} settings, whose defaults
 * never fsync on the write path (durability comes from replication and the page cache);
 * {@link dev.millrace.storage.flush.GroupCommitFlusher} serves fsync requests from many appender
 * threads so that requests arriving together share one fsync per file. Only the flusher is
 * thread-safe.
 */
package dev.millrace.storage.flush;
