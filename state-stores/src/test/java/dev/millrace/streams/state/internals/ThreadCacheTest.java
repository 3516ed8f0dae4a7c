package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThreadCacheTest {

    private static final String NS = "0_0-store";

    private static Bytes key(String text) {
        return Bytes.wrap(text.getBytes());
    }

    private static LRUCacheEntry dirty(String value, long timestamp) {
        return new LRUCacheEntry(value == null ? null : value.getBytes(), null, true, timestamp, timestamp, 0, "in");
    }

    private static List<String> recordFlushes(ThreadCache cache, String namespace) {
        List<String> flushed = new ArrayList<>();
        cache.addDirtyEntryFlushListener(namespace, entries -> entries.forEach(entry -> flushed.add(
                new String(entry.key().get()) + "=" + (entry.newValue() == null ? null : new String(entry.newValue()))
                        + "@" + entry.entry().context().timestamp())));
        return flushed;
    }

    @Test
    void shouldAccountEntriesWithKafkasSizeEstimate() {
        ThreadCache cache = new ThreadCache("t", 1_000);
        cache.put(NS, key("ab"), dirty("xyz", 1));
        // key 2 + refs 24 + dirty flag 1 + value 3 + timestamp 8 + offset 8 + partition 4 + topic "in" 2
        assertThat(cache.sizeBytes()).isEqualTo(52);
        cache.put(NS, key("cd"), new LRUCacheEntry("v".getBytes()));
        // clean entry: topic "" and offset/partition/timestamp -1
        assertThat(cache.sizeBytes()).isEqualTo(52 + 2 + 24 + 1 + 1 + 20);
        cache.delete(NS, key("ab"));
        assertThat(cache.sizeBytes()).isEqualTo(48);
    }

    @Test
    void shouldForwardOnlyTheLastValueOfAKeyOnFlushInOrderOfLastWrite() {
        ThreadCache cache = new ThreadCache("t", 10_000);
        List<String> flushed = recordFlushes(cache, NS);
        cache.put(NS, key("a"), dirty("1", 1));
        cache.put(NS, key("b"), dirty("2", 2));
        cache.put(NS, key("a"), dirty("3", 3));
        cache.put(NS, key("c"), dirty(null, 4));
        cache.flush(NS);
        assertThat(flushed).containsExactly("b=2@2", "a=3@3", "c=null@4");
        assertThat(cache.get(NS, key("c"))).as("flushed deletions leave the cache").isNull();
        assertThat(cache.get(NS, key("a")).isDirty()).isFalse();
        flushed.clear();
        cache.flush(NS);
        assertThat(flushed).isEmpty();
    }

    @Test
    void shouldEvictTheLeastRecentlyUsedEntryAndFlushTheWholeNamespaceWithItFirst() {
        ThreadCache cache = new ThreadCache("t", 3 * 50);
        List<String> flushed = recordFlushes(cache, NS);
        cache.put(NS, key("a"), dirty("1", 1));
        cache.put(NS, key("b"), dirty("2", 2));
        cache.put(NS, key("c"), dirty("3", 3));
        cache.get(NS, key("a"));
        cache.put(NS, key("d"), dirty("4", 4));
        assertThat(flushed).containsExactly("b=2@2", "a=1@1", "c=3@3", "d=4@4");
        assertThat(cache.get(NS, key("b"))).isNull();
        assertThat(cache.get(NS, key("a"))).isNotNull();
        assertThat(cache.evicts()).isEqualTo(1);
    }

    @Test
    void shouldEvictOnlyFromTheNamespaceWrittenTo() {
        ThreadCache cache = new ThreadCache("t", 100);
        String other = "0_1-store";
        recordFlushes(cache, NS);
        List<String> otherFlushed = recordFlushes(cache, other);
        cache.put(other, key("a"), dirty("1", 1));
        cache.put(NS, key("b"), dirty("2", 2));
        cache.put(NS, key("c"), dirty("3", 3));
        assertThat(otherFlushed).isEmpty();
        assertThat(cache.get(other, key("a"))).isNotNull();
        assertThat(cache.get(NS, key("b"))).isNull();
    }

    @Test
    void shouldRefuseACleanEntryOverADirtyOne() {
        ThreadCache cache = new ThreadCache("t", 1_000);
        cache.put(NS, key("a"), dirty("1", 1));
        assertThatThrownBy(() -> cache.put(NS, key("a"), new LRUCacheEntry("2".getBytes())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cache=" + NS);
    }

    @Test
    void shouldFailToFlushDirtyEntriesWithoutListener() {
        ThreadCache cache = new ThreadCache("t", 1_000);
        cache.put(NS, key("a"), dirty("1", 1));
        assertThatThrownBy(() -> cache.flush(NS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reason=noFlushListener");
    }

    @Test
    void shouldIterateInKeyOrderBothWaysSkippingKeysRemovedMeanwhile() {
        ThreadCache cache = new ThreadCache("t", 10_000);
        for (String k : new String[] {"d", "a", "c", "b"}) {
            cache.put(NS, key(k), dirty(k, 1));
        }
        ThreadCache.MemoryLRUCacheBytesIterator forward = cache.range(NS, key("b"), key("d"));
        cache.delete(NS, key("c"));
        List<String> keys = new ArrayList<>();
        forward.forEachRemaining(kv -> keys.add(new String(kv.key.get())));
        assertThat(keys).containsExactly("b", "d");
        List<String> reverse = new ArrayList<>();
        cache.reverseAll(NS).forEachRemaining(kv -> reverse.add(new String(kv.key.get())));
        assertThat(reverse).containsExactly("d", "b", "a");
        List<String> exclusive = new ArrayList<>();
        cache.range(NS, key("a"), key("d"), false).forEachRemaining(kv -> exclusive.add(new String(kv.key.get())));
        assertThat(exclusive).containsExactly("a", "b");
    }

    @Test
    void shouldShrinkByEvictingAcrossNamespacesOnResize() {
        ThreadCache cache = new ThreadCache("t", 10_000);
        recordFlushes(cache, NS);
        recordFlushes(cache, "0_1-store");
        for (int i = 0; i < 10; i++) {
            cache.put(NS, key("a" + i), dirty("v", i));
            cache.put("0_1-store", key("b" + i), dirty("v", i));
        }
        cache.resize(200);
        assertThat(cache.sizeBytes()).isLessThanOrEqualTo(200);
        assertThat(cache.maxCacheSizeBytes()).isEqualTo(200);
    }

    @Test
    void shouldDropEntriesWithoutFlushingOnClearAndClose() {
        ThreadCache cache = new ThreadCache("t", 10_000);
        List<String> flushed = recordFlushes(cache, NS);
        cache.put(NS, key("a"), dirty("1", 1));
        cache.clear(NS);
        assertThat(cache.sizeBytes()).isZero();
        cache.put(NS, key("b"), dirty("1", 1));
        cache.close(NS);
        assertThat(flushed).isEmpty();
        assertThat(cache.sizeBytes()).isZero();
        assertThat(cache.size()).isZero();
    }
}
