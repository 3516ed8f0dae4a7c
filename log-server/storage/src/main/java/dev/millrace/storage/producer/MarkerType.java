package dev.millrace.storage.producer;

/**
 * The outcome a transaction marker (control batch) writes for a producer's open transaction.
 * The wire encoding is the control record key type: {@code 0} = ABORT, {@code 1} = COMMIT.
 * Other control record types (KRaft metadata log only) never reach the producer state table.
 */
public enum MarkerType {
    /** The transaction's records become visible to read_committed consumers. */
    COMMIT,
    /** The transaction's records are skipped by read_committed consumers. */
    ABORT
}
