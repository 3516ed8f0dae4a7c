package dev.millrace.storage.producer;

import dev.millrace.protocol.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A deliberately naive reference for {@link ProducerStateTable}, used by the seeded model test: it
 * keeps every batch of the current epoch in a list (not a ring of five), copies whole states for
 * snapshots, and states the Produce idempotence rules as plainly as possible.
 */
final class ProducerStateModel {
    private static final int WINDOW = 5;

    /** One appended batch as the model sees it. */
    record ModelBatch(int firstSequence, int lastSequence, long firstOffset, long lastOffset, long timestamp) {
        BatchMetadata toMetadata() {
            return new BatchMetadata(lastSequence, lastOffset, (int) (lastOffset - firstOffset), timestamp);
        }
    }

    /** The model's state for one producer. */
    static final class ModelProducer {
        short epoch = -1;
        int coordinatorEpoch = -1;
        long lastTimestamp = -1;
        long txnFirstOffset = -1;
        List<ModelBatch> batches = new ArrayList<>();

        ModelProducer copyForSnapshot() {
            ModelProducer copy = new ModelProducer();
            copy.epoch = epoch;
            copy.coordinatorEpoch = coordinatorEpoch;
            copy.lastTimestamp = lastTimestamp;
            copy.txnFirstOffset = txnFirstOffset;
            if (!batches.isEmpty()) {
                ModelBatch last = batches.get(batches.size() - 1);
                // A snapshot keeps only the last batch, stamped with the producer's last timestamp.
                copy.batches.add(new ModelBatch(last.firstSequence(), last.lastSequence(), last.firstOffset(),
                    last.lastOffset(), lastTimestamp));
            }
            return copy;
        }
    }

    final long expirationMs;
    Map<Long, ModelProducer> producers = new TreeMap<>();
    final TreeMap<Long, Map<Long, ModelProducer>> snapshots = new TreeMap<>();
    long mapEndOffset;

    ProducerStateModel(long expirationMs) {
        this.expirationMs = expirationMs;
    }

    ValidationResult expected(BatchInfo batch) {
        if (batch.producerId() < 0) {
            return ValidationResult.ACCEPTED;
        }
        ModelProducer producer = producers.get(batch.producerId());
        if (producer == null) {
            return ValidationResult.ACCEPTED;
        }
        if (batch.producerEpoch() < producer.epoch) {
            return new ValidationResult.Rejected(ErrorCode.INVALID_PRODUCER_EPOCH, "");
        }
        if (batch.control()) {
            return ValidationResult.ACCEPTED;
        }
        if (batch.producerEpoch() > producer.epoch) {
            return batch.baseSequence() == 0 ? ValidationResult.ACCEPTED : outOfOrder();
        }
        List<ModelBatch> all = producer.batches;
        for (int i = all.size() - 1; i >= Math.max(0, all.size() - WINDOW); i--) {
            ModelBatch old = all.get(i);
            if (old.firstSequence() == batch.baseSequence() && old.lastSequence() == batch.lastSequence()) {
                return new ValidationResult.Duplicate(old.toMetadata());
            }
        }
        if (all.isEmpty()) {
            return batch.baseSequence() == 0 ? ValidationResult.ACCEPTED : outOfOrder();
        }
        long next = (all.get(all.size() - 1).lastSequence() + 1L) % (Integer.MAX_VALUE + 1L);
        return batch.baseSequence() == next ? ValidationResult.ACCEPTED : outOfOrder();
    }

    private static ValidationResult outOfOrder() {
        return new ValidationResult.Rejected(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, "");
    }

    Optional<CompletedTxn> apply(BatchInfo batch) {
        mapEndOffset = batch.lastOffset() + 1;
        if (batch.producerId() < 0) {
            return Optional.empty();
        }
        ModelProducer producer = producers.computeIfAbsent(batch.producerId(), id -> new ModelProducer());
        if (producer.epoch != batch.producerEpoch()) {
            producer.epoch = batch.producerEpoch();
            producer.batches = new ArrayList<>();
        }
        producer.lastTimestamp = batch.maxTimestamp();
        if (batch.control()) {
            long first = producer.txnFirstOffset >= 0 ? producer.txnFirstOffset : batch.firstOffset();
            producer.txnFirstOffset = -1;
            producer.coordinatorEpoch = batch.coordinatorEpoch();
            return Optional.of(new CompletedTxn(batch.producerId(), first, batch.firstOffset(),
                batch.markerType() == MarkerType.ABORT));
        }
        producer.batches.add(new ModelBatch(batch.baseSequence(), batch.lastSequence(), batch.firstOffset(),
            batch.lastOffset(), batch.maxTimestamp()));
        if (batch.transactional() && producer.txnFirstOffset < 0) {
            producer.txnFirstOffset = batch.firstOffset();
        }
        return Optional.empty();
    }

    int removeExpired(long nowMs) {
        int before = producers.size();
        producers.values().removeIf(p -> p.txnFirstOffset < 0 && nowMs - p.lastTimestamp >= expirationMs);
        return before - producers.size();
    }

    void takeSnapshot(long offset) {
        Map<Long, ModelProducer> copy = new TreeMap<>();
        producers.forEach((id, producer) -> copy.put(id, producer.copyForSnapshot()));
        snapshots.put(offset, copy);
        mapEndOffset = offset;
    }

    /** Mirrors truncateAndReload with log start 0; returns the offset to replay from. */
    long truncateAndReload(long logEndOffset, long nowMs) {
        snapshots.tailMap(logEndOffset, false).clear();
        if (logEndOffset == mapEndOffset) {
            return logEndOffset;
        }
        producers = new TreeMap<>();
        Map.Entry<Long, Map<Long, ModelProducer>> latest = snapshots.floorEntry(logEndOffset);
        if (latest == null) {
            mapEndOffset = 0;
            return 0;
        }
        latest.getValue().forEach((id, producer) -> producers.put(id, producer.copyForSnapshot()));
        removeExpired(nowMs);
        mapEndOffset = latest.getKey();
        return latest.getKey();
    }

    List<ProducerStateEntry> entries() {
        List<ProducerStateEntry> entries = new ArrayList<>();
        producers.forEach((id, p) -> {
            List<BatchMetadata> window = new ArrayList<>();
            for (ModelBatch batch : p.batches.subList(Math.max(0, p.batches.size() - WINDOW), p.batches.size())) {
                window.add(batch.toMetadata());
            }
            entries.add(new ProducerStateEntry(id, p.epoch, p.coordinatorEpoch, p.lastTimestamp, p.txnFirstOffset,
                window));
        });
        return entries;
    }

    OptionalLong firstUnstableOffset() {
        return producers.values().stream().mapToLong(p -> p.txnFirstOffset).filter(o -> o >= 0).min();
    }

    ModelProducer producer(long producerId) {
        return producers.get(producerId);
    }
}
