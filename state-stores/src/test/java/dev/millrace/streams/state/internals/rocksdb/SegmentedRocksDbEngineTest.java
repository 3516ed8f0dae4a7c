package dev.millrace.streams.state.internals.rocksdb;

import static dev.millrace.streams.state.internals.rocksdb.TestBytes.bytes;
import static dev.millrace.streams.state.internals.rocksdb.TestBytes.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.TopicPartition;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segment expiry, abort, commit across segments and reopen rules of the segmented engine. */
class SegmentedRocksDbEngineTest {
    private static final TopicPartition P0 = new TopicPartition("app-window-changelog", 0);
    private static final Map<String, Object> TRANSACTIONAL = Map.of(RocksDbEngineConfig.TRANSACTIONAL_CONFIG, true);

    @TempDir
    Path dir;

    @Test
    void shouldDropWholeSegmentsAsStreamTimeAdvances() {
        try (SegmentedRocksDbEngine engine = open(Map.of())) {
            engine.put(WindowKeySchema.toStoreKey(bytes("a"), 50, 0), bytes("1"));
            engine.put(WindowKeySchema.toStoreKey(bytes("a"), 150, 0), bytes("2"));
            assertThat(engine.liveSegmentIds()).containsExactly(0L, 1L);
            engine.put(WindowKeySchema.toStoreKey(bytes("a"), 420, 0), bytes("3"));
            assertThat(engine.liveSegmentIds()).containsExactly(1L, 4L);
            assertThat(engine.put(WindowKeySchema.toStoreKey(bytes("b"), 20, 0), bytes("late"))).isFalse();
            assertThat(drain(engine.fetch(bytes("a"), bytes("a"), 0, 1000, true))).hasSize(1);
        }
    }

    @Test
    void shouldBringBackExpiredSegmentsAndStreamTimeOnAbort() {
        try (SegmentedRocksDbEngine engine = open(TRANSACTIONAL)) {
            engine.put(WindowKeySchema.toStoreKey(bytes("a"), 50, 0), bytes("1"));
            engine.commit(Map.of(P0, 1L));
            engine.put(WindowKeySchema.toStoreKey(bytes("a"), 900, 0), bytes("2"));
            assertThat(engine.liveSegmentIds()).containsExactly(9L);
            engine.abort();
            assertThat(engine.observedStreamTime()).isEqualTo(50);
            assertThat(engine.get(WindowKeySchema.toStoreKey(bytes("a"), 50, 0))).isEqualTo(bytes("1"));
            assertThat(drain(engine.all(true))).hasSize(1);
        }
    }

    @Test
    void shouldCommitAcrossSegmentsAtomicallyAndKeepStreamTime() {
        try (SegmentedRocksDbEngine engine = openSessions()) {
            engine.put(SessionKeySchema.toStoreKey(bytes("a"), 10, 50), bytes("1"));
            engine.put(SessionKeySchema.toStoreKey(bytes("b"), 120, 180), bytes("2"));
            engine.commit(Map.of(P0, 2L));
            engine.put(SessionKeySchema.toStoreKey(bytes("c"), 190, 199), bytes("3"));
        }
        try (SegmentedRocksDbEngine engine = openSessions()) {
            assertThat(engine.committedOffset(P0)).isEqualTo(2L);
            assertThat(engine.observedStreamTime()).isEqualTo(180);
            assertThat(drain(engine.fetch(null, null, 0, Long.MAX_VALUE, true))).hasSize(2);
        }
    }

    @Test
    void shouldRejectReopeningWithAnotherSegmentInterval() {
        open(Map.of()).close();
        assertThatThrownBy(() -> SegmentedRocksDbEngine.open(dir, "window", WindowKeySchema.INSTANCE, 250, 50, null,
                Map.of())).isInstanceOf(RocksDbStoreException.class)
                .hasMessageContaining("segmentIntervalMs=50 storedSegmentIntervalMs=100");
    }

    @Test
    void shouldKeepExpiredSegmentsReadableByOpenIteratorsUntilClosed() {
        try (SegmentedRocksDbEngine engine = open(Map.of())) {
            engine.put(WindowKeySchema.toStoreKey(bytes("a"), 50, 0), bytes("1"));
            engine.put(WindowKeySchema.toStoreKey(bytes("a"), 150, 0), bytes("2"));
            try (RocksDbIterator iterator = engine.all(true)) {
                engine.put(WindowKeySchema.toStoreKey(bytes("a"), 700, 0), bytes("3"));
                assertThat(drain(iterator)).hasSize(2);
            }
            engine.put(WindowKeySchema.toStoreKey(bytes("a"), 701, 0), bytes("4"));
            assertThat(engine.liveSegmentIds()).containsExactly(7L);
            assertThat(engine.approximateNumEntries()).isBetween(1L, 2L);
        }
    }

    private SegmentedRocksDbEngine openSessions() {
        return SegmentedRocksDbEngine.open(dir, "session", SessionKeySchema.INSTANCE, 250, 100, null, TRANSACTIONAL);
    }

    private SegmentedRocksDbEngine open(Map<String, Object> configs) {
        return SegmentedRocksDbEngine.open(dir, "window", WindowKeySchema.INSTANCE, 250, 100, null, configs);
    }
}
