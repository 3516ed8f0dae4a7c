package dev.millrace.streams.state.internals.rocksdb;

import static dev.millrace.streams.state.internals.rocksdb.TestBytes.SEED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

/** The stored-key layouts are byte-for-byte those of Kafka Streams (its classes are the oracle). */
class SegmentKeySchemaTest {

    @Test
    void shouldLayOutWindowKeysAsKafkaDoes() {
        Random random = new Random(SEED);
        for (int i = 0; i < 200; i++) {
            byte[] key = TestBytes.randomKey(random, 5);
            long start = random.nextLong() & Long.MAX_VALUE;
            int sequence = random.nextInt();
            byte[] ours = WindowKeySchema.toStoreKey(key, start, sequence);
            byte[] kafka = org.apache.kafka.streams.state.internals.WindowKeySchema
                    .toStoreKeyBinary(Bytes.wrap(key), start, sequence).get();
            assertThat(ours).as("seed=%d i=%d", SEED, i).isEqualTo(kafka);
            assertThat(WindowKeySchema.key(ours)).isEqualTo(key);
            assertThat(WindowKeySchema.windowStart(ours)).isEqualTo(start);
            assertThat(WindowKeySchema.sequence(ours)).isEqualTo(sequence);
            assertThat(WindowKeySchema.INSTANCE.segmentTimestamp(ours)).isEqualTo(start);
        }
    }

    @Test
    void shouldLaySessionKeysOutAsKafkaDoes() {
        Random random = new Random(SEED);
        for (int i = 0; i < 200; i++) {
            byte[] key = TestBytes.randomKey(random, 5);
            long start = random.nextInt(Integer.MAX_VALUE);
            long end = start + random.nextInt(1000);
            byte[] ours = SessionKeySchema.toStoreKey(key, start, end);
            byte[] kafka = org.apache.kafka.streams.state.internals.SessionKeySchema
                    .toBinary(Bytes.wrap(key), start, end).get();
            assertThat(ours).as("seed=%d i=%d", SEED, i).isEqualTo(kafka);
            assertThat(SessionKeySchema.key(ours)).isEqualTo(key);
            assertThat(SessionKeySchema.start(ours)).isEqualTo(start);
            assertThat(SessionKeySchema.end(ours)).isEqualTo(end);
            assertThat(SessionKeySchema.INSTANCE.segmentTimestamp(ours)).isEqualTo(end);
        }
    }

    @Test
    void shouldUseKafkasDefaultSegmentInterval() {
        assertThat(SegmentedRocksDbEngine.defaultSegmentInterval(86_400_000L)).isEqualTo(43_200_000L);
        assertThat(SegmentedRocksDbEngine.defaultSegmentInterval(30_000L)).isEqualTo(60_000L);
    }
}
