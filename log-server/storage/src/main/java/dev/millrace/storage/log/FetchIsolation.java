package dev.millrace.storage.log;

/** How far a read may go: what a follower, a read_uncommitted consumer or a read_committed one may see. */
public enum FetchIsolation {
    /** Up to the log end offset (followers replicating the leader). */
    LOG_END,
    /** Up to the high watermark (read_uncommitted consumers). */
    HIGH_WATERMARK,
    /** Up to the last stable offset (read_committed consumers). */
    TXN_COMMITTED
}
