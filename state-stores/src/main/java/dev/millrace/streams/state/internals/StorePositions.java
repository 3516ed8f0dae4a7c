package dev.millrace.streams.state.internals;

import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.processor.api.RecordMetadata;
import dev.millrace.streams.query.Position;

import java.util.Optional;

/** Advances the position of a store to the record being processed. */
final class StorePositions {

    private StorePositions() {
    }

    /**
     * Raises the position component of the source topic partition of the current record to its offset. Does
     * nothing without a context, outside record processing, or when the record has no topic.
     *
     * @param position the position of the store
     * @param context the context of the store, possibly null (not initialised)
     */
    static void update(Position position, StateStoreContext context) {
        if (context == null) {
            return;
        }
        Optional<RecordMetadata> metadata = context.recordMetadata();
        if (metadata.isPresent() && metadata.get().topic() != null) {
            RecordMetadata record = metadata.get();
            position.withComponent(record.topic(), record.partition(), record.offset());
        }
    }
}
