package dev.millrace.server;

import dev.millrace.common.time.Time;
import dev.millrace.metadata.Controller;
import dev.millrace.metadata.ControllerConfig;
import dev.millrace.metadata.MetadataImage;
import dev.millrace.metadata.MetadataLog;
import dev.millrace.server.cluster.BrokerEndpoint;
import dev.millrace.server.cluster.ClusterView;
import dev.millrace.server.cluster.ImageClusterView;
import dev.millrace.server.config.Endpoint;
import dev.millrace.server.config.ServerConfig;
import dev.millrace.server.handler.ApiVersionsHandler;
import dev.millrace.server.handler.ClusterInfoHandlers;
import dev.millrace.server.handler.ConfigsHandler;
import dev.millrace.server.handler.ControllerRequestsHandler;
import dev.millrace.server.handler.CreateTopicsHandler;
import dev.millrace.server.handler.DeleteRecordsHandler;
import dev.millrace.server.handler.FetchHandler;
import dev.millrace.server.handler.FetchWaiters;
import dev.millrace.server.handler.InitProducerIdHandler;
import dev.millrace.server.handler.ListOffsetsHandler;
import dev.millrace.server.handler.MetadataHandler;
import dev.millrace.server.handler.OffsetForLeaderEpochHandler;
import dev.millrace.server.handler.ProduceHandler;
import dev.millrace.server.log.LogManager;
import dev.millrace.server.network.NettyServer;
import dev.millrace.server.network.NetworkConfig;
import dev.millrace.server.shard.ShardPool;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Millrace log server: the only place where the parts are wired together.
 *
 * <p>Start-up order: metadata log (replayed) and controller, partition shards, log manager (reads
 * checkpoints and the clean-shutdown marker, then opens every partition of the metadata image,
 * recovering after a crash), request handlers, the network listener last. Shutdown runs in reverse:
 * stop accepting and close connections, stop the controller, flush and close every log on its shard,
 * write checkpoints and the clean-shutdown marker, close the metadata log.
 *
 * <p>Threads: {@code network-*} event loops, {@code partition-shard-N}, {@code metadata-controller},
 * {@code log-flusher-0}, {@code log-cleaner-N}, {@code log-scheduler} (housekeeping triggers only).
 */
