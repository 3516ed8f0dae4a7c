package dev.millrace.storage.producer;

import dev.millrace.protocol.error.ErrorCode;
import static dev.millrace.storage.producer.Batches.append;
import static dev.millrace.storage.producer.Batches.data;
import static dev.millrace.storage.producer.Batches.marker;
import static dev.millrace.storage.producer.Batches.txnData;
import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.time.ManualTime;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProducerStateTransactionTest {
    private static final long EXPIRATION_MS = 60_000L;

    private final ManualTime time = new ManualTime(Batches.NOW_MS);
    private final ProducerStateTable table = new ProducerStateTable(EXPIRATION_MS, time);

    @Test
    void shouldOpenTransactionAtFirstTransactionalBatch() {
        append(table, txnData(1, 0, 0, 2, 10));
        append(table, txnData(1, 0, 2, 3, 12));
        assertThat(table.ongoingTxnFirstOffset(1)).isEqualTo(OptionalLong.of(10));
        assertThat(table.firstUnstableOffset()).isEqualTo(OptionalLong.of(10));
        assertThat(table.lastEntry(1).orElseThrow().currentTxnFirstOffset()).isEqualTo(10);
    }

    @Test
    void shouldNotOpenTransactionForIdempotentBatch() {
        append(table, data(1, 0, 0, 2, 10));
        assertThat(table.ongoingTxnFirstOffset(1)).isEmpty();
        assertThat(table.firstUnstableOffset()).isEmpty();
    }

    @Test
    void shouldCompleteCommittedTransactionAtMarker() {
        append(table, txnData(1, 0, 0, 2, 10));
        Optional<CompletedTxn> completed = table.update(marker(1, 0, MarkerType.COMMIT, 12, 4));
        assertThat(completed).contains(new CompletedTxn(1, 10, 12, false));
        assertThat(table.ongoingTxnFirstOffset(1)).isEmpty();
        assertThat(table.firstUnstableOffset()).isEmpty();
        ProducerStateEntry entry = table.lastEntry(1).orElseThrow();
        assertThat(entry.coordinatorEpoch()).isEqualTo(4);
        assertThat(entry.lastSequence()).isEqualTo(1);
    }

    @Test
    void shouldCompleteAbortedTransactionAtMarker() {
        append(table, txnData(1, 0, 0, 2, 10));
        assertThat(table.update(marker(1, 0, MarkerType.ABORT, 12, 0))).contains(new CompletedTxn(1, 10, 12, true));
    }

    @Test
    void shouldReturnMarkerOffsetAsFirstOffsetWhenNoTransactionIsOpen() {
        assertThat(table.update(marker(5, 2, MarkerType.ABORT, 40, 1))).contains(new CompletedTxn(5, 40, 40, true));
        ProducerStateEntry entry = table.lastEntry(5).orElseThrow();
        assertThat(entry.producerEpoch()).isEqualTo((short) 2);
        assertThat(entry.batches()).isEmpty();
    }

    @Test
    void shouldReturnNoCompletedTxnForDataBatch() {
        assertThat(table.update(txnData(1, 0, 0, 1, 0))).isEmpty();
    }

    @Test
    void shouldSkipSequenceChecksForMarkers() {
        append(table, txnData(1, 0, 0, 2, 10));
        assertThat(table.validate(marker(1, 0, MarkerType.COMMIT, 12, 0))).isEqualTo(ValidationResult.ACCEPTED);
        assertThat(table.validate(marker(1, 3, MarkerType.ABORT, 12, 0))).isEqualTo(ValidationResult.ACCEPTED);
    }

    @Test
    void shouldFenceMarkerWithLowerEpoch() {
        append(table, txnData(1, 2, 0, 2, 10));
        ValidationResult result = table.validate(marker(1, 1, MarkerType.COMMIT, 12, 0));
        assertThat(result).isInstanceOf(ValidationResult.Rejected.class);
        assertThat(((ValidationResult.Rejected) result).error()).isEqualTo(ErrorCode.INVALID_PRODUCER_EPOCH);
        assertThat(((ValidationResult.Rejected) result).message()).contains("control=true", "currentEpoch=2");
    }

    @Test
    void shouldKeepSequenceWindowWhenMarkerHasSameEpoch() {
        append(table, txnData(1, 0, 0, 2, 10));
        table.update(marker(1, 0, MarkerType.COMMIT, 12, 0));
        assertThat(table.validate(txnData(1, 0, 0, 2, 13))).isInstanceOf(ValidationResult.Duplicate.class);
        assertThat(table.validate(txnData(1, 0, 2, 1, 13))).isEqualTo(ValidationResult.ACCEPTED);
    }

    @Test
    void shouldRequireSequenceZeroAfterMarkerBumpedEpoch() {
        append(table, txnData(1, 0, 0, 2, 10));
        table.update(marker(1, 1, MarkerType.ABORT, 12, 0));
        assertThat(table.lastEntry(1).orElseThrow().batches()).isEmpty();
        assertThat(table.validate(txnData(1, 1, 2, 1, 13))).isInstanceOf(ValidationResult.Rejected.class);
        assertThat(table.validate(txnData(1, 1, 0, 1, 13))).isEqualTo(ValidationResult.ACCEPTED);
    }

    @Test
    void shouldReportSmallestOpenTransactionAsFirstUnstableOffset() {
        append(table, txnData(1, 0, 0, 2, 10));
        append(table, txnData(2, 0, 0, 2, 12));
        append(table, txnData(3, 0, 0, 2, 14));
        assertThat(table.firstUnstableOffset()).isEqualTo(OptionalLong.of(10));
        table.update(marker(2, 0, MarkerType.COMMIT, 16, 0));
        assertThat(table.firstUnstableOffset()).isEqualTo(OptionalLong.of(10));
        table.update(marker(1, 0, MarkerType.COMMIT, 17, 0));
        assertThat(table.firstUnstableOffset()).isEqualTo(OptionalLong.of(14));
        table.update(marker(3, 0, MarkerType.ABORT, 18, 0));
        assertThat(table.firstUnstableOffset()).isEmpty();
    }

    @Test
    void shouldOpenNewTransactionAfterMarker() {
        append(table, txnData(1, 0, 0, 2, 10));
        table.update(marker(1, 0, MarkerType.COMMIT, 12, 0));
        append(table, txnData(1, 0, 2, 1, 13));
        assertThat(table.ongoingTxnFirstOffset(1)).isEqualTo(OptionalLong.of(13));
        assertThat(table.update(marker(1, 0, MarkerType.COMMIT, 14, 0))).contains(new CompletedTxn(1, 13, 14, false));
    }

    @Test
    void shouldExpireIdleProducerAfterExpirationMs() {
        append(table, data(1, 0, 0, 1, 0, time.milliseconds(), false));
        time.advance(EXPIRATION_MS - 1);
        assertThat(table.removeExpiredProducers(time.milliseconds())).isZero();
        assertThat(table.lastEntry(1)).isPresent();
        time.advance(1);
        assertThat(table.removeExpiredProducers(time.milliseconds())).isEqualTo(1);
        assertThat(table.lastEntry(1)).isEmpty();
    }

    @Test
    void shouldMeasureExpiryFromLastBatchTimestamp() {
        append(table, data(1, 0, 0, 1, 0, time.milliseconds(), false));
        time.advance(EXPIRATION_MS / 2);
        append(table, data(1, 0, 1, 1, 1, time.milliseconds(), false));
        time.advance(EXPIRATION_MS / 2);
        assertThat(table.removeExpiredProducers(time.milliseconds())).isZero();
        time.advance(EXPIRATION_MS / 2);
        assertThat(table.removeExpiredProducers(time.milliseconds())).isEqualTo(1);
    }

    @Test
    void shouldNeverExpireProducerWithOpenTransaction() {
        append(table, data(1, 0, 0, 1, 0, time.milliseconds(), true));
        append(table, data(2, 0, 0, 1, 1, time.milliseconds(), false));
        time.advance(10 * EXPIRATION_MS);
        assertThat(table.removeExpiredProducers(time.milliseconds())).isEqualTo(1);
        assertThat(table.activeProducers()).extracting(ProducerStateEntry::producerId).containsExactly(1L);
        table.update(marker(1, 0, MarkerType.COMMIT, 2, 0, time.milliseconds()));
        time.advance(EXPIRATION_MS);
        assertThat(table.removeExpiredProducers(time.milliseconds())).isEqualTo(1);
        assertThat(table.producerCount()).isZero();
    }

    @Test
    void shouldUseOneDayAsDefaultExpiration() {
        assertThat(ProducerStateTable.DEFAULT_PRODUCER_ID_EXPIRATION_MS).isEqualTo(86_400_000L);
        assertThat(ProducerStateTable.PRODUCER_ID_EXPIRATION_MS_CONFIG).isEqualTo("producer.id.expiration.ms");
        ProducerStateTable defaults = new ProducerStateTable(time);
        append(defaults, data(1, 0, 0, 1, 0, time.milliseconds(), false));
        assertThat(defaults.removeExpiredProducers(time.milliseconds() + 86_399_999L)).isZero();
        assertThat(defaults.removeExpiredProducers(time.milliseconds() + 86_400_000L)).isEqualTo(1);
    }
}
