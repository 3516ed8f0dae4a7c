package dev.millrace.storage.cleaner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OffsetMapTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x0FF5E7L);

    private static ByteBuffer key(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldSizeItsSlotsFromTheMemoryGiven() {
        OffsetMap map = new OffsetMap(1000);

        assertThat(map.slots()).isEqualTo(1000 / OffsetMap.BYTES_PER_ENTRY);
        assertThat(map.size()).isZero();
        assertThat(map.latestOffset()).isEqualTo(-1);
    }

    @Test
    void shouldReturnTheLatestOffsetPutForAKey() {
        OffsetMap map = new OffsetMap(24 * 16);

        map.put(key("a"), 3);
        map.put(key("b"), 4);
        map.put(key("a"), 9);

        assertThat(map.get(key("a"))).isEqualTo(9);
        assertThat(map.get(key("b"))).isEqualTo(4);
        assertThat(map.get(key("missing"))).isEqualTo(-1);
        assertThat(map.size()).isEqualTo(2);
        assertThat(map.latestOffset()).isEqualTo(9);
    }

    @Test
    void shouldNotConsumeTheCallersKeyBuffer() {
        OffsetMap map = new OffsetMap(24 * 4);
        ByteBuffer key = key("abc");

        map.put(key, 0);

        assertThat(key.remaining()).isEqualTo(3);
        assertThat(map.get(key)).isZero();
    }

    @Test
    void shouldStoreOffsetZeroAndTellItFromAnEmptySlot() {
        OffsetMap map = new OffsetMap(24);

        map.put(key("only"), 0);

        assertThat(map.get(key("only"))).isZero();
        assertThat(map.size()).isEqualTo(1);
    }

    @Test
    void shouldRejectANewKeyWhenEverySlotIsTaken() {
        OffsetMap map = new OffsetMap(24 * 3);
        map.put(key("a"), 1);
        map.put(key("b"), 2);
        map.put(key("c"), 3);

        map.put(key("b"), 7);

        assertThatThrownBy(() -> map.put(key("d"), 8)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reason=offsetMapFull");
        assertThat(map.get(key("b"))).isEqualTo(7);
    }

    @Test
    void shouldForgetEverythingOnClear() {
        OffsetMap map = new OffsetMap(24 * 8);
        map.put(key("a"), 5);

        map.clear();

        assertThat(map.size()).isZero();
        assertThat(map.get(key("a"))).isEqualTo(-1);
        assertThat(map.latestOffset()).isEqualTo(-1);
    }

    @Test
    void shouldOnlyRaiseTheLatestOffset() {
        OffsetMap map = new OffsetMap(24 * 8);
        map.updateLatestOffset(10);

        map.updateLatestOffset(4);

        assertThat(map.latestOffset()).isEqualTo(10);
    }

    @Test
    void shouldRejectNegativeOffsetsAndTooLittleMemory() {
        assertThatThrownBy(() -> new OffsetMap(23)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memoryBytes=23");
        assertThatThrownBy(() -> new OffsetMap(24).put(key("a"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAgreeWithAHashMapUpToAFullTable() {
        for (int run = 0; run < 20; run++) {
            Random random = new Random(SEED * 31 + run);
            int slots = 1 + random.nextInt(500);
            int memory = slots * OffsetMap.BYTES_PER_ENTRY + random.nextInt(OffsetMap.BYTES_PER_ENTRY);
            OffsetMap map = new OffsetMap(memory);
            Map<String, Long> model = new HashMap<>();
            int keySpace = 1 + random.nextInt(slots * 2);
            for (long offset = 0; offset < slots * 3L; offset++) {
                String k = "key-" + random.nextInt(keySpace);
                if (!model.containsKey(k) && model.size() == slots) {
                    continue;
                }
                map.put(key(k), offset);
                model.put(k, offset);
            }
            String where = "seed=" + SEED + " run=" + run + " slots=" + slots;
            assertThat(map.size()).as(where).isEqualTo(model.size());
            for (int i = 0; i < keySpace; i++) {
                String k = "key-" + i;
                assertThat(map.get(key(k))).as("%s %s", where, k).isEqualTo(model.getOrDefault(k, -1L));
            }
        }
    }
}
