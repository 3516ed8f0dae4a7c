package dev.millrace.streams.state.internals.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sharing, reference counting and settings of the memory budget. */
class RocksDbMemoryBudgetTest {
    private static final Map<String, Object> SMALL = Map.of(RocksDbMemoryBudget.BUDGET_BYTES_CONFIG, 8L << 20,
            RocksDbMemoryBudget.WRITE_BUFFER_RATIO_CONFIG, "0.25");

    @TempDir
    Path dir;

    @Test
    void shouldShareOneBudgetPerSettings() {
        try (RocksDbMemoryBudget a = RocksDbMemoryBudget.shared(SMALL);
             RocksDbMemoryBudget b = RocksDbMemoryBudget.shared(SMALL);
             RocksDbMemoryBudget other = RocksDbMemoryBudget.shared(Map.of(RocksDbMemoryBudget.BUDGET_BYTES_CONFIG,
                     "4194304"))) {
            assertThat(a).isSameAs(b).isNotSameAs(other);
            assertThat(a.references()).isEqualTo(2);
            assertThat(a.settings().cacheBytes()).isEqualTo((long) ((8L << 20) * 0.4));
            assertThat(a.settings().writeBufferBytes()).isEqualTo((long) ((8L << 20) * 0.4 * 0.25));
        }
    }

    @Test
    void shouldReleaseTheBudgetWithTheLastStore() {
        RocksDbMemoryBudget budget = RocksDbMemoryBudget.shared(SMALL);
        RocksDbKeyValueEngine first = RocksDbKeyValueEngine.open(dir.resolve("1"), "one", null, SMALL);
        RocksDbKeyValueEngine second = RocksDbKeyValueEngine.open(dir.resolve("2"), "two", budget, Map.of());
        assertThat(budget.references()).isEqualTo(3);
        budget.close();
        first.put(new byte[] {1}, new byte[] {1});
        first.close();
        assertThat(budget.references()).isEqualTo(1);
        second.close();
        assertThat(budget.references()).isZero();
        assertThatThrownBy(budget::retain).isInstanceOf(RocksDbStoreException.class);
        try (RocksDbMemoryBudget fresh = RocksDbMemoryBudget.shared(SMALL)) {
            assertThat(fresh).isNotSameAs(budget);
        }
    }

    @Test
    void shouldRejectSettingsOutOfRange() {
        assertThatThrownBy(() -> RocksDbMemoryBudget.Settings.from(Map.of(
                RocksDbMemoryBudget.WRITE_BUFFER_RATIO_CONFIG, 1.5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rocksdb.memory.write.buffer.ratio=1.5");
        assertThatThrownBy(() -> RocksDbMemoryBudget.Settings.from(Map.of(
                RocksDbMemoryBudget.BUDGET_BYTES_CONFIG, "lots"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rocksdb.memory.budget.bytes=lots");
        assertThatThrownBy(() -> RocksDbMemoryBudget.Settings.from(Map.of(
                RocksDbMemoryBudget.CACHE_RATIO_CONFIG, "0"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rocksdb.memory.cache.ratio=0.0 must be in (0, 1]");
    }

    @Test
    void shouldDefaultToAQuarterGibibyteFortyPercentOfItForTheCacheAndHalfOfThatForMemtables() {
        RocksDbMemoryBudget.Settings settings = RocksDbMemoryBudget.Settings.from(Map.of());
        assertThat(settings.totalBytes()).isEqualTo(256L << 20);
        assertThat(settings.cacheBytes()).isEqualTo((long) ((256L << 20) * 0.4));
        assertThat(settings.writeBufferBytes()).isEqualTo((long) ((256L << 20) * 0.4) / 2);
        assertThat(settings.strictCapacity()).isFalse();
    }
}
