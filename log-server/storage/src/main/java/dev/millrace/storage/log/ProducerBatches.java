package dev.millrace.storage.log;

import dev.millrace.common.errors.CorruptRecordException;
import dev.millrace.protocol.record.ControlRecordType;
import dev.millrace.protocol.record.EndTransactionMarker;
import dev.millrace.protocol.record.Record;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.storage.producer.BatchInfo;
import dev.millrace.storage.producer.MarkerType;
import java.util.Iterator;

/** Turns record batches into the facts producer-state tracking needs. Stateless. */
final class ProducerBatches {
    private ProducerBatches() {
    }

    /** The producer facts of {@code batch}, whose offsets are final. */
    static BatchInfo info(RecordBatch batch) {
        return info(batch, batch.baseOffset(), batch.lastOffset());
    }

    /** The producer facts of {@code batch} as if its offsets were {@code firstOffset..lastOffset}. */
    static BatchInfo info(RecordBatch batch, long firstOffset, long lastOffset) {
        MarkerType marker = null;
        int coordinatorEpoch = -1;
        if (batch.isControlBatch()) {
            Iterator<Record> records = batch.iterator();
            if (!records.hasNext()) {
                throw new CorruptRecordException("reason=emptyControlBatch batchOffset=" + batch.baseOffset());
            }
            Record record = records.next();
            ControlRecordType type = ControlRecordType.parse(record.key());
            if (type == ControlRecordType.COMMIT || type == ControlRecordType.ABORT) {
                marker = type == ControlRecordType.COMMIT ? MarkerType.COMMIT : MarkerType.ABORT;
                coordinatorEpoch = EndTransactionMarker.deserialize(record).coordinatorEpoch();
            }
        }
        boolean control = marker != null;
        return new BatchInfo(batch.producerId(), batch.producerEpoch(), batch.baseSequence(), batch.lastSequence(),
                firstOffset, lastOffset, batch.maxTimestamp(), batch.isTransactional(), control, marker,
                coordinatorEpoch);
    }
}
