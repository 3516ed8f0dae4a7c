package dev.millrace.streams.state.internals;

import dev.millrace.common.header.Header;
import dev.millrace.common.header.Headers;
import dev.millrace.common.header.RecordHeaders;
import dev.millrace.streams.processor.api.RecordMetadata;

import java.util.Objects;

/**
 * The context of a record as the store layers need it: timestamp, source offset, partition and topic, and
 * headers. The caching layer keeps one with every dirty entry and reinstates it while it flushes the entry, so
 * that the layers below (changelogging, position tracking) see the record that wrote the value. Immutable apart
 * from the headers object.
 */
public final class ProcessorRecordContext implements RecordMetadata {

    private final long timestamp;
    private final long offset;
    private final int partition;
    private final String topic;
    private final Headers headers;

    /**
     * Creates a record context.
     *
     * @param timestamp the record timestamp
     * @param offset the source offset, or -1 when unknown
     * @param partition the source partition, or -1 when unknown
     * @param topic the source topic, or null when unknown
     * @param headers the headers; null means none
     */
    public ProcessorRecordContext(long timestamp, long offset, int partition, String topic, Headers headers) {
        this.timestamp = timestamp;
        this.offset = offset;
        this.partition = partition;
        this.topic = topic;
        this.headers = headers == null ? new RecordHeaders() : headers;
    }

    /**
     * Returns the record timestamp.
     *
     * @return the timestamp
     */
    public long timestamp() {
        return timestamp;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public int partition() {
        return partition;
    }

    @Override
    public String topic() {
        return topic;
    }

    /**
     * Returns the headers.
     *
     * @return the headers, never null
     */
    public Headers headers() {
        return headers;
    }

    /**
     * Estimates the heap this context occupies, with Kafka Streams' accounting: 8 bytes each for timestamp and
     * offset, 4 for the partition, one per character of the topic and of each header key, plus the header values.
     *
     * @return the estimate in bytes
     */
    public long residentMemorySizeEstimate() {
        long size = Long.BYTES + Long.BYTES + Integer.BYTES;
        if (headers instanceof RecordHeaders records && records.isEmpty()) {
            return topic == null ? size : size + topic.length();
        }
        if (topic != null) {
            size += topic.length();
        }
        for (Header header : headers) {
            size += header.key().length();
            if (header.value() != null) {
                size += header.value().length;
            }
        }
        return size;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ProcessorRecordContext that)) {
            return false;
        }
        return timestamp == that.timestamp && offset == that.offset && partition == that.partition
                && Objects.equals(topic, that.topic) && Objects.equals(headers, that.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timestamp, offset, partition, topic);
    }

    @Override
    public String toString() {
        return "ProcessorRecordContext{topic=" + topic + ", partition=" + partition + ", offset=" + offset
                + ", timestamp=" + timestamp + ", headers=" + headers + '}';
    }
}
