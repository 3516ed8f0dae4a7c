package dev.millrace.server;

import dev.millrace.common.TopicPartition;
import dev.millrace.metadata.MetadataImage;
import dev.millrace.metadata.MetadataListener;
import dev.millrace.metadata.MetadataLog;
import dev.millrace.metadata.TopicImage;
import dev.millrace.server.cluster.ImageClusterView;
import dev.millrace.server.config.ServerConfig;
import dev.millrace.server.log.LogManager;
import dev.millrace.storage.log.LogConfig;
import dev.millrace.storage.log.PartitionLog;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the partition logs on this node match each new metadata image, then publishes the image to
 * request handlers: logs of new topics and partitions are opened, logs of deleted topics are
 * deleted, and logs whose effective topic config changed get the new config on their owner shard.
 * Runs on the controller thread (as a {@link MetadataListener}) and once at start-up; publishing
 * after the logs exist means a client never sees a partition that has no log yet.
 */
final class PartitionReconciler implements MetadataListener {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionReconciler.class);

    private final ServerConfig config;
    private final LogManager logs;
    private final AtomicReference<ImageClusterView> published;

    PartitionReconciler(ServerConfig config, LogManager logs, AtomicReference<ImageClusterView> published) {
        this.config = config;
        this.logs = logs;
        this.published = published;
    }

    /** Start-up: opens every partition of {@code image} and deletes partitions it no longer has. */
    void initialize(MetadataImage image) {
        for (TopicPartition tp : logs.partitionsOnDisk()) {
            TopicImage topic = image.topic(tp.topic());
            if (!tp.topic().equals(MetadataLog.TOPIC) && (topic == null || topic.partition(tp.partition()) == null)) {
                LOG.info("deleting {}: its topic no longer exists", tp);
                logs.deleteLog(tp).join();
            }
        }
        onImage(MetadataImage.EMPTY, image);
    }

    @Override
    public void onImage(MetadataImage previous, MetadataImage next) {
        try {
            reconcile(previous, next);
        } catch (RuntimeException e) {
            LOG.error("cannot apply metadata offset {} to the partition logs", next.lastAppliedOffset(), e);
            published.set(new ImageClusterView(next, config.nodeId()));
            throw e;
        }
    }

    private void reconcile(MetadataImage previous, MetadataImage next) {
        for (TopicImage old : previous.topicsByName().values()) {
            TopicImage now = next.topic(old.id());
            if (now == null) {
                for (int p : old.partitions().keySet()) {
                    logs.deleteLog(new TopicPartition(old.name(), p));
                }
            }
        }
        Map<String, String> defaults = next.brokerConfigs("");
        boolean defaultsChanged = !Objects.equals(previous.brokerConfigs(""), defaults);
        for (TopicImage topic : next.topicsByName().values()) {
            LogConfig logConfig = config.logConfig(defaults, next.topicConfigs(topic.name()));
            boolean configChanged = defaultsChanged
                    || !Objects.equals(previous.topicConfigs(topic.name()), next.topicConfigs(topic.name()));
            for (int p : topic.partitions().keySet()) {
                TopicPartition tp = new TopicPartition(topic.name(), p);
                PartitionLog log = logs.log(tp);
                if (log == null) {
                    logs.openLog(tp, logConfig);
                } else if (configChanged) {
                    logs.shardFor(tp).execute(() -> log.updateConfig(logConfig));
                }
            }
        }
        published.set(new ImageClusterView(next, config.nodeId()));
    }
}
