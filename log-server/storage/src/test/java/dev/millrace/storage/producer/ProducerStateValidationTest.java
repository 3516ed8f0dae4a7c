package dev.millrace.storage.producer;

import dev.millrace.protocol.error.ErrorCode;
import static dev.millrace.storage.producer.Batches.append;
import static dev.millrace.storage.producer.Batches.data;
import static dev.millrace.storage.producer.Batches.nonIdempotent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.time.ManualTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProducerStateValidationTest {
    private static final long PID = 1000L;

    private final ProducerStateTable table = new ProducerStateTable(new ManualTime(Batches.NOW_MS));

    /** Appends {@code n} batches of 3 records each from sequence 0 at offset 0, epoch 0; returns them. */
    private List<BatchInfo> appendBatches(int n) {
        List<BatchInfo> batches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BatchInfo batch = data(PID, 0, i * 3, 3, i * 3L);
            append(table, batch);
            batches.add(batch);
        }
        return batches;
    }

    private static BatchInfo retry(BatchInfo original, long newFirstOffset) {
        return data(original.producerId(), original.producerEpoch(), original.baseSequence(),
            original.offsetDelta() + 1, newFirstOffset);
    }

    @Test
    void shouldAlwaysAcceptBatchWithoutProducerId() {
        appendBatches(2);
        assertThat(table.validate(nonIdempotent(6, 4))).isEqualTo(ValidationResult.ACCEPTED);
        table.update(nonIdempotent(6, 4));
        assertThat(table.producerCount()).isEqualTo(1);
        assertThat(table.mapEndOffset()).isEqualTo(10);
    }

    @Test
    void shouldAcceptAnySequenceFromUnknownProducer() {
        assertThat(table.validate(data(PID, 3, 12_345, 2, 0))).isEqualTo(ValidationResult.ACCEPTED);
        assertThat(table.validate(data(PID, 0, 0, 1, 0))).isEqualTo(ValidationResult.ACCEPTED);
    }

    @Test
    void shouldAcceptNextSequenceInSameEpoch() {
        appendBatches(1);
        assertThat(table.validate(data(PID, 0, 3, 5, 3))).isEqualTo(ValidationResult.ACCEPTED);
    }

    @Test
    void shouldDetectDuplicateOfEachOfTheLastFiveBatches() {
        List<BatchInfo> batches = appendBatches(7);
        for (int k = 2; k < 7; k++) {
            BatchInfo original = batches.get(k);
            ValidationResult result = table.validate(retry(original, 21));
            assertThat(result).as("retry of batch %s", k).isInstanceOf(ValidationResult.Duplicate.class);
            BatchMetadata metadata = ((ValidationResult.Duplicate) result).original();
            assertThat(metadata.firstOffset()).as("batch %s", k).isEqualTo(original.firstOffset());
            assertThat(metadata.lastOffset()).isEqualTo(original.lastOffset());
            assertThat(metadata.firstSequence()).isEqualTo(original.baseSequence());
            assertThat(metadata.lastSequence()).isEqualTo(original.lastSequence());
        }
    }

    @Test
    void shouldRejectRetryOfSixthOldestBatchAsOutOfOrder() {
        List<BatchInfo> batches = appendBatches(6);
        ValidationResult result = table.validate(retry(batches.get(0), 18));
        assertThat(result).isInstanceOf(ValidationResult.Rejected.class);
        ValidationResult.Rejected rejected = (ValidationResult.Rejected) result;
        assertThat(rejected.error()).isEqualTo(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
        assertThat(rejected.message()).contains("producerId=1000", "baseSequence=0", "expectedSequence=18");
    }

    @Test
    void shouldRejectPartialOverlapWithRetainedBatch() {
        appendBatches(2);
        ValidationResult result = table.validate(data(PID, 0, 3, 2, 6));
        assertThat(result).isInstanceOf(ValidationResult.Rejected.class);
    }

    @Test
    void shouldRejectSequenceGap() {
        appendBatches(2);
        ValidationResult result = table.validate(data(PID, 0, 7, 1, 6));
        assertThat(((ValidationResult.Rejected) result).error())
            .isEqualTo(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
        assertThat(((ValidationResult.Rejected) result).message()).contains("baseSequence=7", "expectedSequence=6");
    }

    @Test
    void shouldAcceptSequenceWrappingFromMaxValueToZero() {
        append(table, data(PID, 0, Integer.MAX_VALUE - 1, 2, 0));
        assertThat(table.lastEntry(PID).orElseThrow().lastSequence()).isEqualTo(Integer.MAX_VALUE);
        assertThat(table.validate(data(PID, 0, 0, 1, 2))).isEqualTo(ValidationResult.ACCEPTED);
        assertThat(table.validate(data(PID, 0, 1, 1, 2))).isInstanceOf(ValidationResult.Rejected.class);
    }

    @Test
    void shouldTrackBatchSpanningTheWrapAndDetectItsRetry() {
        append(table, data(PID, 0, Integer.MAX_VALUE - 5, 4, 0));
        BatchInfo spanning = data(PID, 0, Integer.MAX_VALUE - 1, 5, 4);
        assertThat(spanning.lastSequence()).isEqualTo(2);
        append(table, spanning);
        ValidationResult result = table.validate(retry(spanning, 9));
        assertThat(result).isEqualTo(new ValidationResult.Duplicate(new BatchMetadata(2, 8, 4, Batches.NOW_MS)));
        assertThat(((ValidationResult.Duplicate) result).original().firstSequence()).isEqualTo(Integer.MAX_VALUE - 1);
        assertThat(table.validate(data(PID, 0, 3, 1, 9))).isEqualTo(ValidationResult.ACCEPTED);
    }

    @Test
    void shouldAcceptNewEpochStartingAtSequenceZero() {
        appendBatches(3);
        assertThat(table.validate(data(PID, 1, 0, 2, 9))).isEqualTo(ValidationResult.ACCEPTED);
    }

    @Test
    void shouldRejectNewEpochNotStartingAtSequenceZero() {
        appendBatches(3);
        ValidationResult.Rejected rejected = (ValidationResult.Rejected) table.validate(data(PID, 1, 9, 2, 9));
        assertThat(rejected.error()).isEqualTo(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
        assertThat(rejected.message()).contains("producerEpoch=1", "currentEpoch=0", "newEpochMustStartAtSequenceZero");
    }

    @Test
    void shouldClearRetainedBatchesWhenEpochIsBumped() {
        List<BatchInfo> old = appendBatches(3);
        append(table, data(PID, 1, 0, 2, 9));
        ProducerStateEntry entry = table.lastEntry(PID).orElseThrow();
        assertThat(entry.producerEpoch()).isEqualTo((short) 1);
        assertThat(entry.batches()).containsExactly(new BatchMetadata(1, 10, 1, Batches.NOW_MS));
        BatchInfo oldRetryInNewEpoch = data(PID, 1, old.get(2).baseSequence(), 3, 11);
        assertThat(table.validate(oldRetryInNewEpoch)).isInstanceOf(ValidationResult.Rejected.class);
    }

    @Test
    void shouldFenceZombieProducerAfterEpochBump() {
        appendBatches(2);
        append(table, data(PID, 1, 0, 1, 6));
        ValidationResult.Rejected rejected = (ValidationResult.Rejected) table.validate(data(PID, 0, 6, 1, 7));
        assertThat(rejected.error()).isEqualTo(ErrorCode.INVALID_PRODUCER_EPOCH);
        assertThat(rejected.message()).contains("producerEpoch=0", "currentEpoch=1");
    }

    @Test
    void shouldFenceRetryFromOlderEpochEvenIfItWasAppended() {
        List<BatchInfo> old = appendBatches(2);
        append(table, data(PID, 1, 0, 1, 6));
        assertThat(table.validate(retry(old.get(1), 7))).isInstanceOf(ValidationResult.Rejected.class);
    }

    @Test
    void shouldAcceptAnySequenceAfterProducerExpired() {
        appendBatches(2);
        assertThat(table.removeExpiredProducers(Batches.NOW_MS + ProducerStateTable.DEFAULT_PRODUCER_ID_EXPIRATION_MS))
            .isEqualTo(1);
        assertThat(table.lastEntry(PID)).isEmpty();
        assertThat(table.validate(data(PID, 0, 500, 1, 6))).isEqualTo(ValidationResult.ACCEPTED);
    }

    @Test
    void shouldKeepOnlyTheLastFiveBatches() {
        appendBatches(8);
        ProducerStateEntry entry = table.lastEntry(PID).orElseThrow();
        assertThat(entry.batches()).hasSize(ProducerStateTable.BATCHES_RETAINED_PER_PRODUCER);
        assertThat(entry.batches().get(0).firstSequence()).isEqualTo(9);
        assertThat(entry.lastSequence()).isEqualTo(23);
        assertThat(entry.lastDataOffset()).isEqualTo(23);
        assertThat(entry.lastOffsetDelta()).isEqualTo(2);
    }

    @Test
    void shouldNotChangeStateWhenValidating() {
        appendBatches(2);
        List<ProducerStateEntry> before = table.activeProducers();
        table.validate(data(PID, 0, 6, 1, 6));
        table.validate(data(PID, 5, 0, 1, 6));
        table.validate(data(77, 0, 0, 1, 6));
        assertThat(table.activeProducers()).isEqualTo(before);
    }

    @Test
    void shouldAnswerRetryWithNewestBatchWhenReplayedLogRepeatsASequenceRange() {
        table.update(data(PID, 0, 0, 4, 0));
        table.update(data(PID, 0, 0, 4, 4));
        ValidationResult result = table.validate(data(PID, 0, 0, 4, 8));
        assertThat(result).isEqualTo(new ValidationResult.Duplicate(new BatchMetadata(3, 7, 3, Batches.NOW_MS)));
    }

    @Test
    void shouldRejectUpdateThatGoesBackInOffsets() {
        appendBatches(2);
        assertThatThrownBy(() -> table.update(data(PID, 0, 6, 1, 5)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("firstOffset=5")
            .hasMessageContaining("mapEndOffset=6");
    }

    @Test
    void shouldListActiveProducersSortedById() {
        append(table, data(30, 2, 0, 1, 0));
        append(table, data(10, 0, 7, 2, 1));
        append(table, data(20, 1, 0, 1, 3));
        assertThat(table.activeProducers()).extracting(ProducerStateEntry::producerId).containsExactly(10L, 20L, 30L);
        ProducerStateEntry ten = table.activeProducers().get(0);
        assertThat(ten.producerEpoch()).isEqualTo((short) 0);
        assertThat(ten.lastSequence()).isEqualTo(8);
        assertThat(ten.lastTimestamp()).isEqualTo(Batches.NOW_MS);
        assertThat(ten.coordinatorEpoch()).isEqualTo(-1);
        assertThat(ten.currentTxnFirstOffset()).isEqualTo(-1);
    }
}
