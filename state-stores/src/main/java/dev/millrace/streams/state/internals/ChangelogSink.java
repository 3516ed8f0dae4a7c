package dev.millrace.streams.state.internals;

import dev.millrace.common.header.Headers;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.query.Position;

/**
 * Where the changelogging layers send every write: the streams runtime implements it with its record
 * collector (a producer), Kafka Streams' {@code InternalProcessorContext.logChange}. Records are sent in the
 * order of the writes, from the owning stream thread.
 *
 * <p>The key is already in the changelog layout of the store type (plain key; window key + start + seqnum;
 * session key + end + start) and the value is the changelog value (for timestamped stores, without the 8-byte
 * timestamp prefix, the timestamp travelling as the record timestamp). A null value is a tombstone.
 */
@FunctionalInterface
public interface ChangelogSink {

    /**
     * Sends one changelog record.
     *
     * @param topic the changelog topic, {@code <application.id>-<store>-changelog}
     * @param partition the changelog partition, the partition of the owning task
     * @param key the changelog key
     * @param value the changelog value, or null for a tombstone
     * @param timestamp the record timestamp
     * @param headers the headers given by the layer (empty for the plain layers); the runtime may add its own,
     *                such as Kafka's consistency headers carrying the position
     * @param position the position of the store after the write
     */
    void send(String topic, int partition, Bytes key, byte[] value, long timestamp, Headers headers,
              Position position);
}
