package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.processor.api.ProcessingContext;
import dev.millrace.streams.processor.api.RecordMetadata;
import dev.millrace.streams.processor.internals.StreamsMetricsImpl;
import org.slf4j.Logger;

import java.util.Optional;

/**
 * Skips a record the way Kafka Streams' DSL processors do: a warning naming the record's topic, partition and
 * offset (when known) and one count on the task's dropped-records metric. Stateless.
 */
final class DroppedRecords {

    private DroppedRecords() {
    }

    /**
     * Logs and counts a skipped record.
     *
     * @param log the processor's logger
     * @param context the processor's context
     * @param reason the reason, e.g. {@code "null key or value"}
     */
    static void skip(Logger log, ProcessingContext context, String reason) {
        Optional<RecordMetadata> metadata = context.recordMetadata();
        if (metadata.isPresent()) {
            RecordMetadata m = metadata.get();
            log.warn("Skipping record due to {}. topic=[{}] partition=[{}] offset=[{}]", reason, m.topic(),
                    m.partition(), m.offset());
        } else {
            log.warn("Skipping record due to {}. Topic, partition, and offset not known.", reason);
        }
        StreamsMetricsImpl.recordDroppedRecord(context);
    }
}
