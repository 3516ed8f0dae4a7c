package dev.millrace.server.shard;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.time.Time;
import dev.millrace.common.utils.Utils;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fixed set of partition shards ({@code num.io.threads} of them). A partition always maps to
 * the same shard: {@code toPositive(hash(topic) * 31 + partition) % shardCount}, so its owner
 * thread never changes while the server runs. Immutable after construction; thread-safe.
 */
public final class ShardPool implements AutoCloseable {
    private final List<PartitionShard> shards;
    private final AtomicInteger roundRobin = new AtomicInteger();

    private ShardPool(List<PartitionShard> shards) {
        this.shards = List.copyOf(shards);
    }

    /** Starts {@code count} shards on their own threads. */
    public static ShardPool start(int count, Time time) {
        if (count < 1) {
            throw new IllegalArgumentException("shardCount=" + count + " reason=mustBePositive");
        }
        List<PartitionShard> shards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            shards.add(PartitionShard.start(i, time));
        }
        return new ShardPool(shards);
    }

    /** Shards without threads, stepped by tests. */
    public static ShardPool unstarted(int count, Time time) {
        List<PartitionShard> shards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            shards.add(PartitionShard.unstarted(i, time));
        }
        return new ShardPool(shards);
    }

    /** The shard that owns {@code partition}. */
    public PartitionShard shardFor(TopicPartition partition) {
        int hash = partition.topic().hashCode() * 31 + partition.partition();
        return shards.get(Utils.toPositive(hash) % shards.size());
    }

    /** A shard for work that is not tied to one partition (spreads such work evenly). */
    public PartitionShard any() {
        return shards.get(Utils.toPositive(roundRobin.getAndIncrement()) % shards.size());
    }

    public List<PartitionShard> shards() {
        return shards;
    }

    /** Steps every unstarted shard once at {@code nowMs} (tests). */
    public void runOnce(long nowMs) {
        for (PartitionShard shard : shards) {
            shard.runOnce(nowMs);
        }
    }

    @Override
    public void close() {
        for (PartitionShard shard : shards) {
            shard.close();
        }
    }
}