public final class MillraceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MillraceServer.class);

    private final ServerConfig config;
    private final MetadataLog metadataLog;
    private final ControllerThread controllerThread;
    private final ShardPool shards;
    private final LogManager logs;
    private final NettyServer network;
    private final ScheduledExecutorService scheduler;
    private final AtomicReference<ImageClusterView> published;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private MillraceServer(ServerConfig config, MetadataLog metadataLog, ControllerThread controllerThread,
                           ShardPool shards, LogManager logs, NettyServer network, ScheduledExecutorService scheduler,
                           AtomicReference<ImageClusterView> published) {
        this.config = config;
        this.metadataLog = metadataLog;
        this.controllerThread = controllerThread;
        this.shards = shards;
        this.logs = logs;
        this.network = network;
        this.scheduler = scheduler;
        this.published = published;
    }

    /** Starts a server with the real clock. */
    public static MillraceServer start(ServerConfig config) {
        return start(config, Time.SYSTEM);
    }

    /** Starts a server; throws (after releasing what was opened) if any part cannot start. */
    public static MillraceServer start(ServerConfig config, Time time) {
        MetadataLog metadataLog = MetadataLog.open(config.metadataLogDir(), time);
        Controller controller = Controller.open(new ControllerConfig(config.nodeId(), config.numPartitions(),
                (short) config.defaultReplicationFactor(), new ServerConfigPolicy()), metadataLog, time);
        ShardPool shards = ShardPool.start(config.numIoThreads(), time);
        LogManager logs = LogManager.open(config.logDirs(), time, shards, config.cleanerConfig());
        AtomicReference<ImageClusterView> published = new AtomicReference<>();
        PartitionReconciler reconciler = new PartitionReconciler(config, logs, published);
        reconciler.initialize(controller.image());
        controller.addListener(reconciler);
        ControllerThread controllerThread = new ControllerThread(controller);
        Endpoint listener = config.brokerListeners().get(0);
        Endpoint advertised = config.advertisedListeners().get(0);
        Supplier<ClusterView> cluster = published::get;
        AtomicReference<RequestRouter> routerRef = new AtomicReference<>();
        NettyServer network;
        try {
            // Bind first: with port 0 the advertised port is the one the kernel picked.
            network = NettyServer.start(new NetworkConfig(listener.host(), listener.port(),
                    config.socketRequestMaxBytes(), config.connectionsMaxIdleMs(), config.maxConnections(),
                    config.numNetworkThreads()), request -> {
                        RequestRouter router = routerRef.get();
                        if (router == null) {
                            request.closeConnection("reason=serverStarting");
                        } else {
                            router.handle(request);
                        }
                    });
        } catch (RuntimeException e) {
            controllerThread.close();
            logs.close();
            shards.close();
            metadataLog.close();
            throw e;
        }
        int advertisedPort = advertised.port() == 0 ? network.port() : advertised.port();
        BrokerEndpoint self = new BrokerEndpoint(config.nodeId(), advertised.host(), advertisedPort, null);
        routerRef.set(router(config, time, cluster, self, controllerThread, logs, shards));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "log-scheduler");
            t.setDaemon(true);
            return t;
        });
        MillraceServer server = new MillraceServer(config, metadataLog, controllerThread, shards, logs, network,
                scheduler, published);
        server.scheduleHousekeeping();
        LOG.info("Millrace server started: node.id={} cluster.id={} listener={}:{} log.dirs={}", config.nodeId(),
                published.get().clusterId(), listener.host(), network.port(), config.logDirs());
        return server;
    }

    private static RequestRouter router(ServerConfig config, Time time, Supplier<ClusterView> cluster,
                                        BrokerEndpoint self, ControllerThread controller, LogManager logs,
                                        ShardPool shards) {
        FetchWaiters waiters = new FetchWaiters();
        TopicConfigResolver resolver = new TopicConfigResolver(config, cluster);
        return new RequestRouter(new ApiVersionsHandler(),
                new MetadataHandler(cluster, self, controller, config::autoCreateTopicsEnable),
                new ProduceHandler(cluster, logs, resolver::minInsyncReplicas, waiters),
                new FetchHandler(cluster, logs, shards, waiters, time),
                new ListOffsetsHandler(cluster, logs),
                new CreateTopicsHandler(controller, resolver),
                new ControllerRequestsHandler(controller, config::deleteTopicEnable),
                new ConfigsHandler(cluster, resolver),
                new DeleteRecordsHandler(cluster, logs),
                new OffsetForLeaderEpochHandler(cluster, logs),
                new InitProducerIdHandler(controller),
                new ClusterInfoHandlers(cluster, self, logs, shards));
    }

    private void scheduleHousekeeping() {
        long retention = config.logRetentionCheckIntervalMs();
        long expiration = config.producerIdExpirationMs();
        scheduler.scheduleWithFixedDelay(() -> logs.runHousekeeping(true, expiration), retention, retention,
                TimeUnit.MILLISECONDS);
        long flush = config.logFlushSchedulerIntervalMs();
        if (flush > 0 && flush < TimeUnit.DAYS.toMillis(1)) {
            scheduler.scheduleWithFixedDelay(() -> logs.runHousekeeping(false, expiration), flush, flush,
                    TimeUnit.MILLISECONDS);
        }
        long checkpoint = config.logFlushOffsetCheckpointIntervalMs();
        scheduler.scheduleWithFixedDelay(this::checkpointQuietly, checkpoint, checkpoint, TimeUnit.MILLISECONDS);
    }

    private void checkpointQuietly() {
        try {
            logs.checkpoint();
        } catch (RuntimeException e) {
            LOG.error("checkpoint failed", e);
        }
    }

    /** The port the listener is bound to (differs from the configured one when that was 0). */
    public int port() {
        return network.port();
    }

    public String clusterId() {
        return published.get().clusterId();
    }

    public ServerConfig config() {
        return config;
    }

    /** The metadata image the handlers currently see. */
    public MetadataImage metadataImage() {
        return published.get().image();
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /** Graceful shutdown; idempotent. Writes the clean-shutdown marker last. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Millrace server shutting down");
        try {
            scheduler.shutdownNow();
            network.close();
            controllerThread.close();
            logs.close();
            shards.close();
            metadataLog.close();
        } finally {
            stopped.countDown();
        }
        LOG.info("Millrace server stopped cleanly");
    }
}
