package dev.millrace.protocol.record;

import dev.millrace.common.errors.CorruptRecordException;
import dev.millrace.common.errors.InvalidRecordException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Record batches held in a {@link ByteBuffer}: zero or more magic 2 batches laid end to end, as
 * carried in the {@code records} field of Produce and Fetch. The buffer's position..limit is the
 * content; this class never changes the caller's buffer position (it keeps its own slice).
 *
 * <pre>
 * records := batch* [partial batch]
 * batch   := baseOffset INT64 | batchLength INT32 | batchLength bytes   (layout on {@link RecordBatch})
 * </pre>
 *
 * <p>Reading comes in two strengths. {@link #batches()} is what consumers use: a trailing partial
 * batch (a fetch response may cut the last batch short) ends the iteration quietly, while a whole
 * batch with an impossible length or a magic other than 2 raises {@link CorruptRecordException}.
 * {@link #validateBatches()} is what a broker or log recovery uses: it also rejects trailing bytes,
 * checks every CRC and decodes every record. {@link #validateProducerBatches()} adds the rules for
 * batches a client produced, which raise {@link InvalidRecordException} because the data is intact but
 * not acceptable.
 *
 * <p>Batches returned by {@link #batches()} are views over this object's bytes: their setters
 * (offsets, leader epoch, LogAppendTime) write through. Apart from such writes the object is
 * immutable; reads may run on several threads at once.
 */
public final class MemoryRecords implements Records {
    /** No batches. */
    public static final MemoryRecords EMPTY = new MemoryRecords(ByteBuffer.allocate(0));

    private final ByteBuffer buffer;

    private MemoryRecords(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** Wraps the remaining bytes of {@code buffer} (position..limit) without copying. */
    public static MemoryRecords readableRecords(ByteBuffer buffer) {
        return new MemoryRecords(buffer.slice());
    }

    /**
     * Builds the control batch that ends a transaction on one partition: one COMMIT or ABORT record
     * at {@code initialOffset}, transactional, without base sequence, uncompressed, CreateTime.
     */
    public static MemoryRecords withEndTransactionMarker(long initialOffset, long timestamp, int partitionLeaderEpoch,
            long producerId, short producerEpoch, EndTransactionMarker marker) {
        return new RecordBatchBuilder()
                .baseOffset(initialOffset)
                .partitionLeaderEpoch(partitionLeaderEpoch)
                .producerState(producerId, producerEpoch, RecordBatch.NO_SEQUENCE)
                .transactional(true)
                .control(true)
                .initialCapacity(RecordBatch.RECORD_BATCH_OVERHEAD + 16)
                .appendEndTxnMarker(timestamp, marker)
                .build();
    }

    /** A fresh read-only view of the content, positioned at 0. */
    public ByteBuffer buffer() {
        return buffer.asReadOnlyBuffer();
    }

    @Override
    public int sizeInBytes() {
        return buffer.remaining();
    }

    /**
     * The batches in order. A trailing partial batch ends the iteration without error.
     *
     * <p>The iterator throws {@link CorruptRecordException} from {@code hasNext()} when the next whole
     * batch has a batchLength below 49 or a magic other than 2.
     */
    public Iterable<RecordBatch> batches() {
        return () -> new BatchIterator(buffer, false);
    }

    /** The records of all batches in order (decoded lazily; see {@link RecordBatch#iterator()}). */
    public Iterable<Record> records() {
        return () -> new Iterator<>() {
            private final Iterator<RecordBatch> batches = batches().iterator();
            private Iterator<Record> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!batches.hasNext()) {
                        return false;
                    }
                    current = batches.next().iterator();
                }
                return true;
            }

            @Override
            public Record next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("reason=noMoreRecords");
                }
                return current.next();
            }
        };
    }

    /**
     * Checks the integrity of every batch: framing (batchLength at least 49, each batch whole, no
     * trailing bytes), magic 2, CRC, and a full decode of the records (record lengths within the
     * batch, record count equal to recordsCount, offset deltas increasing within lastOffsetDelta).
     *
     * @return the number of batches
     * @throws CorruptRecordException on the first failure, with key=value facts
     */
    public int validateBatches() {
        int batches = 0;
        for (BatchIterator it = new BatchIterator(buffer, true); it.hasNext(); batches++) {
            RecordBatch batch = it.next();
            batch.ensureValid();
            batch.validateRecords();
        }
        return batches;
    }

    /**
     * {@link #validateBatches()} plus the rules for batches received from a client in a Produce request:
     * at least one record, recordsCount equal to lastOffsetDelta + 1 (so offset deltas run 0..n-1), no
     * control batch, and a base sequence whenever a producer id is set.
     *
     * @return the number of batches
     * @throws CorruptRecordException if the bytes are corrupt
     * @throws InvalidRecordException if intact batches break one of the rules above
     */
    public int validateProducerBatches() {
        int batches = 0;
        for (BatchIterator it = new BatchIterator(buffer, true); it.hasNext(); batches++) {
            RecordBatch batch = it.next();
            batch.ensureValid();
            checkProducerRules(batch);
            batch.validateRecords();
        }
        return batches;
    }

    private static void checkProducerRules(RecordBatch batch) {
        int count = batch.recordsCount();
        if (count <= 0) {
            throw new InvalidRecordException("reason=noRecordsInProducerBatch" + facts(batch));
        }
        if (batch.lastOffsetDelta() != count - 1) {
            throw new InvalidRecordException("reason=recordsCountInconsistentWithLastOffsetDelta" + facts(batch));
        }
        if (batch.isControlBatch()) {
            throw new InvalidRecordException("reason=controlBatchFromClient" + facts(batch));
        }
        if (batch.hasProducerId() && batch.baseSequence() < 0) {
            throw new InvalidRecordException("reason=producerIdWithoutSequence producerId=" + batch.producerId()
                    + " baseSequence=" + batch.baseSequence() + facts(batch));
        }
    }

    /** The facts every producer-rule violation names; built only when one is found. */
    private static String facts(RecordBatch batch) {
        return " batchOffset=" + batch.baseOffset() + " recordsCount=" + batch.recordsCount()
                + " lastOffsetDelta=" + batch.lastOffsetDelta();
    }


    @Override
    public boolean equals(Object other) {
        return other instanceof MemoryRecords that && buffer.equals(that.buffer);
    }

    @Override
    public int hashCode() {
        return buffer.hashCode();
    }

    @Override
    public String toString() {
        return "MemoryRecords(sizeInBytes=" + sizeInBytes() + ")";
    }

    /**
     * Walks the batches of a buffer. In lenient mode a trailing partial batch (or fewer than 12 trailing
     * bytes) ends the walk; in strict mode it is corrupt.
     */
    private static final class BatchIterator implements Iterator<RecordBatch> {
        private final ByteBuffer buffer;
        private final boolean strict;
        private int position;
        private RecordBatch next;

        BatchIterator(ByteBuffer buffer, boolean strict) {
            this.buffer = buffer;
            this.strict = strict;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public RecordBatch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("reason=noMoreBatches position=" + position);
            }
            RecordBatch batch = next;
            next = null;
            return batch;
        }

        private RecordBatch advance() {
            int remaining = buffer.limit() - position;
            if (remaining == 0) {
                return null;
            }
            if (remaining < RecordBatch.LOG_OVERHEAD) {
                return partial("reason=batchHeaderTruncated remainingBytes=" + remaining);
            }
            int size = RecordBatch.checkedSize(buffer, position, remaining, position);
            if (size < 0) {
                return partial("reason=batchBeyondBuffer batchLength="
                        + buffer.getInt(position + RecordBatch.LENGTH_OFFSET) + " remainingBytes=" + remaining);
            }
            RecordBatch batch = RecordBatch.at(buffer, position, size);
            position += size;
            return batch;
        }

        private RecordBatch partial(String reason) {
            if (strict) {
                throw new CorruptRecordException(reason + " position=" + position
                        + " totalBytes=" + buffer.limit());
            }
            position = buffer.limit();
            return null;
        }
    }
}
