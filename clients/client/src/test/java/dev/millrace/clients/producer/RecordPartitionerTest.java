package dev.millrace.clients.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class RecordPartitionerTest {
    private static final long SEED = Long.getLong("millrace.seed", System.nanoTime());

    @Test
    void shouldPartitionKeysExactlyLikeKafkasDefaultPartitioner() {
        Random random = new Random(SEED);
        for (int i = 0; i < 5_000; i++) {
            byte[] key = new byte[random.nextInt(40)];
            random.nextBytes(key);
            int partitions = 1 + random.nextInt(200);
            int expected = Utils.toPositive(Utils.murmur2(key)) % partitions;
            assertThat(RecordPartitioner.partitionForKey(key, partitions))
                    .as("seed=%d i=%d partitions=%d", SEED, i, partitions).isEqualTo(expected);
        }
    }

    @Test
    void shouldPutKnownKeysWhereKafkaPutThem() {
        // Observed with Apache Kafka 4.3.1's console producer on a 3-partition topic.
        assertThat(RecordPartitioner.partitionForKey("k1".getBytes(StandardCharsets.UTF_8), 3)).isEqualTo(2);
        assertThat(RecordPartitioner.partitionForKey("k2".getBytes(StandardCharsets.UTF_8), 3)).isEqualTo(0);
    }

    @Test
    void shouldStickToOnePartitionForKeylessRecordsUntilTheBatchCompletes() {
        RecordPartitioner partitioner = new RecordPartitioner(4);
        assertThat(partitioner.partition(null, 3)).isEqualTo(1);
        assertThat(partitioner.partition(null, 3)).isEqualTo(1);
        partitioner.onBatchComplete();
        assertThat(partitioner.partition(null, 3)).isEqualTo(2);
        partitioner.onBatchComplete();
        assertThat(partitioner.partition(null, 3)).isEqualTo(0);
    }

    @Test
    void shouldRejectAPartitionCountBelowOne() {
        assertThatThrownBy(() -> RecordPartitioner.partitionForKey(new byte[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numPartitions=0");
    }
}
