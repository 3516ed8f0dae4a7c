package dev.millrace.serdes.avro;

import java.util.Objects;

/**
 * Where the bytes being deserialized came from: topic, and partition and offset when the caller knows
 * them. The Kafka-shaped {@code deserialize(topic, headers, data)} methods only know the topic; a caller
 * that knows more (a consumer's fetch loop, the topology test driver) passes a full location to
 * {@link AvroDeserializer#deserialize(RecordLocation, dev.millrace.common.header.Headers, byte[])} so that
 * a {@link dev.millrace.common.errors.SerializationException} names the exact record.
 *
 * <p>Immutable and thread-safe.
 *
 * @param topic the topic; never null
 * @param partition the partition, or {@link #UNKNOWN} when not known
 * @param offset the record's offset, or {@link #UNKNOWN} when not known
 */
public record RecordLocation(String topic, int partition, long offset) {
    /** The partition or offset value meaning "not known". */
    public static final int UNKNOWN = -1;

    /**
     * Checks the topic.
     *
     * @throws NullPointerException if {@code topic} is null
     */
    public RecordLocation {
        Objects.requireNonNull(topic, "reason=nullTopic");
    }

    /**
     * A location that knows only the topic.
     *
     * @param topic the topic
     * @return the location with partition and offset unknown
     */
    public static RecordLocation ofTopic(String topic) {
        return new RecordLocation(topic, UNKNOWN, UNKNOWN);
    }

    /**
     * The location as {@code key=value} facts for exception messages; partition and offset appear only
     * when known.
     *
     * @return for example {@code topic=orders partition=3 offset=1200}
     */
    public String facts() {
        StringBuilder facts = new StringBuilder("topic=").append(topic);
        if (partition != UNKNOWN) {
            facts.append(" partition=").append(partition);
        }
        if (offset != UNKNOWN) {
            facts.append(" offset=").append(offset);
        }
        return facts.toString();
    }
}
