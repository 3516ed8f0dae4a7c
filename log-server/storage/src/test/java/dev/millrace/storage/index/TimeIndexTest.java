package dev.millrace.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.storage.CorruptIndexException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour of {@link TimeIndex}: format, conditional appends, lookups, reserved slot and lifecycle. */
class TimeIndexTest {
    private static final long BASE = 500L;
    private static final TimestampOffset NONE = new TimestampOffset(TimeIndex.NO_TIMESTAMP, BASE);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("00000000000000000500.timeindex");
    }

    @Test
    void shouldWriteEntriesAsBigEndianTimestampAndRelativeOffset() throws IOException {
        try (TimeIndex index = new TimeIndex(file(), BASE, 1200)) {
            index.maybeAppend(1_700_000_000_000L, 502L);
            index.maybeAppend(1_700_000_000_500L, 510L);
        }
        byte[] expected = ByteBuffer.allocate(24)
                .putLong(1_700_000_000_000L).putInt(2)
                .putLong(1_700_000_000_500L).putInt(10)
                .array();
        assertThat(Files.readAllBytes(file())).containsExactly(expected);
    }

    @Test
    void shouldPreallocateToMaxSizeRoundedDownToEntrySize() throws IOException {
        try (TimeIndex index = new TimeIndex(file(), BASE, 100)) {
            assertThat(Files.size(file())).isEqualTo(96L);
            assertThat(index.maxEntries()).isEqualTo(8);
            assertThat(index.lastEntry()).isEqualTo(NONE);
        }
        assertThatThrownBy(() -> new TimeIndex(dir.resolve("small.timeindex"), BASE, 11))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxIndexSizeBytes=11");
    }

    @Test
    void shouldAppendOnlyWhenTimestampGrows() {
        try (TimeIndex index = new TimeIndex(file(), BASE, 1200)) {
            index.maybeAppend(TimeIndex.NO_TIMESTAMP, 501L);
            assertThat(index.entries()).isZero();
            index.maybeAppend(100L, 505L);
            index.maybeAppend(100L, 506L);
            assertThat(index.entries()).isEqualTo(1);
            index.maybeAppend(150L, 506L);
            index.maybeAppend(150L, 506L);
            assertThat(index.entries()).isEqualTo(2);
            assertThat(index.lastEntry()).isEqualTo(new TimestampOffset(150L, 506L));
            assertThat(index.entry(0)).isEqualTo(new TimestampOffset(100L, 505L));
        }
    }

    @Test
    void shouldRejectDecreasingOffsetOrTimestamp() {
        try (TimeIndex index = new TimeIndex(file(), BASE, 1200)) {
            index.maybeAppend(100L, 510L);
            assertThatThrownBy(() -> index.maybeAppend(200L, 509L)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("offset=509 lastOffset=510");
            assertThatThrownBy(() -> index.maybeAppend(99L, 511L)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("timestamp=99 lastTimestamp=100");
            assertThat(index.entries()).isEqualTo(1);
        }
    }

    @Test
    void shouldRejectOffsetOutsideTheRelativeRange() {
        try (TimeIndex index = new TimeIndex(file(), BASE, 1200)) {
            assertThatThrownBy(() -> index.maybeAppend(10L, BASE - 1)).isInstanceOf(IndexOffsetOverflowException.class);
            assertThatThrownBy(() -> index.maybeAppend(10L, BASE + Integer.MAX_VALUE + 1L))
                    .isInstanceOf(IndexOffsetOverflowException.class);
            index.maybeAppend(10L, BASE + Integer.MAX_VALUE);
            assertThat(index.lastEntry()).isEqualTo(new TimestampOffset(10L, BASE + Integer.MAX_VALUE));
        }
    }

    @Test
    void shouldLookUpLargestTimestampAtOrBelowTarget() {
        try (TimeIndex index = new TimeIndex(file(), BASE, 1200)) {
            assertThat(index.lookup(Long.MAX_VALUE)).isEqualTo(NONE);
            index.maybeAppend(100L, 510L);
            index.maybeAppend(200L, 520L);
            index.maybeAppend(300L, 520L);
            assertThat(index.lookup(99L)).isEqualTo(NONE);
            assertThat(index.lookup(100L)).isEqualTo(new TimestampOffset(100L, 510L));
            assertThat(index.lookup(250L)).isEqualTo(new TimestampOffset(200L, 520L));
            assertThat(index.lookup(Long.MAX_VALUE)).isEqualTo(new TimestampOffset(300L, 520L));
        }
    }

    @Test
    void shouldReserveTheLastSlotForTheFinalEntry() {
        try (TimeIndex index = new TimeIndex(file(), BASE, 36)) {
            index.maybeAppend(1L, 501L);
            assertThat(index.isFull()).isFalse();
            index.maybeAppend(2L, 502L);
            assertThat(index.isFull()).isTrue();
            assertThatThrownBy(() -> index.maybeAppend(3L, 503L)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("entries=2 maxEntries=3 reservedSlots=1");
            index.maybeAppend(2L, 503L);
            index.maybeAppend(3L, 503L, true);
            assertThat(index.entries()).isEqualTo(3);
            assertThatThrownBy(() -> index.maybeAppend(4L, 504L, true)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("entries=3 maxEntries=3 reservedSlots=0");
        }
    }

    @Test
    void shouldTruncateEntriesWithOffsetAtOrAboveTarget() {
        try (TimeIndex index = new TimeIndex(file(), BASE, 1200)) {
            index.maybeAppend(10L, 505L);
            index.maybeAppend(20L, 505L);
            index.maybeAppend(30L, 507L);
            index.maybeAppend(40L, 509L);
            index.truncateTo(510L);
            assertThat(index.entries()).isEqualTo(4);
            index.truncateTo(508L);
            assertThat(index.entries()).isEqualTo(3);
            assertThat(index.lastEntry()).isEqualTo(new TimestampOffset(30L, 507L));
            index.truncateTo(506L);
            assertThat(index.entries()).isEqualTo(2);
            index.truncateTo(505L);
            assertThat(index.entries()).isZero();
            assertThat(index.lastEntry()).isEqualTo(NONE);
            index.maybeAppend(5L, 501L);
            assertThat(index.lastEntry()).isEqualTo(new TimestampOffset(5L, 501L));
            index.truncate();
            assertThat(index.lastEntry()).isEqualTo(NONE);
        }
    }

    @Test
    void shouldTrimOnCloseAndRestoreLastEntryOnReopen() throws IOException {
        try (TimeIndex index = new TimeIndex(file(), BASE, 1200)) {
            index.maybeAppend(10L, 505L);
            index.maybeAppend(20L, 509L);
        }
        assertThat(Files.size(file())).isEqualTo(24L);
        try (TimeIndex index = new TimeIndex(file(), BASE, 1200)) {
            assertThat(index.entries()).isEqualTo(2);
            assertThat(index.lastEntry()).isEqualTo(new TimestampOffset(20L, 509L));
            assertThat(index.isFull()).isTrue();
            index.sanityCheck();
            index.resize(1200);
            assertThatThrownBy(() -> index.maybeAppend(15L, 510L)).isInstanceOf(IllegalArgumentException.class);
            index.maybeAppend(30L, 510L);
            assertThat(index.lookup(25L)).isEqualTo(new TimestampOffset(20L, 509L));
        }
        assertThat(Files.size(file())).isEqualTo(36L);
    }

    @Test
    void shouldFailSanityCheckWhenTimestampsDoNotIncrease() throws IOException {
        Files.write(file(), entries(10L, 1, 20L, 2, 20L, 3));
        try (TimeIndex index = new TimeIndex(file(), BASE, 1200)) {
            assertThatThrownBy(index::sanityCheck).isInstanceOf(CorruptIndexException.class)
                    .hasMessageContaining("entry=2 bytePosition=24").hasMessageContaining("timestamp=20")
                    .hasMessageContaining(file().toString());
        }
    }

    @Test
    void shouldFailSanityCheckWhenOffsetsDecreaseOrFallBelowBase() throws IOException {
        Files.write(file(), entries(10L, 5, 20L, 4));
        try (TimeIndex index = new TimeIndex(file(), BASE, 1200)) {
            assertThatThrownBy(index::sanityCheck).isInstanceOf(CorruptIndexException.class)
                    .hasMessageContaining("entry=1").hasMessageContaining("relativeOffset=4");
        }
        Files.write(file(), entries(10L, -1));
        try (TimeIndex index = new TimeIndex(file(), BASE, 1200)) {
            assertThatThrownBy(index::sanityCheck).isInstanceOf(CorruptIndexException.class)
                    .hasMessageContaining("entry=0").hasMessageContaining("relativeOffset=-1");
        }
    }

    @Test
    void shouldFailSanityCheckWhenLengthIsNotAMultipleOfEntrySize() throws IOException {
        Files.write(file(), new byte[13]);
        try (TimeIndex index = new TimeIndex(file(), BASE, 1200)) {
            assertThat(index.entries()).isEqualTo(1);
            assertThatThrownBy(index::sanityCheck).isInstanceOf(CorruptIndexException.class)
                    .hasMessageContaining("length=13 entrySize=12");
        }
    }

    @Test
    void shouldFailSanityCheckForPreallocatedFileLeftByACrash() {
        TimeIndex crashed = new TimeIndex(file(), BASE, 120);
        crashed.maybeAppend(1_000L, 501L);
        crashed.flush();
        try (TimeIndex reopened = new TimeIndex(file(), BASE, 120)) {
            assertThat(reopened.entries()).isEqualTo(10);
            assertThatThrownBy(reopened::sanityCheck).isInstanceOf(CorruptIndexException.class)
                    .hasMessageContaining("entry=1 bytePosition=12");
        } finally {
            crashed.deleteIfExists();
        }
    }

    @Test
    void shouldRejectUseAfterClose() {
        TimeIndex index = new TimeIndex(file(), BASE, 120);
        index.close();
        assertThatThrownBy(() -> index.maybeAppend(1L, 501L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> index.lookup(1L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(index::sanityCheck).isInstanceOf(IllegalStateException.class);
        assertThat(index.deleteIfExists()).isTrue();
    }

    /** Builds raw entries from (timestamp, relativeOffset) pairs. */
    private static byte[] entries(Object... pairs) {
        ByteBuffer buffer = ByteBuffer.allocate(pairs.length / 2 * TimeIndex.ENTRY_SIZE);
        for (int i = 0; i < pairs.length; i += 2) {
            buffer.putLong((Long) pairs[i]).putInt((Integer) pairs[i + 1]);
        }
        return buffer.array();
    }
}
