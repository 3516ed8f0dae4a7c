package dev.millrace.storage.log;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.errors.InvalidRecordException;
import dev.millrace.common.errors.InvalidTimestampException;
import dev.millrace.common.errors.RecordTooLargeException;
import dev.millrace.common.record.TimestampType;
import dev.millrace.protocol.record.Record;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.storage.producer.BatchInfo;
import dev.millrace.storage.producer.BatchMetadata;
import dev.millrace.storage.producer.ProducerStateTable;
import dev.millrace.storage.producer.ValidationResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leader-side checks of an append that go beyond the batch format (which
 * {@code MemoryRecords.validateProducerBatches} checks): {@code max.message.bytes}, CreateTime
 * timestamps against {@code message.timestamp.before/after.max.ms}, and producer sequences and
 * epochs. Stateless; runs on the log's owner thread.
 */
final class AppendValidator {
    private AppendValidator() {
    }

    static void checkBatch(TopicPartition topicPartition, RecordBatch batch, LogConfig cfg, long nowMs) {
        if (batch.sizeInBytes() > cfg.maxMessageBytes()) {
            throw new RecordTooLargeException("topicPartition=" + topicPartition + " batchSizeInBytes="
                    + batch.sizeInBytes() + " maxMessageBytes=" + cfg.maxMessageBytes(),
                    Map.of(topicPartition, batch.baseOffset()));
        }
        if (cfg.timestampType() != TimestampType.CREATE_TIME || batch.isControlBatch()) {
            return;
        }
        if (cfg.timestampAfterMaxMs() != Long.MAX_VALUE && batch.maxTimestamp() > nowMs + cfg.timestampAfterMaxMs()) {
            throw invalidTimestamp(topicPartition, batch.maxTimestamp(), nowMs, cfg);
        }
        if (cfg.timestampBeforeMaxMs() != Long.MAX_VALUE) {
            for (Record record : batch) {
                if (record.timestamp() < nowMs - cfg.timestampBeforeMaxMs()) {
                    throw invalidTimestamp(topicPartition, record.timestamp(), nowMs, cfg);
                }
            }
        }
    }

    private static InvalidTimestampException invalidTimestamp(TopicPartition topicPartition, long timestamp, long nowMs,
                                                              LogConfig cfg) {
        return new InvalidTimestampException("topicPartition=" + topicPartition + " timestamp=" + timestamp
                + " brokerTimeMs=" + nowMs + " timestampBeforeMaxMs=" + cfg.timestampBeforeMaxMs()
                + " timestampAfterMaxMs=" + cfg.timestampAfterMaxMs());
    }

    /**
     * Checks producer sequences and epochs; returns the original batch when the (single) batch is a
     * retry of one already in the log, and throws the Kafka exception of a producer error.
     */
    static Optional<BatchMetadata> checkProducerState(TopicPartition topicPartition, ProducerStateTable producerState,
                                                      List<RecordBatch> batches, List<BatchInfo> infos) {
        int idempotent = 0;
        for (BatchInfo info : infos) {
            idempotent += info.hasProducerId() ? 1 : 0;
        }
        if (idempotent > 1) {
            throw new InvalidRecordException("topicPartition=" + topicPartition + " batches=" + batches.size()
                    + " reason=atMostOneProducerBatchPerAppend");
        }
        for (BatchInfo info : infos) {
            ValidationResult result = producerState.validate(info);
            if (result instanceof ValidationResult.Duplicate duplicate) {
                if (batches.size() != 1) {
                    throw new InvalidRecordException("topicPartition=" + topicPartition
                            + " reason=duplicateBatchMixedWithOthers");
                }
                return Optional.of(duplicate.original());
            }
            if (result instanceof ValidationResult.Rejected rejected) {
                throw rejected.error().exception("topicPartition=" + topicPartition + " "
                        + rejected.message());
            }
        }
        return Optional.empty();
    }
}
