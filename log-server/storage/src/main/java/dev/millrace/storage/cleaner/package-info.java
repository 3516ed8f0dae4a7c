/**
 * Log compaction: keeps, for every key of a topic with {@code cleanup.policy=compact}, at least the
 * record with the latest offset, as Kafka's log cleaner does. {@link dev.millrace.storage.cleaner.LogCleaner}
 * is the background service (threads {@code log-cleaner-<n>}) that picks the dirtiest eligible log
 * ({@link dev.millrace.storage.cleaner.CleanableLog}) and hands it to a
 * {@link dev.millrace.storage.cleaner.Cleaner}, which deduplicates the dirty range with an
 * {@link dev.millrace.storage.cleaner.OffsetMap}, rewrites the old segments into {@code .cleaned} files and
 * swaps them in through the partition's owner thread; progress is kept in the
 * {@link dev.millrace.storage.cleaner.CleanerCheckpoint}. A partition's log stays owned by its shard
 * thread: the cleaner only reads non-active (immutable) segments and asks the owner, through a
 * hand-off, for every snapshot of mutable state and for the swap itself.
 */
package dev.millrace.storage.cleaner;
