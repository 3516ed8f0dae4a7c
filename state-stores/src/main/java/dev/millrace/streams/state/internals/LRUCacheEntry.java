package dev.millrace.streams.state.internals;

import dev.millrace.common.header.Headers;

/**
 * A value held by the {@link ThreadCache}: the serialized value (null marks a deletion not yet flushed), the
 * context of the record that wrote it, and whether it is dirty (written but not yet flushed to the store below).
 * Its size is Kafka Streams' estimate: the value bytes, one byte for the dirty flag and the record context's
 * {@link ProcessorRecordContext#residentMemorySizeEstimate()}. Only the dirty flag changes after creation.
 */
public final class LRUCacheEntry {

    private final byte[] value;
    private final ProcessorRecordContext context;
    private final long sizeBytes;
    private boolean dirty;

    /**
     * Creates a clean entry for a value read from the store below (no record context).
     *
     * @param value the value
     */
    public LRUCacheEntry(byte[] value) {
        this(value, new ProcessorRecordContext(-1, -1, -1, "", null), false);
    }

    /**
     * Creates an entry.
     *
     * @param value the value, or null for a deletion
     * @param headers the headers of the writing record
     * @param dirty whether the entry must be flushed
     * @param offset the source offset of the writing record
     * @param timestamp the timestamp of the writing record
     * @param partition the source partition of the writing record
     * @param topic the source topic of the writing record
     */
    public LRUCacheEntry(byte[] value, Headers headers, boolean dirty, long offset, long timestamp, int partition,
                         String topic) {
        this(value, new ProcessorRecordContext(timestamp, offset, partition, topic, headers), dirty);
    }

    /**
     * Creates an entry with a record context.
     *
     * @param value the value, or null for a deletion
     * @param context the context of the writing record, not null
     * @param dirty whether the entry must be flushed
     */
    public LRUCacheEntry(byte[] value, ProcessorRecordContext context, boolean dirty) {
        this.value = value;
        this.context = context;
        this.dirty = dirty;
        this.sizeBytes = 1 + (value == null ? 0 : value.length) + context.residentMemorySizeEstimate();
    }

    void markClean() {
        dirty = false;
    }

    /**
     * Tells whether the entry still has to be flushed.
     *
     * @return true when dirty
     */
    public boolean isDirty() {
        return dirty;
    }

    /**
     * Returns the estimated size of the entry.
     *
     * @return the size in bytes
     */
    public long size() {
        return sizeBytes;
    }

    /**
     * Returns the value.
     *
     * @return the value, or null for a pending deletion
     */
    public byte[] value() {
        return value;
    }

    /**
     * Returns the context of the record that wrote the entry.
     *
     * @return the context
     */
    public ProcessorRecordContext context() {
        return context;
    }

    @Override
    public String toString() {
        return "LRUCacheEntry{size=" + sizeBytes + ", dirty=" + dirty + ", context=" + context + '}';
    }
}
