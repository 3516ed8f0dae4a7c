package dev.millrace.storage.producer;

import static dev.millrace.storage.producer.Batches.append;
import static dev.millrace.storage.producer.Batches.data;
import static dev.millrace.storage.producer.Batches.marker;
import static dev.millrace.storage.producer.Batches.txnData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.time.ManualTime;
import dev.millrace.storage.CorruptIndexException;
import dev.millrace.storage.LogStorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerStateSnapshotTest {
    private static final long EXPIRATION_MS = 60_000L;

    @TempDir
    Path dir;

    private final ManualTime time = new ManualTime(Batches.NOW_MS);
    private final ProducerStateTable table = new ProducerStateTable(EXPIRATION_MS, time);

    /** Producer 1: two idempotent batches; producer 2: open transaction at 5; producer 3: marker only. */
    private void fillTable() {
        append(table, data(1, 3, 0, 2, 0));
        append(table, data(1, 3, 2, 3, 2));
        append(table, txnData(2, 0, 0, 2, 5));
        table.update(marker(3, 1, MarkerType.ABORT, 7, 9));
    }

    private ProducerStateTable reloaded(long maxOffset) {
        ProducerStateTable copy = new ProducerStateTable(EXPIRATION_MS, time);
        copy.loadLatestSnapshot(dir, maxOffset);
        return copy;
    }

    @Test
    void shouldNameSnapshotWithTwentyDigitOffset() {
        table.takeSnapshot(dir, 42);
        assertThat(dir.resolve("00000000000000000042.snapshot")).exists();
        assertThat(ProducerStateSnapshot.fileName(0)).isEqualTo("00000000000000000000.snapshot");
    }

    @Test
    void shouldWriteTheDocumentedLayout() throws IOException {
        fillTable();
        table.takeSnapshot(dir, 8);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(ProducerStateSnapshot.file(dir, 8)));
        assertThat(bytes.remaining()).isEqualTo(10 + 3 * 46);
        assertThat(bytes.getShort(0)).isEqualTo((short) 1);
        CRC32C crc = new CRC32C();
        crc.update(bytes.array(), 6, bytes.remaining() - 6);
        assertThat(bytes.getInt(2)).isEqualTo((int) crc.getValue());
        assertThat(bytes.getInt(6)).isEqualTo(3);
        bytes.position(10);
        assertThat(bytes.getLong()).as("producerId").isEqualTo(1);
        assertThat(bytes.getShort()).as("epoch").isEqualTo((short) 3);
        assertThat(bytes.getInt()).as("lastSequence").isEqualTo(4);
        assertThat(bytes.getLong()).as("lastOffset").isEqualTo(4);
        assertThat(bytes.getInt()).as("offsetDelta").isEqualTo(2);
        assertThat(bytes.getLong()).as("timestamp").isEqualTo(Batches.NOW_MS);
        assertThat(bytes.getInt()).as("coordinatorEpoch").isEqualTo(-1);
        assertThat(bytes.getLong()).as("currentTxnFirstOffset").isEqualTo(-1);
        assertThat(bytes.getLong(10 + 46 + 38)).as("producer 2 txn").isEqualTo(5);
        assertThat(bytes.getLong(10 + 92 + 14)).as("producer 3 lastOffset").isEqualTo(-1);
        assertThat(bytes.getInt(10 + 92 + 34)).as("producer 3 coordinatorEpoch").isEqualTo(9);
    }

    @Test
    void shouldRoundTripStateThroughSnapshot() {
        fillTable();
        table.takeSnapshot(dir, 8);
        ProducerStateTable copy = reloaded(8);
        assertThat(copy.mapEndOffset()).isEqualTo(8);
        ProducerStateEntry one = table.lastEntry(1).orElseThrow();
        List<BatchMetadata> lastBatchOnly = one.batches().subList(one.batches().size() - 1, one.batches().size());
        assertThat(copy.lastEntry(1)).contains(new ProducerStateEntry(1, (short) 3, -1, Batches.NOW_MS, -1,
            lastBatchOnly));
        assertThat(copy.lastEntry(2)).isEqualTo(table.lastEntry(2));
        assertThat(copy.lastEntry(3)).isEqualTo(table.lastEntry(3));
        assertThat(copy.firstUnstableOffset()).isEqualTo(OptionalLong.of(5));
        assertThat(copy.ongoingTxnFirstOffset(2)).isEqualTo(OptionalLong.of(5));
    }

    @Test
    void shouldDetectRetryOfLastBatchOnlyAfterReload() {
        fillTable();
        table.takeSnapshot(dir, 8);
        ProducerStateTable copy = reloaded(8);
        assertThat(copy.validate(data(1, 3, 2, 3, 8))).isInstanceOf(ValidationResult.Duplicate.class);
        assertThat(copy.validate(data(1, 3, 0, 2, 8))).isInstanceOf(ValidationResult.Rejected.class);
        assertThat(copy.validate(data(1, 3, 5, 1, 8))).isEqualTo(ValidationResult.ACCEPTED);
        assertThat(copy.validate(data(3, 1, 0, 1, 8))).isEqualTo(ValidationResult.ACCEPTED);
        assertThat(copy.update(marker(2, 0, MarkerType.COMMIT, 8, 0))).get()
            .isEqualTo(new CompletedTxn(2, 5, 8, false));
    }

    @Test
    void shouldWriteEmptySnapshot() {
        table.takeSnapshot(dir, 0);
        assertThat(reloaded(0).producerCount()).isZero();
        assertThat(ProducerStateSnapshot.file(dir, 0)).hasSize(10);
    }

    @Test
    void shouldLeaveNoTempFileAndReplaceExistingSnapshot() throws IOException {
        new ProducerStateTable(EXPIRATION_MS, time).takeSnapshot(dir, 8);
        assertThat(reloaded(8).producerCount()).isZero();
        fillTable();
        table.takeSnapshot(dir, 8);
        try (var files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(
                "00000000000000000008.snapshot");
        }
        assertThat(reloaded(8).producerCount()).isEqualTo(3);
    }

    @Test
    void shouldRejectSnapshotBelowAppliedOffsets() {
        fillTable();
        assertThatThrownBy(() -> table.takeSnapshot(dir, 7))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("snapshotOffset=7")
            .hasMessageContaining("mapEndOffset=8");
    }

    @Test
    void shouldDropExpiredProducersWhenLoading() {
        append(table, data(1, 0, 0, 1, 0, time.milliseconds() - EXPIRATION_MS, false));
        append(table, data(2, 0, 0, 1, 1, time.milliseconds() - EXPIRATION_MS, true));
        append(table, data(3, 0, 0, 1, 2, time.milliseconds() - EXPIRATION_MS + 1, false));
        table.takeSnapshot(dir, 3);
        assertThat(reloaded(3).activeProducers()).extracting(ProducerStateEntry::producerId).containsExactly(2L, 3L);
    }

    @Test
    void shouldRejectSnapshotWithFlippedByte() throws IOException {
        fillTable();
        table.takeSnapshot(dir, 8);
        Path file = ProducerStateSnapshot.file(dir, 8);
        byte[] bytes = Files.readAllBytes(file);
        bytes[30] ^= 0x10;
        Files.write(file, bytes);
        assertThatThrownBy(() -> reloaded(8))
            .isInstanceOf(CorruptIndexException.class)
            .hasMessageContaining("file=" + file)
            .hasMessageContaining("position=2")
            .hasMessageContaining("reason=crcMismatch");
    }

    @Test
    void shouldLeaveTableEmptyWhenSnapshotIsCorrupt() throws IOException {
        fillTable();
        table.takeSnapshot(dir, 8);
        Files.write(ProducerStateSnapshot.file(dir, 8), new byte[] {0, 1, 2});
        assertThatThrownBy(() -> table.loadLatestSnapshot(dir, 8))
            .isInstanceOf(CorruptIndexException.class)
            .hasMessageContaining("reason=shorterThanHeader");
        assertThat(table.producerCount()).isZero();
        assertThat(table.firstUnstableOffset()).isEmpty();
    }

    @Test
    void shouldRejectTruncatedSnapshot() throws IOException {
        fillTable();
        table.takeSnapshot(dir, 8);
        Path file = ProducerStateSnapshot.file(dir, 8);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 46));
        assertThatThrownBy(() -> reloaded(8)).isInstanceOf(CorruptIndexException.class);
    }

    @Test
    void shouldRejectUnknownVersion() throws IOException {
        table.takeSnapshot(dir, 8);
        Path file = ProducerStateSnapshot.file(dir, 8);
        byte[] bytes = Files.readAllBytes(file);
        bytes[1] = 2;
        Files.write(file, bytes);
        assertThatThrownBy(() -> reloaded(8))
            .isInstanceOf(CorruptIndexException.class)
            .hasMessageContaining("version=2")
            .hasMessageContaining("position=0");
    }

    @Test
    void shouldRejectEntryCountThatDoesNotMatchSizeEvenWithValidCrc() throws IOException {
        fillTable();
        table.takeSnapshot(dir, 8);
        Path file = ProducerStateSnapshot.file(dir, 8);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        bytes.putInt(6, 2);
        Files.write(file, withValidCrc(bytes));
        assertThatThrownBy(() -> reloaded(8))
            .isInstanceOf(CorruptIndexException.class)
            .hasMessageContaining("position=6")
            .hasMessageContaining("entryCount=2")
            .hasMessageContaining("reason=sizeDoesNotMatchEntryCount");
    }

    @Test
    void shouldRejectEntryBeyondSnapshotOffsetEvenWithValidCrc() throws IOException {
        fillTable();
        table.takeSnapshot(dir, 8);
        Path file = ProducerStateSnapshot.file(dir, 8);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        bytes.putLong(10 + 46 + 38, 8);
        Files.write(file, withValidCrc(bytes));
        assertThatThrownBy(() -> reloaded(8))
            .isInstanceOf(CorruptIndexException.class)
            .hasMessageContaining("position=56")
            .hasMessageContaining("producerId=2")
            .hasMessageContaining("reason=entryOutOfRange");
    }

    @Test
    void shouldRejectDuplicateProducerIdEvenWithValidCrc() throws IOException {
        fillTable();
        table.takeSnapshot(dir, 8);
        Path file = ProducerStateSnapshot.file(dir, 8);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        bytes.putLong(10 + 46, 1);
        Files.write(file, withValidCrc(bytes));
        assertThatThrownBy(() -> reloaded(8))
            .isInstanceOf(CorruptIndexException.class)
            .hasMessageContaining("reason=duplicateProducerId");
    }

    private static byte[] withValidCrc(ByteBuffer bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes.array(), 6, bytes.capacity() - 6);
        bytes.putInt(2, (int) crc.getValue());
        return bytes.array();
    }

    @Test
    void shouldSelectLatestSnapshotAtOrBelowMaxOffset() {
        for (long offset : new long[] {10, 20, 30}) {
            append(table, data(offset, 0, 0, 1, offset - 1));
            table.takeSnapshot(dir, offset);
        }
        assertThat(ProducerStateSnapshot.listSnapshots(dir)).containsExactly(10L, 20L, 30L);
        ProducerStateTable copy = new ProducerStateTable(EXPIRATION_MS, time);
        assertThat(copy.loadLatestSnapshot(dir, 25)).isEqualTo(20);
        assertThat(copy.activeProducers()).extracting(ProducerStateEntry::producerId).containsExactly(10L, 20L);
        assertThat(copy.loadLatestSnapshot(dir, 30)).isEqualTo(30);
        assertThat(copy.producerCount()).isEqualTo(3);
        assertThat(copy.loadLatestSnapshot(dir, 9)).isEqualTo(-1);
        assertThat(copy.producerCount()).isZero();
        assertThat(copy.mapEndOffset()).isZero();
    }

    @Test
    void shouldIgnoreForeignFilesWhenListing() throws IOException {
        table.takeSnapshot(dir, 5);
        Files.createFile(dir.resolve("00000000000000000005.log"));
        Files.createFile(dir.resolve("5.snapshot"));
        Files.createFile(dir.resolve("99999999999999999999.snapshot"));
        Files.createFile(dir.resolve("00000000000000000009.snapshot.tmp"));
        Files.createDirectory(dir.resolve("00000000000000000007.snapshot"));
        assertThat(ProducerStateSnapshot.listSnapshots(dir)).containsExactly(5L);
    }

    @Test
    void shouldDeleteSnapshotsStrictlyAfterAndBeforeOffset() {
        for (long offset : new long[] {10, 20, 30, 40}) {
            table.takeSnapshot(dir, offset);
        }
        assertThat(ProducerStateSnapshot.deleteSnapshotsAfter(dir, 30)).isEqualTo(1);
        assertThat(ProducerStateSnapshot.deleteSnapshotsBefore(dir, 20)).isEqualTo(1);
        assertThat(ProducerStateSnapshot.listSnapshots(dir)).containsExactly(20L, 30L);
        assertThat(ProducerStateSnapshot.latestSnapshot(dir, 29)).isEqualTo(OptionalLong.of(20));
    }

    @Test
    void shouldReportIoFailureWithDirectory() {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> ProducerStateSnapshot.listSnapshots(missing))
            .isInstanceOf(LogStorageException.class)
            .hasMessageContaining("operation=listProducerSnapshots")
            .hasMessageContaining("dir=" + missing);
        assertThatThrownBy(() -> table.takeSnapshot(missing, 0))
            .isInstanceOf(LogStorageException.class)
            .hasMessageContaining("operation=writeProducerSnapshot");
    }

    @Test
    void shouldReloadFromSnapshotWhenTruncatedBelowMapEndOffset() {
        append(table, data(1, 0, 0, 5, 0));
        table.takeSnapshot(dir, 5);
        append(table, data(1, 0, 5, 5, 5));
        table.takeSnapshot(dir, 10);
        append(table, data(1, 1, 0, 2, 10));
        assertThat(table.truncateAndReload(dir, 0, 7)).isEqualTo(5);
        assertThat(ProducerStateSnapshot.listSnapshots(dir)).containsExactly(5L);
        assertThat(table.mapEndOffset()).isEqualTo(5);
        assertThat(table.lastEntry(1).orElseThrow().lastSequence()).isEqualTo(4);
        assertThat(table.lastEntry(1).orElseThrow().producerEpoch()).isEqualTo((short) 0);
    }

    @Test
    void shouldEmptyTableAndReplayFromLogStartWhenNoSnapshotRemains() throws IOException {
        append(table, data(1, 0, 0, 5, 0));
        table.takeSnapshot(dir, 5);
        append(table, data(1, 0, 5, 5, 5));
        Files.createFile(dir.resolve("00000000000000000005.snapshot.tmp"));
        assertThat(table.truncateAndReload(dir, 8, 8)).isEqualTo(8);
        assertThat(table.producerCount()).isZero();
        assertThat(table.mapEndOffset()).isEqualTo(8);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void shouldKeepStateWhenLogEndMatchesMapEndOffset() {
        append(table, data(1, 0, 0, 5, 0));
        table.takeSnapshot(dir, 5);
        append(table, data(1, 0, 5, 5, 5));
        table.takeSnapshot(dir, 10);
        assertThat(table.truncateAndReload(dir, 6, 10)).isEqualTo(10);
        assertThat(ProducerStateSnapshot.listSnapshots(dir)).containsExactly(10L);
        assertThat(table.lastEntry(1).orElseThrow().batches()).hasSize(2);
    }

    @Test
    void shouldRejectInvalidLogRange() {
        assertThatThrownBy(() -> table.truncateAndReload(dir, 5, 4))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("logStartOffset=5")
            .hasMessageContaining("logEndOffset=4");
    }
}
