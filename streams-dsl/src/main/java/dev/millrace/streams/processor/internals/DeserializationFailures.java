package dev.millrace.streams.processor.internals;

import dev.millrace.clients.consumer.ConsumerRecord;
import dev.millrace.streams.errors.StreamsException;

/**
 * Applies {@code deserialization.exception.handler} to an input record that failed to deserialize: fail (the
 * default) throws a {@link StreamsException} naming the record, continue drops it and counts it.
 */
final class DeserializationFailures {

    private DeserializationFailures() {
    }

    static TaskInputQueues.Stamped handle(StreamTask task, ConsumerRecord<byte[], byte[]> raw, SourceNode<?, ?> source,
                                          RuntimeException error) {
        throw new StreamsException("Deserialization exception handler is set to fail upon a deserialization error. "
                + "If you would rather have the streaming pipeline continue after a deserialization error, please "
                + "set the deserialization.exception.handler appropriately. (task=" + task.id() + " node="
                + source.name() + " topic=" + raw.topic() + " partition=" + raw.partition() + " offset="
                + raw.offset() + ")", error);
    }
}
