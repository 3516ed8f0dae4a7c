/**
 * Text checkpoint files in Kafka's format: a version line, an entry-count line, then one entry per
 * line. {@link dev.millrace.storage.checkpoint.CheckpointFile} owns the format and the atomic
 * replace protocol (temporary file, fsync, rename, directory fsync);
 * {@link dev.millrace.storage.checkpoint.OffsetCheckpointFile} stores per-partition offsets such as
 * recovery points and log start offsets. Nothing in this package is thread-safe.
 */
package dev.millrace.storage.checkpoint;
