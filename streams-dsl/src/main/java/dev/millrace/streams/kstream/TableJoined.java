package dev.millrace.streams.kstream;

import dev.millrace.streams.processor.StreamPartitioner;

/**
 * Options of a foreign-key table-table join: the partitioners of the two tables (used to route subscription and
 * response records) and the base name of its processors and topics; mirrors Kafka's {@code TableJoined}. Unset
 * fields are null and mean "use the default".
 *
 * <p>Immutable: each {@code with*} method returns a new instance.
 *
 * @param <K> the key type of the left table
 * @param <KO> the key type of the right (foreign) table
 */
public class TableJoined<K, KO> implements NamedOperation<TableJoined<K, KO>> {

    /** The partitioner of the left table, or null for the default. */
    protected final StreamPartitioner<K, Void> partitioner;
    /** The partitioner of the right table, or null for the default. */
    protected final StreamPartitioner<KO, Void> otherPartitioner;
    /** The base name, or null to generate one. */
    protected final String name;

    private TableJoined(StreamPartitioner<K, Void> partitioner, StreamPartitioner<KO, Void> otherPartitioner,
                        String name) {
        this.partitioner = partitioner;
        this.otherPartitioner = otherPartitioner;
        this.name = name;
    }

    /**
     * Copies another instance; for internal subclasses.
     *
     * @param tableJoined the instance to copy
     */
    protected TableJoined(TableJoined<K, KO> tableJoined) {
        this(tableJoined.partitioner, tableJoined.otherPartitioner, tableJoined.name);
    }

    /**
     * Creates an instance with both partitioners.
     *
     * @param partitioner the left table's partitioner, or null
     * @param otherPartitioner the right table's partitioner, or null
     * @param <K> the left key type
     * @param <KO> the right key type
     * @return the new instance
     */
    public static <K, KO> TableJoined<K, KO> with(StreamPartitioner<K, Void> partitioner,
                                                  StreamPartitioner<KO, Void> otherPartitioner) {
        return new TableJoined<>(partitioner, otherPartitioner, null);
    }

    /**
     * Creates an instance with a base name.
     *
     * @param name the base name
     * @param <K> the left key type
     * @param <KO> the right key type
     * @return the new instance
     */
    public static <K, KO> TableJoined<K, KO> as(String name) {
        return new TableJoined<>(null, null, name);
    }

    /**
     * Returns a copy with the left table's partitioner replaced.
     *
     * @param partitioner the partitioner, or null
     * @return a new instance
     */
    public TableJoined<K, KO> withPartitioner(StreamPartitioner<K, Void> partitioner) {
        return new TableJoined<>(partitioner, otherPartitioner, name);
    }

    /**
     * Returns a copy with the right table's partitioner replaced.
     *
     * @param otherPartitioner the partitioner, or null
     * @return a new instance
     */
    public TableJoined<K, KO> withOtherPartitioner(StreamPartitioner<KO, Void> otherPartitioner) {
        return new TableJoined<>(partitioner, otherPartitioner, name);
    }

    @Override
    public TableJoined<K, KO> withName(String name) {
        return new TableJoined<>(partitioner, otherPartitioner, name);
    }
}
