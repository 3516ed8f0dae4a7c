package dev.millrace.streams.processor.api;

/**
 * Where the record being processed came from: its topic, partition and offset. Stores use it to track the
 * position of their content for bounded-staleness queries.
 */
public interface RecordMetadata {

    /**
     * Returns the source topic.
     *
     * @return the topic name
     */
    String topic();

    /**
     * Returns the source partition.
     *
     * @return the partition number
     */
    int partition();

    /**
     * Returns the offset of the record in its partition.
     *
     * @return the offset
     */
    long offset();
}
