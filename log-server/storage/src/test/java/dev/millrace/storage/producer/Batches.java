package dev.millrace.storage.producer;

import static org.assertj.core.api.Assertions.assertThat;

/** Builders of {@link BatchInfo} for tests, with sequences computed the way the log computes them. */
final class Batches {
    static final long NOW_MS = 1_700_000_000_000L;

    private Batches() {
    }

    /** The sequence {@code count - 1} steps after {@code base}, wrapping from Integer.MAX_VALUE to 0. */
    static int lastSequence(int base, int count) {
        return (int) ((base + (long) count - 1) % (Integer.MAX_VALUE + 1L));
    }

    static BatchInfo data(long producerId, int epoch, int baseSequence, int count, long firstOffset) {
        return data(producerId, epoch, baseSequence, count, firstOffset, NOW_MS, false);
    }

    static BatchInfo data(long producerId, int epoch, int baseSequence, int count, long firstOffset,
                          long timestamp, boolean transactional) {
        return new BatchInfo(producerId, (short) epoch, baseSequence, lastSequence(baseSequence, count),
            firstOffset, firstOffset + count - 1, timestamp, transactional, false, null, -1);
    }

    static BatchInfo txnData(long producerId, int epoch, int baseSequence, int count, long firstOffset) {
        return data(producerId, epoch, baseSequence, count, firstOffset, NOW_MS, true);
    }

    static BatchInfo marker(long producerId, int epoch, MarkerType type, long offset, int coordinatorEpoch) {
        return marker(producerId, epoch, type, offset, coordinatorEpoch, NOW_MS);
    }

    static BatchInfo marker(long producerId, int epoch, MarkerType type, long offset, int coordinatorEpoch,
                            long timestamp) {
        return new BatchInfo(producerId, (short) epoch, -1, -1, offset, offset, timestamp, true, true, type,
            coordinatorEpoch);
    }

    static BatchInfo nonIdempotent(long firstOffset, int count) {
        return new BatchInfo(-1, (short) -1, -1, -1, firstOffset, firstOffset + count - 1, NOW_MS, false, false,
            null, -1);
    }

    /** Validates {@code batch}, requires it to be accepted, and records it. */
    static void append(ProducerStateTable table, BatchInfo batch) {
        assertThat(table.validate(batch)).as("validate %s", batch).isEqualTo(ValidationResult.ACCEPTED);
        table.update(batch);
    }
}
