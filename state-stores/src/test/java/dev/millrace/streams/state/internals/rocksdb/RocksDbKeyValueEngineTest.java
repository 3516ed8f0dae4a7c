package dev.millrace.streams.state.internals.rocksdb;

import static dev.millrace.streams.state.internals.rocksdb.TestBytes.bytes;
import static dev.millrace.streams.state.internals.rocksdb.TestBytes.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.TopicPartition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.TickerType;

/** Commit, abort, reopen, iterator tolerance, options customizer, bulk load and statistics of the engine. */
class RocksDbKeyValueEngineTest {
    private static final TopicPartition P0 = new TopicPartition("app-kv-changelog", 0);
    private static final TopicPartition P1 = new TopicPartition("app-kv-changelog", 1);
    private static final Map<String, Object> TRANSACTIONAL = Map.of(RocksDbEngineConfig.TRANSACTIONAL_CONFIG, true);

    @TempDir
    Path dir;

    @Test
    void shouldKeepCommittedOffsetsAndDataAcrossReopen() {
        try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "kv", null, Map.of())) {
            engine.put(bytes("a"), bytes("1"));
            engine.commit(Map.of(P0, 7L, P1, 3L));
        }
        try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "kv", null, Map.of())) {
            assertThat(engine.committedOffset(P0)).isEqualTo(7L);
            assertThat(engine.committedOffsets()).containsExactly(Map.entry(P0, 7L), Map.entry(P1, 3L));
            assertThat(engine.get(bytes("a"))).isEqualTo(bytes("1"));
            assertThat(engine.committedOffset(new TopicPartition("other", 0))).isNull();
        }
    }

    @Test
    void shouldLogThroughTheSharedLoggerWithoutALogFilePerStore() throws Exception {
        try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "kv", null, Map.of())) {
            engine.put(bytes("a"), bytes("1"));
            engine.commit(Map.of(P0, 1L));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString())).as("files of the store")
                    .contains("CURRENT").noneMatch(name -> name.startsWith("LOG"));
        }
    }

    @Test
    void shouldKeepUncommittedWritesOutOfTheDatabaseInTransactionalMode() {
        try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "kv", null, TRANSACTIONAL)) {
            engine.put(bytes("a"), bytes("1"));
            engine.commit(Map.of(P0, 1L));
            engine.put(bytes("b"), bytes("2"));
            engine.delete(bytes("a"));
            assertThat(engine.get(bytes("a"))).as("delete masks the database").isNull();
            assertThat(engine.get(bytes("b"))).as("overlay is read").isEqualTo(bytes("2"));
            assertThat(engine.statistics().uncommittedWrites()).isEqualTo(2);
        }
        try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "kv", null, TRANSACTIONAL)) {
            assertThat(engine.get(bytes("a"))).isEqualTo(bytes("1"));
            assertThat(engine.get(bytes("b"))).isNull();
            assertThat(engine.committedOffset(P0)).isEqualTo(1L);
        }
    }

    @Test
    void shouldDropEveryWriteSinceLastCommitOnAbort() {
        try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "kv", null, TRANSACTIONAL)) {
            engine.put(bytes("a"), bytes("1"));
            engine.commit(Map.of(P0, 1L));
            engine.put(bytes("a"), bytes("2"));
            engine.put(bytes("c"), bytes("3"));
            engine.abort();
            assertThat(drain(engine.all())).containsExactly("61=31");
            assertThat(engine.committedOffset(P0)).isEqualTo(1L);
        }
    }

    @Test
    void shouldRejectAbortWhenNotTransactional() {
        try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "kv", null, Map.of())) {
            assertThatThrownBy(engine::abort).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("store=kv");
        }
    }

    @Test
    void shouldBeTransactionalByDefaultUnderExactlyOnce() {
        Map<String, Object> configs = Map.of(RocksDbEngineConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2");
        try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "kv", null, configs)) {
            assertThat(engine.transactional()).isTrue();
        }
    }

    @Test
    void shouldReturnEveryKeyOnceInOrderWhileTheOverlayChangesDuringIteration() {
        try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "kv", null, TRANSACTIONAL)) {
            for (int i = 0; i < 50; i += 2) {
                engine.put(key(i), bytes("db"));
            }
            engine.commit(Map.of(P0, 1L));
            for (int i = 1; i < 50; i += 4) {
                engine.put(key(i), bytes("overlay"));
            }
            List<Integer> seen = new ArrayList<>();
            try (RocksDbIterator iterator = engine.all()) {
                while (iterator.hasNext()) {
                    int k = Integer.parseInt(new String(iterator.next().key(), StandardCharsets.UTF_8));
                    seen.add(k);
                    engine.delete(key(k));
                    engine.put(key(k + 1), bytes("ahead"));
                    if (k % 10 == 0) {
                        engine.commit(Map.of(P0, 2L + k));
                    }
                }
            }
            assertThat(seen).isSorted().doesNotHaveDuplicates().contains(0, 1, 2, 4, 5, 6, 8, 48);
        }
    }

    @Test
    void shouldReadASnapshotWhenNotTransactional() {
        try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "kv", null, Map.of())) {
            engine.put(key(1), bytes("x"));
            engine.put(key(3), bytes("x"));
            try (RocksDbIterator iterator = engine.all()) {
                engine.put(key(2), bytes("x"));
                engine.delete(key(3));
                assertThat(drain(iterator)).hasSize(2);
            }
        }
    }

    @Test
    void shouldCloseOpenIteratorsWhenTheEngineCloses() {
        RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "kv", null, Map.of());
        engine.put(key(1), bytes("x"));
        RocksDbIterator iterator = engine.all();
        engine.close();
        assertThatThrownBy(iterator::hasNext).isInstanceOf(RocksDbStoreException.class)
                .hasMessageContaining("store=kv");
        assertThatThrownBy(() -> engine.get(key(1))).isInstanceOf(RocksDbStoreException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void shouldCallTheCustomizerWithTheStoreNameAndCloseIt() {
        AtomicInteger set = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        RocksDbOptionsCustomizer customizer = new RocksDbOptionsCustomizer() {
            @Override
            public void setConfig(String storeName, Options options, Map<String, Object> configs) {
                assertThat(storeName).isEqualTo("kv");
                assertThat(configs).containsKey(RocksDbEngineConfig.CONFIG_SETTER_CONFIG);
                options.setMaxWriteBufferNumber(4);
                set.incrementAndGet();
            }

            @Override
            public void close(String storeName, Options options) {
                closed.incrementAndGet();
            }
        };
        try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "kv", null,
                Map.of(RocksDbEngineConfig.CONFIG_SETTER_CONFIG, customizer))) {
            engine.put(key(1), bytes("x"));
        }
        assertThat(set).hasValue(1);
        assertThat(closed).hasValue(1);
    }

    @Test
    void shouldRejectASetterClassThatIsNotACustomizer() {
        assertThatThrownBy(() -> RocksDbEngineConfig.from(Map.of(RocksDbEngineConfig.CONFIG_SETTER_CONFIG,
                String.class.getName()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rocksdb.config.setter=java.lang.String");
    }

    @Test
    void shouldRestoreInBulkLoadModeAndCompactAtTheEnd() {
        try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "kv", null, Map.of())) {
            engine.beginBulkLoad();
            for (int i = 0; i < 2000; i++) {
                engine.put(key(i), bytes("v" + i));
                if (i % 500 == 0) {
                    engine.flush();
                }
            }
            engine.commit(Map.of(P0, 2000L));
            engine.endBulkLoad();
            assertThat(engine.get(key(1234))).isEqualTo(bytes("v1234"));
            assertThat(engine.statistics().totalSstFilesBytes()).isPositive();
            assertThat(engine.approximateNumEntries()).isBetween(1000L, 4000L);
        }
    }

    @Test
    void shouldExposeTickersOnlyWhenStatisticsAreEnabled() {
        try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir.resolve("a"), "a", null, Map.of())) {
            assertThat(engine.statistics().ticker(TickerType.BYTES_WRITTEN)).isEmpty();
        }
        try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir.resolve("b"), "b", null,
                Map.of(RocksDbEngineConfig.STATISTICS_CONFIG, "true"))) {
            engine.put(key(1), bytes("x"));
            engine.flush();
            assertThat(engine.statistics().ticker(TickerType.BYTES_WRITTEN)).isPresent();
            assertThat(engine.statistics().ticker(TickerType.BYTES_WRITTEN).getAsLong()).isPositive();
            assertThat(engine.statistics().estimateNumKeys()).isEqualTo(1);
            assertThat(engine.statistics().blockCacheUsage()).isNotNegative();
            assertThat(engine.statistics().memtableBytes()).isNotNegative();
        }
    }

    private static byte[] key(int i) {
        return bytes(String.format("%04d", i));
    }
}
