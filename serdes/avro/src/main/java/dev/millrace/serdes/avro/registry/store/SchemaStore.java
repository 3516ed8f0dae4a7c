package dev.millrace.serdes.avro.registry.store;

import java.util.function.Consumer;

/**
 * The registry's durable state: an append-only log of {@link StoreRecord}s whose keys and values are
 * the JSON documents of {@link RegistryRecordCodec} (the layout of Confluent's {@code _schemas} topic).
 * The registry appends one record per change and, at start, rebuilds its whole state by replaying the
 * log from the beginning.
 *
 * <p>The production implementation is {@link TopicSchemaStore}, a compacted topic of the log server;
 * the format is designed for that: every key names the piece of state it sets (one schema version, one
 * config scope, one subject's delete marker), the latest value per key is enough to rebuild the state,
 * and tombstones remove keys. Replaying a compacted log
 * therefore gives the same subjects, versions, ids and configs as replaying the full one.
 *
 * <p>Implementations must be thread-safe; {@link #append} returns only once the record is durable by
 * the store's own standard, and {@link #replay} delivers records in append order.
 */
public interface SchemaStore extends AutoCloseable {
    /**
     * Appends one record.
     *
     * @param record the record
     * @throws SchemaStoreException if the record could not be stored
     */
    void append(StoreRecord record);

    /**
     * Delivers every stored record, oldest first, to a consumer, on the calling thread.
     *
     * @param sink receives the records
     * @throws SchemaStoreException if the log cannot be read
     */
    void replay(Consumer<StoreRecord> sink);

    /** Releases resources; the default does nothing. */
    @Override
    default void close() {
    }
}
