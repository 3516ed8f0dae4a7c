package dev.millrace.server.handler;

import dev.millrace.common.TopicPartition;
import dev.millrace.protocol.message.DescribeClusterResponseData;
import dev.millrace.protocol.message.DescribeLogDirsRequestData;
import dev.millrace.protocol.message.DescribeLogDirsResponseData;
import dev.millrace.server.cluster.BrokerEndpoint;
import dev.millrace.server.cluster.ClusterView;
import dev.millrace.server.log.LogManager;
import dev.millrace.server.network.Request;
import dev.millrace.server.shard.ShardPool;
import dev.millrace.storage.log.PartitionLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * DescribeCluster (API 60) and DescribeLogDirs (API 35): read-only views of this node. DescribeCluster
 * reads immutable metadata on the event loop; DescribeLogDirs reads volatile log sizes and asks the
 * file system for free space, so it runs on a shard.
 */
public final class ClusterInfoHandlers {
    private final Supplier<ClusterView> cluster;
    private final BrokerEndpoint self;
    private final LogManager logs;
    private final ShardPool shards;

    public ClusterInfoHandlers(Supplier<ClusterView> cluster, BrokerEndpoint self, LogManager logs,
                               ShardPool shards) {
        this.cluster = cluster;
        this.self = self;
        this.logs = logs;
        this.shards = shards;
    }

    public void describeCluster(Request request) {
        ClusterView view = cluster.get();
        DescribeClusterResponseData response = new DescribeClusterResponseData().setClusterId(view.clusterId())
                .setControllerId(view.nodeId());
        response.brokers().add(new DescribeClusterResponseData.DescribeClusterBroker().setBrokerId(self.nodeId())
                .setHost(self.host()).setPort(self.port()).setRack(self.rack()));
        request.respond(response);
    }

    /** Runs on a shard: it asks the file system for each directory's space (a blocking call). */
    public void describeLogDirs(Request request) {
        shards.any().execute(() -> request.respond(logDirs(request)));
    }

    private DescribeLogDirsResponseData logDirs(Request request) {
        DescribeLogDirsRequestData data = request.body(DescribeLogDirsRequestData.class);
        Set<TopicPartition> wanted = null;
        if (data.topics() != null) {
            wanted = new java.util.HashSet<>();
            for (DescribeLogDirsRequestData.DescribableLogDirTopic t : data.topics()) {
                for (int p : t.partitions()) {
                    wanted.add(new TopicPartition(t.topic(), p));
                }
            }
        }
        DescribeLogDirsResponseData response = new DescribeLogDirsResponseData();
        for (Path dir : logs.logDirs()) {
            Map<String, DescribeLogDirsResponseData.DescribeLogDirsTopic> topics = new LinkedHashMap<>();
            for (PartitionLog log : logs.allLogs()) {
                TopicPartition tp = log.topicPartition();
                if (!log.dir().getParent().equals(dir) || (wanted != null && !wanted.contains(tp))) {
                    continue;
                }
                topics.computeIfAbsent(tp.topic(), n -> new DescribeLogDirsResponseData.DescribeLogDirsTopic()
                        .setName(n)).partitions().add(new DescribeLogDirsResponseData.DescribeLogDirsPartition()
                        .setPartitionIndex(tp.partition()).setPartitionSize(log.sizeInBytes())
                        .setOffsetLag(0).setIsFutureKey(false));
            }
            DescribeLogDirsResponseData.DescribeLogDirsResult result = new DescribeLogDirsResponseData
                    .DescribeLogDirsResult().setLogDir(dir.toAbsolutePath().toString())
                    .setTopics(new java.util.ArrayList<>(topics.values()));
            try {
                FileStore store = Files.getFileStore(dir);
                result.setTotalBytes(store.getTotalSpace()).setUsableBytes(store.getUsableSpace());
            } catch (IOException e) {
                result.setErrorCode(dev.millrace.protocol.error.ErrorCode.KAFKA_STORAGE_ERROR.code());
            }
            response.results().add(result);
        }
        return response;
    }
}
