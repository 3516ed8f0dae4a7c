package dev.millrace.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.storage.CorruptIndexException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour of {@link TransactionIndex}: format, lazy creation, search, truncation, checks and lifecycle. */
class TransactionIndexTest {
    private static final long START = 100L;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("00000000000000000100.txnindex");
    }

    @Test
    void shouldWriteEntriesInKafkaLayout() throws IOException {
        try (TransactionIndex index = new TransactionIndex(file(), START)) {
            index.append(new AbortedTxn(7L, 90L, 120L, 85L));
            index.append(new AbortedTxn(-2L, 110L, 130L, 121L));
        }
        byte[] expected = ByteBuffer.allocate(68)
                .putShort((short) 0).putLong(7L).putLong(90L).putLong(120L).putLong(85L)
                .putShort((short) 0).putLong(-2L).putLong(110L).putLong(130L).putLong(121L)
                .array();
        assertThat(AbortedTxn.SIZE).isEqualTo(34);
        assertThat(Files.readAllBytes(file())).containsExactly(expected);
    }

    @Test
    void shouldCreateTheFileOnlyOnFirstAppend() {
        try (TransactionIndex index = new TransactionIndex(file(), START)) {
            assertThat(index.allAbortedTxns()).isEmpty();
            assertThat(index.collectAbortedTxns(0L, 1_000L)).isEqualTo(new TxnIndexSearchResult(List.of(), false));
            index.sanityCheck();
            index.flush();
            index.truncateTo(0L);
            index.reset();
            assertThat(file()).doesNotExist();
            index.append(new AbortedTxn(1L, 100L, 105L, 100L));
            assertThat(file()).exists();
            assertThat(index.sizeInBytes()).isEqualTo(34L);
        }
    }

    @Test
    void shouldCollectTransactionsOverlappingTheFetchRange() {
        AbortedTxn a = new AbortedTxn(1L, 95L, 110L, 90L);
        AbortedTxn b = new AbortedTxn(2L, 105L, 120L, 95L);
        AbortedTxn c = new AbortedTxn(3L, 125L, 140L, 121L);
        AbortedTxn d = new AbortedTxn(4L, 150L, 160L, 141L);
        try (TransactionIndex index = new TransactionIndex(file(), START)) {
            for (AbortedTxn txn : List.of(a, b, c, d)) {
                index.append(txn);
            }
            assertThat(index.collectAbortedTxns(0L, 100L)).isEqualTo(new TxnIndexSearchResult(List.of(a), true));
            assertThat(index.collectAbortedTxns(111L, 126L)).isEqualTo(new TxnIndexSearchResult(List.of(b, c), true));
            assertThat(index.collectAbortedTxns(110L, 122L)).isEqualTo(new TxnIndexSearchResult(List.of(a, b), true));
            assertThat(index.collectAbortedTxns(141L, 1_000L)).isEqualTo(new TxnIndexSearchResult(List.of(d), false));
            assertThat(index.collectAbortedTxns(161L, 1_000L)).isEqualTo(new TxnIndexSearchResult(List.of(), false));
            assertThat(index.allAbortedTxns()).containsExactly(a, b, c, d);
        }
    }

    @Test
    void shouldRejectLastOffsetThatDoesNotIncrease() {
        try (TransactionIndex index = new TransactionIndex(file(), START)) {
            index.append(new AbortedTxn(1L, 100L, 110L, 100L));
            assertThatThrownBy(() -> index.append(new AbortedTxn(2L, 100L, 110L, 100L)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lastOffset=110 previousLastOffset=110");
            assertThatThrownBy(() -> index.append(new AbortedTxn(2L, 100L, 105L, 100L)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(index.allAbortedTxns()).hasSize(1);
        }
    }

    @Test
    void shouldRejectEntriesThatCannotBelongToTheSegment() {
        try (TransactionIndex index = new TransactionIndex(file(), START)) {
            assertThatThrownBy(() -> index.append(new AbortedTxn(1L, 90L, 99L, 90L)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startOffset=100");
            assertThatThrownBy(() -> index.append(new AbortedTxn(1L, 120L, 110L, 90L)))
                    .isInstanceOf(IllegalArgumentException.class);
            index.append(new AbortedTxn(1L, 50L, 100L, 40L));
            assertThat(index.allAbortedTxns()).containsExactly(new AbortedTxn(1L, 50L, 100L, 40L));
        }
    }

    @Test
    void shouldReopenWithEntriesAndLastOffset() {
        try (TransactionIndex index = new TransactionIndex(file(), START)) {
            index.append(new AbortedTxn(1L, 100L, 110L, 100L));
            index.append(new AbortedTxn(2L, 100L, 115L, 100L));
            index.flush();
        }
        try (TransactionIndex index = new TransactionIndex(file(), START)) {
            assertThat(index.allAbortedTxns()).extracting(AbortedTxn::lastOffset).containsExactly(110L, 115L);
            assertThatThrownBy(() -> index.append(new AbortedTxn(3L, 100L, 115L, 100L)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("previousLastOffset=115");
            index.append(new AbortedTxn(3L, 100L, 116L, 100L));
            index.sanityCheck();
        }
    }

    @Test
    void shouldTruncateEntriesWithLastOffsetAtOrAboveOffset() throws IOException {
        try (TransactionIndex index = new TransactionIndex(file(), START)) {
            for (long last = 110L; last <= 150L; last += 10) {
                index.append(new AbortedTxn(last, 100L, last, 100L));
            }
            index.truncateTo(200L);
            assertThat(index.allAbortedTxns()).hasSize(5);
            index.truncateTo(131L);
            assertThat(index.allAbortedTxns()).extracting(AbortedTxn::lastOffset).containsExactly(110L, 120L, 130L);
            index.truncateTo(130L);
            assertThat(index.sizeInBytes()).isEqualTo(68L);
            assertThat(Files.size(file())).isEqualTo(68L);
            index.append(new AbortedTxn(9L, 100L, 121L, 100L));
            assertThatThrownBy(() -> index.append(new AbortedTxn(9L, 100L, 121L, 100L)))
                    .isInstanceOf(IllegalArgumentException.class);
            index.truncateTo(0L);
            assertThat(index.allAbortedTxns()).isEmpty();
            index.append(new AbortedTxn(9L, 100L, 105L, 100L));
            index.reset();
            assertThat(Files.size(file())).isZero();
            index.append(new AbortedTxn(9L, 100L, 101L, 100L));
            assertThat(index.allAbortedTxns()).hasSize(1);
        }
    }

    @Test
    void shouldReadAcrossScanBlocks() {
        List<AbortedTxn> appended = new ArrayList<>();
        try (TransactionIndex index = new TransactionIndex(file(), START)) {
            for (int i = 0; i < 300; i++) {
                AbortedTxn txn = new AbortedTxn(i, START + 2L * i, START + 2L * i + 1, START + 2L * i);
                index.append(txn);
                appended.add(txn);
            }
        }
        try (TransactionIndex index = new TransactionIndex(file(), START)) {
            assertThat(index.allAbortedTxns()).isEqualTo(appended);
            assertThat(index.collectAbortedTxns(START + 400, START + 500).abortedTransactions())
                    .isEqualTo(appended.subList(200, 250));
            index.truncateTo(START + 2L * 257);
            assertThat(index.allAbortedTxns()).isEqualTo(appended.subList(0, 257));
            index.sanityCheck();
        }
    }

    @Test
    void shouldFailSanityCheckAndRefuseAppendAfterPartialEntry() throws IOException {
        try (TransactionIndex index = new TransactionIndex(file(), START)) {
            index.append(new AbortedTxn(1L, 100L, 110L, 100L));
        }
        Files.write(file(), new byte[] {0, 0, 0}, StandardOpenOption.APPEND);
        try (TransactionIndex index = new TransactionIndex(file(), START)) {
            assertThat(index.allAbortedTxns()).hasSize(1);
            assertThatThrownBy(index::sanityCheck).isInstanceOf(CorruptIndexException.class)
                    .hasMessageContaining("length=37 entrySize=34").hasMessageContaining(file().toString());
            assertThatThrownBy(() -> index.append(new AbortedTxn(2L, 100L, 120L, 100L)))
                    .isInstanceOf(CorruptIndexException.class).hasMessageContaining("partial entry");
            index.truncateTo(110L);
            index.sanityCheck();
            assertThat(index.sizeInBytes()).isZero();
        }
    }

    @Test
    void shouldFailReadsAndSanityCheckOnUnknownVersion() throws IOException {
        ByteBuffer raw = ByteBuffer.allocate(68);
        raw.putShort((short) 0).putLong(1L).putLong(100L).putLong(110L).putLong(100L);
        raw.putShort((short) 1).putLong(2L).putLong(100L).putLong(120L).putLong(100L);
        Files.write(file(), raw.array());
        try (TransactionIndex index = new TransactionIndex(file(), START)) {
            assertThatThrownBy(index::sanityCheck).isInstanceOf(CorruptIndexException.class)
                    .hasMessageContaining("entry=1 bytePosition=34 version=1");
            assertThatThrownBy(index::allAbortedTxns).isInstanceOf(CorruptIndexException.class);
            // A search that completes before the bad entry does not reach it.
            assertThat(index.collectAbortedTxns(0L, 100L).isComplete()).isTrue();
        }
    }

    @Test
    void shouldFailSanityCheckOnEntriesThatBreakTheInvariants() throws IOException {
        assertCorrupt(raw(new AbortedTxn(1L, 50L, 99L, 40L)), "entry=0", "below startOffset=100");
        assertCorrupt(raw(new AbortedTxn(1L, 120L, 110L, 40L)), "entry=0", "firstOffset is above lastOffset");
        assertCorrupt(raw(new AbortedTxn(1L, 100L, 110L, 100L), new AbortedTxn(2L, 100L, 110L, 100L)), "entry=1",
                "not above the previous entry's 110");
    }

    @Test
    void shouldRejectUseAfterCloseButAllowRenameAndDelete() throws IOException {
        TransactionIndex index = new TransactionIndex(file(), START);
        index.append(new AbortedTxn(1L, 100L, 110L, 100L));
        index.close();
        index.close();
        assertThatThrownBy(() -> index.append(new AbortedTxn(2L, 100L, 120L, 100L)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(index::allAbortedTxns).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(index::flush).isInstanceOf(IllegalStateException.class);
        Path renamed = dir.resolve("00000000000000000100.txnindex.deleted");
        index.renameTo(renamed);
        assertThat(Files.size(renamed)).isEqualTo(34L);
        assertThat(index.deleteIfExists()).isTrue();
        assertThat(index.deleteIfExists()).isFalse();
    }

    @Test
    void shouldAppendToTheNewPathAfterRename() {
        Path renamed = dir.resolve("00000000000000000100.txnindex.cleaned");
        try (TransactionIndex index = new TransactionIndex(file(), START)) {
            index.renameTo(renamed);
            assertThat(renamed).doesNotExist();
            index.append(new AbortedTxn(1L, 100L, 110L, 100L));
            assertThat(renamed).exists();
            index.renameTo(file());
            index.append(new AbortedTxn(2L, 100L, 120L, 100L));
        }
        try (TransactionIndex index = new TransactionIndex(file(), START)) {
            assertThat(index.allAbortedTxns()).hasSize(2);
        }
        assertThat(renamed).doesNotExist();
    }

    private void assertCorrupt(byte[] contents, String... facts) throws IOException {
        Files.write(file(), contents);
        try (TransactionIndex index = new TransactionIndex(file(), START)) {
            assertThatThrownBy(index::sanityCheck).isInstanceOf(CorruptIndexException.class)
                    .hasMessageContainingAll(facts);
        }
    }

    private static byte[] raw(AbortedTxn... txns) {
        ByteBuffer buffer = ByteBuffer.allocate(txns.length * AbortedTxn.SIZE);
        for (AbortedTxn txn : txns) {
            txn.writeTo(buffer);
        }
        return buffer.array();
    }
}
