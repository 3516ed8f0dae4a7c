/**
 * The partition log on disk, independent of networking: segments, indexes, recovery, retention,
 * compaction, producer state, leader epochs, checkpoints and flushing. A partition's log and its
 * state are owned by one thread (the partition shard); readers use immutable views. Classes say
 * in their header when they are thread-safe.
 */
package dev.millrace.storage;
