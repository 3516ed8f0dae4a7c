/**
 * Per-partition producer state: the table that makes idempotent and transactional producers work
 * (KIP-98, KIP-360), and its snapshot files. For each producer id the partition remembers the
 * current epoch, the last five batches (to answer retries without appending twice), the open
 * transaction and the last transaction coordinator epoch.
 *
 * <p>All state in this package is owned by the partition's thread (the partition shard); no class
 * here is thread-safe. Records and enums are immutable and may be handed to other threads.
 */
package dev.millrace.storage.producer;
