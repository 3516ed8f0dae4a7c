/**
 * The per-segment index files of the partition log, in Kafka's on-disk formats so that a segment
 * directory written by either system can be read by the other.
 *
 * <ul>
 *   <li>{@link dev.millrace.storage.index.OffsetIndex} ({@code .index}): sparse offset to file
 *       position map, memory-mapped, 8-byte entries.</li>
 *   <li>{@link dev.millrace.storage.index.TimeIndex} ({@code .timeindex}): sparse timestamp to
 *       offset map, memory-mapped, 12-byte entries.</li>
 *   <li>{@link dev.millrace.storage.index.TransactionIndex} ({@code .txnindex}): aborted
 *       transactions whose abort marker lies in the segment, plain append-only file, 34-byte
 *       entries.</li>
 * </ul>
 *
 * <p>Indexes are derived data: the log is the source of truth, and recovery deletes and rebuilds
 * an index that fails its {@code sanityCheck()}. Byte layouts are drawn in the javadoc of each index
 * class; all integers are big-endian.
 *
 * <p>Threading: every class here is confined to the thread that owns the partition (the partition
 * shard); none is thread-safe. Value types ({@link dev.millrace.storage.index.OffsetPosition},
 * {@link dev.millrace.storage.index.TimestampOffset}, {@link dev.millrace.storage.index.AbortedTxn},
 * {@link dev.millrace.storage.index.TxnIndexSearchResult}) are immutable and may be shared freely.
 */
package dev.millrace.storage.index;
