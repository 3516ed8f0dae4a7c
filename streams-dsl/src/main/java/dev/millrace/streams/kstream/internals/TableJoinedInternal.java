package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.kstream.TableJoined;
import dev.millrace.streams.processor.StreamPartitioner;

/**
 * The engine's read-only view of a {@link TableJoined}. Null results mean "use the default".
 *
 * @param <K> the left key type
 * @param <KO> the right key type
 */
public class TableJoinedInternal<K, KO> extends TableJoined<K, KO> {

    /**
     * Copies the user's options.
     *
     * @param tableJoined the options to copy
     */
    public TableJoinedInternal(TableJoined<K, KO> tableJoined) {
        super(tableJoined);
    }

    /** @return the left table's partitioner, or null */
    public StreamPartitioner<K, Void> partitioner() {
        return partitioner;
    }

    /** @return the right table's partitioner, or null */
    public StreamPartitioner<KO, Void> otherPartitioner() {
        return otherPartitioner;
    }

    /** @return the base name, or null */
    public String name() {
        return name;
    }
}
