package dev.millrace.storage.cleaner;

import static dev.millrace.storage.cleaner.CleanerTestSupport.append;
import static dev.millrace.storage.cleaner.CleanerTestSupport.appendMarker;
import static dev.millrace.storage.cleaner.CleanerTestSupport.appendProducer;
import static dev.millrace.storage.cleaner.CleanerTestSupport.compactConfig;
import static dev.millrace.storage.cleaner.CleanerTestSupport.describe;
import static dev.millrace.storage.cleaner.CleanerTestSupport.rollAndCommit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.errors.OutOfOrderSequenceException;
import dev.millrace.common.time.ManualTime;
import dev.millrace.storage.cleaner.CleanerTestSupport.Batch;
import dev.millrace.storage.index.AbortedTxn;
import dev.millrace.storage.log.FetchDataInfo;
import dev.millrace.storage.log.FetchIsolation;
import dev.millrace.storage.log.LogConfig;
import dev.millrace.storage.log.LogFiles;
import dev.millrace.storage.log.PartitionLog;
import dev.millrace.storage.producer.ProducerStateEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanerTransactionTest {
    private static final long RETENTION_MS = 10_000;
    private final ManualTime time = new ManualTime(CleanerTestSupport.START_MS);
    private final Cleaner cleaner = new Cleaner(new OffsetMap(64 * 1024), 0.9, 8192, time);
    private OptionalLong checkpoint = OptionalLong.empty();
    private PartitionLog log;

    @TempDir
    Path dir;

    @AfterEach
    void closeLog() {
        if (log != null) {
            log.close();
        }
    }

    private void open() {
        log = CleanerTestSupport.open(dir, "txns", compactConfig(LogConfig.DELETE_RETENTION_MS, RETENTION_MS), time,
                true);
    }

    private CleanResult clean() {
        CleanResult result = cleaner.clean(log, checkpoint, Runnable::run);
        checkpoint = OptionalLong.of(result.cleanedUpToOffset());
        return result;
    }

    /** "offset:C" for a COMMIT or ABORT control batch, "offset-last:E" for an empty batch, "offset:D" otherwise. */
    private List<String> shapes() {
        return CleanerTestSupport.batches(log).stream().map(CleanerTransactionTest::shape).toList();
    }

    private static String shape(Batch batch) {
        if (batch.recordsCount() == 0) {
            return batch.baseOffset() + "-" + batch.lastOffset() + ":E";
        }
        return batch.baseOffset() + (batch.control() ? ":C" : ":D");
    }

    @Test
    void shouldRemoveAbortedDataWithoutLettingItHideCommittedValues() {
        open();
        append(log, time, "k1", "base");
        appendProducer(log, time, 1L, (short) 0, 0, true, "k1", "aborted1", "k2", "aborted2");
        appendProducer(log, time, 2L, (short) 0, 0, true, "k3", "committed3");
        appendMarker(log, time, 1L, (short) 0, false);
        appendMarker(log, time, 2L, (short) 0, true);
        rollAndCommit(log);
        List<AbortedTxn> abortedBefore = log.segments().get(0).txnIndex().allAbortedTxns();

        clean();

        assertThat(abortedBefore).extracting(AbortedTxn::producerId, AbortedTxn::firstOffset, AbortedTxn::lastOffset)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1L, 4L));
        assertThat(describe(log)).containsExactly("0:k1=base", "3:k3=committed3");
        assertThat(shapes()).as("the aborted batch is the producer's last: kept empty; markers kept")
                .containsExactly("0:D", "1-2:E", "3:D", "4:C", "5:C");
        FetchDataInfo committedRead = log.read(0, 1 << 20, FetchIsolation.TXN_COMMITTED, true);
        assertThat(committedRead.abortedTransactions()).as("cleaned segment keeps the abort in its txn index")
                .isEqualTo(abortedBefore);
        CleanerTestSupport.checkIntegrity(log, "afterClean");
    }

    @Test
    void shouldKeepTheAbortMarkerWhileAbortedDataMayRemainThenRemoveItAfterTheHorizon() {
        open();
        append(log, time, "k1", "base");
        appendProducer(log, time, 1L, (short) 0, 0, true, "k1", "aborted");
        appendMarker(log, time, 1L, (short) 0, false);
        appendProducer(log, time, 1L, (short) 0, 1, true, "k4", "committed");
        appendMarker(log, time, 1L, (short) 0, true);
        rollAndCommit(log);

        clean();
        assertThat(shapes()).as("pass 1 removes the data, keeps the marker")
                .containsExactly("0:D", "2:C", "3:D", "4:C");
        assertThat(log.segments().get(0).txnIndex().allAbortedTxns()).extracting(AbortedTxn::lastOffset)
                .containsExactly(2L);

        time.advance(1_000);
        CleanResult second = clean();
        List<Batch> batches = CleanerTestSupport.batches(log);
        assertThat(batches.get(1).deleteHorizonMs()).as("pass 2 gives the now removable marker a horizon")
                .hasValue(time.milliseconds() + RETENTION_MS);
        assertThat(second.pendingDeleteHorizonMs()).isEqualTo(time.milliseconds() + RETENTION_MS);
        assertThat(log.segments().get(0).txnIndex().allAbortedTxns()).as("no data left to filter").isEmpty();

        time.advance(RETENTION_MS);
        clean();
        assertThat(shapes()).as("pass 3 removes it; the commit marker stays while its data does")
                .containsExactly("0:D", "3:D", "4:C");
        assertThat(describe(log)).containsExactly("0:k1=base", "3:k4=committed");
    }

    @Test
    void shouldRemoveTheCommitMarkerOnlyAfterTheTransactionDataIsGoneAndTheHorizonPassed() {
        open();
        appendProducer(log, time, 3L, (short) 0, 0, true, "k5", "in-txn");
        appendMarker(log, time, 3L, (short) 0, true);
        appendProducer(log, time, 3L, (short) 0, 1, false, "k6", "later");
        append(log, time, "k5", "overwritten");
        rollAndCommit(log);

        clean();
        assertThat(shapes()).as("txn data superseded, marker kept in the pass that saw the data")
                .containsExactly("1:C", "2:D", "3:D");

        clean();
        assertThat(CleanerTestSupport.batches(log).get(0).deleteHorizonMs()).isPresent();

        time.advance(RETENTION_MS - 1);
        clean();
        assertThat(shapes()).containsExactly("1:C", "2:D", "3:D");

        time.advance(1);
        clean();
        assertThat(shapes()).containsExactly("2:D", "3:D");
    }

    @Test
    void shouldNotCleanPastTheFirstOffsetOfAnOpenTransaction() {
        open();
        append(log, time, "k1", "x");
        log.roll();
        appendProducer(log, time, 9L, (short) 0, 0, true, "k1", "open");
        append(log, time, "k1", "y");
        rollAndCommit(log);

        CleanResult result = clean();

        assertThat(log.lastStableOffset()).isEqualTo(1);
        assertThat(result.firstUncleanableOffset()).isEqualTo(1);
        assertThat(describe(log)).containsExactly("0:k1=x", "1:k1=open", "2:k1=y");

        appendMarker(log, time, 9L, (short) 0, true);
        rollAndCommit(log);
        clean();
        assertThat(describe(log)).containsExactly("2:k1=y");
        assertThat(shapes()).as("the producer's last batch stays, empty").containsExactly("1-1:E", "2:D", "3:C");
    }

    @Test
    void shouldRetainTheLastBatchOfEveryProducerSoItsStateSurvivesARebuildFromTheLog() throws IOException {
        open();
        appendProducer(log, time, 5L, (short) 2, 0, false, "a", "a1");
        appendProducer(log, time, 5L, (short) 2, 1, false, "b", "b1", "c", "c1");
        append(log, time, "a", "a2", "b", "b2", "c", "c2");
        rollAndCommit(log);

        CleanResult result = clean();

        assertThat(result.emptyBatchesRetained()).isEqualTo(1);
        assertThat(describe(log)).containsExactly("3:a=a2", "4:b=b2", "5:c=c2");
        Batch empty = CleanerTestSupport.batches(log).get(0);
        assertThat(List.of(empty.baseOffset(), empty.lastOffset(), (long) empty.recordsCount(), empty.producerId(),
                (long) empty.producerEpoch(), (long) empty.baseSequence())).containsExactly(1L, 2L, 0L, 5L, 2L, 1L);

        log.close();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(LogFiles.SNAPSHOT_SUFFIX)).toList()) {
                Files.delete(file);
            }
        }
        log = PartitionLog.open(dir, log.topicPartition(), log.config(), 0, 0, false, time, null);

        ProducerStateEntry producer = log.producerState().lastEntry(5L).orElseThrow();
        assertThat(producer.producerEpoch()).isEqualTo((short) 2);
        assertThat(producer.lastSequence()).isEqualTo(2);
        assertThatThrownBy(() -> appendProducer(log, time, 5L, (short) 2, 5, false, "d", "d1"))
                .isInstanceOf(OutOfOrderSequenceException.class);
        appendProducer(log, time, 5L, (short) 2, 3, false, "d", "d1");
        assertThat(log.producerState().lastEntry(5L).orElseThrow().lastSequence()).isEqualTo(3);
    }
}
