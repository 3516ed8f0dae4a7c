/**
 * Record batches of message format 2 (magic 2): reading them in place
 * ({@link dev.millrace.protocol.record.RecordBatch}, {@link dev.millrace.protocol.record.Record}),
 * writing them ({@link dev.millrace.protocol.record.RecordBatchBuilder}), sequences of batches
 * ({@link dev.millrace.protocol.record.MemoryRecords}), control records, and the five compression
 * codecs with Kafka's exact wire formats. Corrupt input raises
 * {@link dev.millrace.common.errors.CorruptRecordException}; intact but unacceptable input raises
 * {@link dev.millrace.common.errors.InvalidRecordException}. No shared mutable state: builders and
 * iterators belong to the thread that uses them, batch views are read-only unless a setter is called.
 */
package dev.millrace.protocol.record;
