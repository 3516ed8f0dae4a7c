package dev.millrace.cli;

import dev.millrace.common.header.Header;
import dev.millrace.common.record.TimestampType;
import dev.millrace.protocol.record.ControlRecordType;
import dev.millrace.protocol.record.EndTransactionMarker;
import dev.millrace.protocol.record.Record;
import dev.millrace.protocol.record.RecordBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Formats the lines of {@code dump-log} as kafka-dump-log prints them: one line per batch header
 * ({@code baseOffset: 0 lastOffset: 2 count: 3 ... crc: 123 isvalid: true}) and, on deep
 * iteration, one line per record ({@code | offset: 0 CreateTime: .. keySize: 1 valueSize: 3
 * sequence: -1 headerKeys: []}, plus {@code key: .. payload: ..} when printing data, or the end
 * transaction marker of a control record). Keys and values print as UTF-8 text; a null key or value
 * is left out, as Kafka does. Stateless.
 */
final class BatchDumpFormatter {
    private BatchDumpFormatter() {
    }

    /** The batch header line; {@code position} is the batch's byte position in its file. */
    static String batchLine(RecordBatch batch, long position) {
        return "baseOffset: " + batch.baseOffset() + " lastOffset: " + batch.lastOffset() + " count: "
                + batch.recordsCount() + " baseSequence: " + batch.baseSequence() + " lastSequence: "
                + batch.lastSequence() + " producerId: " + batch.producerId() + " producerEpoch: "
                + batch.producerEpoch() + " partitionLeaderEpoch: " + batch.partitionLeaderEpoch()
                + " isTransactional: " + batch.isTransactional() + " isControl: " + batch.isControlBatch()
                + " deleteHorizonMs: " + batch.deleteHorizonMs() + " position: " + position + " "
                + batch.timestampType().name + ": " + batch.maxTimestamp() + " size: " + batch.sizeInBytes()
                + " magic: " + batch.magic() + " compresscodec: " + batch.compressionType().name + " crc: "
                + batch.crc() + " isvalid: " + batch.isValid();
    }

    /** One record line. */
    static String recordLine(RecordBatch batch, Record record, boolean printData) {
        StringJoiner headerKeys = new StringJoiner(",", "[", "]");
        for (Header header : record.headers()) {
            headerKeys.add(header.key());
        }
        TimestampType type = batch.timestampType();
        StringBuilder line = new StringBuilder("| offset: ").append(record.offset()).append(' ').append(type.name)
                .append(": ").append(record.timestamp()).append(" keySize: ").append(record.keySize())
                .append(" valueSize: ").append(record.valueSize()).append(" sequence: ").append(record.sequence())
                .append(" headerKeys: ").append(headerKeys);
        if (batch.isControlBatch()) {
            appendControl(line, record);
        } else if (printData) {
            if (record.hasKey()) {
                line.append(" key: ").append(text(record.key()));
            }
            if (record.hasValue()) {
                line.append(" payload: ").append(text(record.value()));
            }
        }
        return line.toString();
    }

    private static void appendControl(StringBuilder line, Record record) {
        ControlRecordType type = record.hasKey() ? ControlRecordType.parse(record.key()) : null;
        if (type == ControlRecordType.COMMIT || type == ControlRecordType.ABORT) {
            EndTransactionMarker marker = EndTransactionMarker.deserialize(record);
            line.append(" endTxnMarker: ").append(marker.controlType()).append(" coordinatorEpoch: ")
                    .append(marker.coordinatorEpoch());
        } else {
            line.append(" controlType: ").append(type == null ? "UNKNOWN" : type.toString());
        }
    }

    private static String text(ByteBuffer bytes) {
        ByteBuffer copy = bytes.duplicate();
        byte[] array = new byte[copy.remaining()];
        copy.get(array);
        return new String(array, StandardCharsets.UTF_8);
    }
}
