package dev.millrace.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.storage.CorruptIndexException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour of {@link OffsetIndex}: format, appends, lookups, truncation and the file lifecycle. */
class OffsetIndexTest {
    private static final long BASE = 1_000L;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("00000000000000001000.index");
    }

    @Test
    void shouldWriteEntriesAsBigEndianRelativeOffsetAndPosition() throws IOException {
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 1024)) {
            index.append(1_005L, 4_096);
            index.append(1_010L, 9_000);
            index.append(BASE + Integer.MAX_VALUE, Integer.MAX_VALUE);
        }
        byte[] expected = ByteBuffer.allocate(24)
                .putInt(5).putInt(4_096)
                .putInt(10).putInt(9_000)
                .putInt(Integer.MAX_VALUE).putInt(Integer.MAX_VALUE)
                .array();
        assertThat(Files.readAllBytes(file())).containsExactly(expected);
    }

    @Test
    void shouldPreallocateNewFileToMaxSizeRoundedDownToEntrySize() throws IOException {
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 1_003)) {
            assertThat(Files.size(file())).isEqualTo(1_000L);
            assertThat(index.length()).isEqualTo(1_000L);
            assertThat(index.maxEntries()).isEqualTo(125);
            assertThat(index.entries()).isZero();
            assertThat(index.sizeInBytes()).isZero();
            assertThat(index.isFull()).isFalse();
            assertThat(index.lastOffset()).isEqualTo(BASE);
            assertThat(index.maxIndexSize()).isEqualTo(1_003);
            assertThat(index.baseOffset()).isEqualTo(BASE);
        }
    }

    @Test
    void shouldRejectNewIndexThatCannotHoldOneEntryWithoutCreatingTheFile() {
        assertThatThrownBy(() -> new OffsetIndex(file(), BASE, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxIndexSizeBytes=7");
        assertThat(file()).doesNotExist();
    }

    @Test
    void shouldRejectNegativeBaseOffset() {
        assertThatThrownBy(() -> new OffsetIndex(file(), -1L, 1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseOffset=-1");
    }

    @Test
    void shouldLookUpLargestEntryAtOrBelowTarget() {
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 1024)) {
            assertThat(index.lookup(5_000L)).isEqualTo(new OffsetPosition(BASE, 0));
            index.append(1_010L, 100);
            index.append(1_020L, 200);
            index.append(1_030L, 300);
            assertThat(index.lookup(0L)).isEqualTo(new OffsetPosition(BASE, 0));
            assertThat(index.lookup(1_009L)).isEqualTo(new OffsetPosition(BASE, 0));
            assertThat(index.lookup(1_010L)).isEqualTo(new OffsetPosition(1_010L, 100));
            assertThat(index.lookup(1_019L)).isEqualTo(new OffsetPosition(1_010L, 100));
            assertThat(index.lookup(1_020L)).isEqualTo(new OffsetPosition(1_020L, 200));
            assertThat(index.lookup(Long.MAX_VALUE)).isEqualTo(new OffsetPosition(1_030L, 300));
            assertThat(index.entry(1)).isEqualTo(new OffsetPosition(1_020L, 200));
            assertThat(index.lastOffset()).isEqualTo(1_030L);
        }
    }

    @Test
    void shouldLookUpAcrossTheWarmSectionBoundary() {
        int count = 3 * MappedIndex.WARM_SECTION_BYTES / OffsetIndex.ENTRY_SIZE;
        try (OffsetIndex index = new OffsetIndex(file(), 0L, count * OffsetIndex.ENTRY_SIZE)) {
            for (int i = 0; i < count; i++) {
                index.append(2L * i + 1, 10 * i);
            }
            for (int i = 0; i < count; i++) {
                assertThat(index.lookup(2L * i + 1)).as("i=%d", i).isEqualTo(new OffsetPosition(2L * i + 1, 10 * i));
                assertThat(index.lookup(2L * i + 2)).as("i=%d", i).isEqualTo(new OffsetPosition(2L * i + 1, 10 * i));
            }
            assertThat(index.lookup(0L)).isEqualTo(new OffsetPosition(0L, 0));
            assertThat(index.isFull()).isTrue();
        }
    }

    @Test
    void shouldAcceptBaseOffsetAsFirstEntry() {
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 1024)) {
            index.append(BASE, 0);
            assertThat(index.entries()).isEqualTo(1);
            assertThat(index.lookup(BASE)).isEqualTo(new OffsetPosition(BASE, 0));
            assertThatThrownBy(() -> index.append(BASE, 10)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("offset=1000 lastOffset=1000");
        }
    }

    @Test
    void shouldRejectOffsetNotAboveLastOffset() {
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 1024)) {
            index.append(1_010L, 100);
            assertThatThrownBy(() -> index.append(1_010L, 200)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("offset=1010 lastOffset=1010");
            assertThatThrownBy(() -> index.append(1_005L, 200)).isInstanceOf(IllegalArgumentException.class);
            assertThat(index.entries()).isEqualTo(1);
        }
    }

    @Test
    void shouldRejectNegativeOrDecreasingPosition() {
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 1024)) {
            assertThatThrownBy(() -> index.append(1_001L, -1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("position=-1");
            index.append(1_001L, 500);
            assertThatThrownBy(() -> index.append(1_002L, 499)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("position=499 lastPosition=500");
            index.append(1_002L, 500);
            assertThat(index.entries()).isEqualTo(2);
        }
    }

    @Test
    void shouldRejectOffsetsOutsideTheRelativeRange() {
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 1024)) {
            assertThat(index.canAppendOffset(BASE - 1)).isFalse();
            assertThat(index.canAppendOffset(BASE)).isTrue();
            assertThat(index.canAppendOffset(BASE + Integer.MAX_VALUE)).isTrue();
            assertThat(index.canAppendOffset(BASE + Integer.MAX_VALUE + 1L)).isFalse();
            assertThatThrownBy(() -> index.append(BASE - 1, 0)).isInstanceOf(IndexOffsetOverflowException.class)
                    .hasMessageContaining("offset=999 baseOffset=1000");
            assertThatThrownBy(() -> index.append(BASE + Integer.MAX_VALUE + 1L, 0))
                    .isInstanceOf(IndexOffsetOverflowException.class);
            assertThat(index.entries()).isZero();
        }
    }

    @Test
    void shouldRejectAppendToFullIndex() {
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 16)) {
            index.append(1_001L, 1);
            index.append(1_002L, 2);
            assertThat(index.isFull()).isTrue();
            assertThatThrownBy(() -> index.append(1_003L, 3)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("entries=2 maxEntries=2");
        }
    }

    @Test
    void shouldTruncateEntriesAtOrAboveOffset() {
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 1024)) {
            for (int i = 1; i <= 5; i++) {
                index.append(BASE + 10L * i, 100 * i);
            }
            index.truncateTo(2_000L);
            assertThat(index.entries()).isEqualTo(5);
            index.truncateTo(1_031L);
            assertThat(index.entries()).isEqualTo(3);
            index.truncateTo(1_030L);
            assertThat(index.entries()).isEqualTo(2);
            assertThat(index.lastOffset()).isEqualTo(1_020L);
            assertThat(index.lookup(1_050L)).isEqualTo(new OffsetPosition(1_020L, 200));
            index.append(1_025L, 250);
            assertThat(index.lastOffset()).isEqualTo(1_025L);
            index.truncateTo(0L);
            assertThat(index.entries()).isZero();
            assertThat(index.lastOffset()).isEqualTo(BASE);
            index.append(1_001L, 5);
            index.truncate();
            assertThat(index.entries()).isZero();
            assertThat(index.length()).isEqualTo(1024L);
        }
    }

    @Test
    void shouldTrimFileOnCloseAndReopenWithTheSameEntriesAndNoRoom() throws IOException {
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 1024)) {
            index.append(1_001L, 10);
            index.append(1_002L, 20);
            index.append(1_003L, 30);
        }
        assertThat(Files.size(file())).isEqualTo(24L);
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 1024)) {
            assertThat(index.entries()).isEqualTo(3);
            assertThat(index.lastOffset()).isEqualTo(1_003L);
            assertThat(index.lookup(1_002L)).isEqualTo(new OffsetPosition(1_002L, 20));
            assertThat(index.isFull()).isTrue();
            assertThat(index.resize(1024)).isTrue();
            assertThat(Files.size(file())).isEqualTo(1024L);
            index.append(1_004L, 40);
            assertThat(index.entries()).isEqualTo(4);
            index.sanityCheck();
        }
        assertThat(Files.size(file())).isEqualTo(32L);
    }

    @Test
    void shouldTrimAnEmptyIndexToAnEmptyFile() throws IOException {
        new OffsetIndex(file(), BASE, 1024).close();
        assertThat(Files.size(file())).isZero();
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 1024)) {
            assertThat(index.entries()).isZero();
            assertThat(index.isFull()).isTrue();
            assertThat(index.lookup(BASE + 5)).isEqualTo(new OffsetPosition(BASE, 0));
            index.sanityCheck();
            index.reset();
            assertThat(index.length()).isEqualTo(1024L);
            index.append(BASE + 1, 1);
        }
    }

    @Test
    void shouldResizeKeepingEntriesAndRejectSizesThatDropEntries() {
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 64)) {
            index.append(1_001L, 10);
            index.append(1_002L, 20);
            assertThat(index.resize(64)).isFalse();
            assertThat(index.resize(101)).isTrue();
            assertThat(index.length()).isEqualTo(96L);
            assertThat(index.maxEntries()).isEqualTo(12);
            assertThat(index.lookup(1_002L)).isEqualTo(new OffsetPosition(1_002L, 20));
            assertThatThrownBy(() -> index.resize(15)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("newSizeBytes=15 entries=2");
            assertThatThrownBy(() -> index.resize(-8)).isInstanceOf(IllegalArgumentException.class);
            index.trimToValidSize();
            assertThat(index.length()).isEqualTo(16L);
            assertThat(index.isFull()).isTrue();
            index.reset();
            assertThat(index.entries()).isZero();
            assertThat(index.length()).isEqualTo(64L);
        }
    }

    @Test
    void shouldRejectEntryOutsideTheEntries() {
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 64)) {
            index.append(1_001L, 10);
            assertThatThrownBy(() -> index.entry(1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("slot=1 entries=1");
            assertThatThrownBy(() -> index.entry(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldRejectUseAfterCloseButAllowSecondCloseDeleteAndRename() throws IOException {
        OffsetIndex index = new OffsetIndex(file(), BASE, 64);
        index.append(1_001L, 10);
        index.close();
        index.close();
        assertThatThrownBy(() -> index.lookup(1_001L)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("index is closed");
        assertThatThrownBy(() -> index.append(1_002L, 20)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(index::flush).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> index.resize(64)).isInstanceOf(IllegalStateException.class);
        Path renamed = dir.resolve("00000000000000001000.index.deleted");
        index.renameTo(renamed);
        assertThat(index.file()).isEqualTo(renamed);
        assertThat(Files.size(renamed)).isEqualTo(8L);
        assertThat(index.deleteIfExists()).isTrue();
        assertThat(index.deleteIfExists()).isFalse();
        assertThat(renamed).doesNotExist();
    }

    @Test
    void shouldKeepWorkingAfterRenameWhileOpen() throws IOException {
        Path renamed = dir.resolve("00000000000000001000.index.swap");
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 64)) {
            index.append(1_001L, 10);
            index.renameTo(renamed);
            assertThat(file()).doesNotExist();
            index.append(1_002L, 20);
            index.flush();
            assertThat(index.resize(128)).isTrue();
            assertThat(Files.size(renamed)).isEqualTo(128L);
        }
        try (OffsetIndex reopened = new OffsetIndex(renamed, BASE, 64)) {
            assertThat(reopened.entries()).isEqualTo(2);
            assertThat(reopened.entry(1)).isEqualTo(new OffsetPosition(1_002L, 20));
        }
    }

    @Test
    void shouldDeleteOpenIndexAndReleaseIt() {
        OffsetIndex index = new OffsetIndex(file(), BASE, 64);
        index.append(1_001L, 10);
        assertThat(index.deleteIfExists()).isTrue();
        assertThat(file()).doesNotExist();
        assertThatThrownBy(() -> index.lookup(1_001L)).isInstanceOf(IllegalStateException.class);
        assertThatCode(index::close).doesNotThrowAnyException();
    }

    @Test
    void shouldPassSanityCheckForSoundIndex() {
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 64)) {
            index.sanityCheck();
            index.append(BASE, 0);
            index.append(1_001L, 0);
            index.append(1_005L, 70);
            index.sanityCheck();
        }
    }

    @Test
    void shouldFailSanityCheckWhenLengthIsNotAMultipleOfEntrySize() throws IOException {
        Files.write(file(), entries(5, 10, 6, 20, 7, 30), StandardOpenOption.CREATE_NEW);
        Files.write(file(), new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 1024)) {
            assertThat(index.entries()).isEqualTo(3);
            assertThat(index.lastOffset()).isEqualTo(1_007L);
            assertThatThrownBy(index::sanityCheck).isInstanceOf(CorruptIndexException.class)
                    .hasMessageContaining("length=27 entrySize=8")
                    .hasMessageContaining(file().toString());
        }
    }

    @Test
    void shouldFailSanityCheckWhenOffsetsDoNotIncrease() throws IOException {
        Files.write(file(), entries(5, 10, 9, 20, 9, 30));
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 1024)) {
            assertThatThrownBy(index::sanityCheck).isInstanceOf(CorruptIndexException.class)
                    .hasMessageContaining("entry=2 bytePosition=16")
                    .hasMessageContaining("relativeOffset=9");
        }
    }

    @Test
    void shouldFailSanityCheckWhenOffsetIsBelowBaseOffset() throws IOException {
        Files.write(file(), entries(-3, 10));
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 1024)) {
            assertThat(index.lastOffset()).isEqualTo(997L);
            assertThatThrownBy(index::sanityCheck).isInstanceOf(CorruptIndexException.class)
                    .hasMessageContaining("entry=0").hasMessageContaining("relativeOffset=-3");
        }
    }

    @Test
    void shouldFailSanityCheckWhenPositionsDecrease() throws IOException {
        Files.write(file(), entries(1, 100, 2, 50));
        try (OffsetIndex index = new OffsetIndex(file(), BASE, 1024)) {
            assertThatThrownBy(index::sanityCheck).isInstanceOf(CorruptIndexException.class)
                    .hasMessageContaining("entry=1").hasMessageContaining("position=50");
        }
    }

    @Test
    void shouldFailSanityCheckForPreallocatedFileLeftByACrash() {
        OffsetIndex crashed = new OffsetIndex(file(), BASE, 80);
        crashed.append(1_003L, 100);
        crashed.append(1_004L, 200);
        crashed.flush();
        // The writer never closed (and trimmed) the file; a restart maps the whole preallocated file.
        try (OffsetIndex reopened = new OffsetIndex(file(), BASE, 80)) {
            assertThat(reopened.entries()).isEqualTo(10);
            assertThatThrownBy(reopened::sanityCheck).isInstanceOf(CorruptIndexException.class)
                    .hasMessageContaining("entry=2 bytePosition=16");
        } finally {
            crashed.deleteIfExists();
        }
    }

    @Test
    void shouldReleaseMappingsEagerlyOnThisJdk() {
        assertThat(IndexFiles.canUnmapEagerly()).as("sun.misc.Unsafe.invokeCleaner reachable").isTrue();
    }

    /** Builds raw entries from (relativeOffset, position) pairs. */
    static byte[] entries(int... pairs) {
        ByteBuffer buffer = ByteBuffer.allocate(pairs.length * 4);
        for (int value : pairs) {
            buffer.putInt(value);
        }
        return buffer.array();
    }
}
