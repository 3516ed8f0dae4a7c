package dev.millrace.protocol.record;

/**
 * The bytes of zero or more record batches as carried in a {@code records} field of Produce and
 * Fetch. Implementations: {@link MemoryRecords} (a buffer); the log server adds file-backed ones
 * that it sends with zero copy.
 */
public interface Records {
    /** Total size of the batches in bytes. */
    int sizeInBytes();
}
