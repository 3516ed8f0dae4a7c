package dev.millrace.server.log;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.time.Time;
import dev.millrace.server.shard.PartitionShard;
import dev.millrace.server.shard.ShardPool;
import dev.millrace.storage.LogStorageException;
import dev.millrace.storage.checkpoint.OffsetCheckpointFile;
import dev.millrace.storage.cleaner.CleanerConfig;
import dev.millrace.storage.cleaner.LogCleaner;
import dev.millrace.storage.flush.GroupCommitFlusher;
import dev.millrace.storage.log.LogConfig;
import dev.millrace.storage.log.PartitionLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every partition log of this node, spread over the configured log directories.
 *
 * <p>On-disk state per log directory: one {@code <topic>-<partition>} directory per partition,
 * {@code recovery-point-offset-checkpoint} and {@code log-start-offset-checkpoint} (rewritten
 * atomically) and the clean-shutdown marker {@value #CLEAN_SHUTDOWN_FILE}, written last on a
 * graceful shutdown and deleted at start-up. Without the marker every log is opened with a recovery
 * scan from its checkpointed recovery point.
 *
 * <p>Threading: the partition map is concurrent; logs are opened and registered by the caller
 * (the controller thread reacting to metadata), after which each log is mutated only by the shard
 * that {@link ShardPool#shardFor} names. Reads ({@link #log}) are safe from any thread.
 * Failure: a directory that cannot be read or a corrupt log fails {@link #open} or
 * {@link #openLog} with the storage exception naming the file.
 */
public final class LogManager implements AutoCloseable {
    /** Marker written after a graceful shutdown (its absence means recovery). */
    public static final String CLEAN_SHUTDOWN_FILE = ".millrace_cleanshutdown";
    private static final Logger LOG = LoggerFactory.getLogger(LogManager.class);
    private static final String DELETE_SUFFIX = "-delete";

    private final List<Path> logDirs;
    private final Time time;
    private final ShardPool shards;
    private final GroupCommitFlusher flusher;
    private final LogCleaner cleaner;
    private final Map<Path, Boolean> cleanShutdown = new HashMap<>();
    private final Map<TopicPartition, Long> recoveryPoints = new HashMap<>();
    private final Map<TopicPartition, Long> logStartOffsets = new HashMap<>();
    private final Map<TopicPartition, Path> existingDirs = new HashMap<>();
    private final ConcurrentHashMap<TopicPartition, PartitionLog> logs = new ConcurrentHashMap<>();

    private LogManager(List<Path> logDirs, Time time, ShardPool shards, CleanerConfig cleanerConfig) {
        this.logDirs = List.copyOf(logDirs);
        this.time = time;
        this.shards = shards;
        this.flusher = GroupCommitFlusher.start(0);
        this.cleaner = cleanerConfig.enable() ? new LogCleaner(cleanerConfig, time) : null;
    }

    /**
     * Prepares the log directories: creates them, reads checkpoints and the clean-shutdown marker
     * (then deletes it: from now on the logs are open and a crash needs recovery), lists the
     * partition directories present and removes leftovers of deletions.
     */
    public static LogManager open(List<Path> logDirs, Time time, ShardPool shards, CleanerConfig cleanerConfig) {
        LogManager manager = new LogManager(logDirs, time, shards, cleanerConfig);
        for (Path dir : manager.logDirs) {
            manager.scan(dir);
        }
        if (manager.cleaner != null) {
            manager.cleaner.startup();
        }
        return manager;
    }

    private void scan(Path dir) {
        try {
            Files.createDirectories(dir);
            Path marker = dir.resolve(CLEAN_SHUTDOWN_FILE);
            cleanShutdown.put(dir, Files.exists(marker));
            recoveryPoints.putAll(OffsetCheckpointFile.recoveryPoints(dir).read());
            logStartOffsets.putAll(OffsetCheckpointFile.logStartOffsets(dir).read());
            try (Stream<Path> children = Files.list(dir)) {
                for (Path child : children.filter(Files::isDirectory).toList()) {
                    String name = child.getFileName().toString();
                    if (name.endsWith(DELETE_SUFFIX)) {
                        deleteRecursively(child);
                        continue;
                    }
                    TopicPartition tp = PartitionDirs.parse(name);
                    if (tp != null) {
                        existingDirs.put(tp, dir);
                    }
                }
            }
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new LogStorageException("logDir=" + dir + " operation=scan", e);
        }
    }

    /** Partitions found on disk at start-up (the server deletes those its metadata no longer knows). */
    public Set<TopicPartition> partitionsOnDisk() {
        return Set.copyOf(existingDirs.keySet());
    }

    public List<Path> logDirs() {
        return logDirs;
    }

    /** The log of {@code partition}, or null if this node has none. Any thread. */
    public PartitionLog log(TopicPartition partition) {
        return logs.get(partition);
    }

    public Collection<PartitionLog> allLogs() {
        return logs.values();
    }

    /** The shard that owns {@code partition}. */
    public PartitionShard shardFor(TopicPartition partition) {
        return shards.shardFor(partition);
    }

    /**
     * Opens (recovering if needed) or creates the log of {@code partition} and registers it. A new
     * partition goes to the log directory holding the fewest partitions. Idempotent.
     */
    public PartitionLog openLog(TopicPartition partition, LogConfig config) {
        PartitionLog existing = logs.get(partition);
        if (existing != null) {
            return existing;
        }
        Path logDir = existingDirs.getOrDefault(partition, leastLoadedDir());
        boolean clean = cleanShutdown.getOrDefault(logDir, false);
        long recoveryPoint = recoveryPoints.getOrDefault(partition, 0L);
        long logStart = logStartOffsets.getOrDefault(partition, 0L);
        PartitionLog log = PartitionLog.open(logDir.resolve(PartitionDirs.name(partition)), partition, config,
                recoveryPoint, logStart, clean, time, flusher);
        for (String note : log.recoveryNotes()) {
            LOG.warn("{}: {}", partition, note);
        }
        existingDirs.put(partition, logDir);
        logs.put(partition, log);
        if (cleaner != null) {
            PartitionShard shard = shards.shardFor(partition);
            cleaner.addLog(log, shard::execute);
        }
        return log;
    }

    private Path leastLoadedDir() {
        Map<Path, Integer> counts = new HashMap<>();
        for (Path dir : logDirs) {
            counts.put(dir, 0);
        }
        for (Path dir : existingDirs.values()) {
            counts.merge(dir, 1, Integer::sum);
        }
        return logDirs.stream().min(Comparator.comparingInt(counts::get)).orElseThrow();
    }

    /**
     * Deletes the log of {@code partition}: unregisters it, then on its owner shard closes it,
     * renames the directory to {@code ...-delete} and removes it. Partitions that exist only on disk
     * (found at start-up) are removed the same way.
     */
    public CompletableFuture<Void> deleteLog(TopicPartition partition) {
        PartitionLog log = logs.remove(partition);
        Path logDir = existingDirs.remove(partition);
        if (cleaner != null && log != null) {
            cleaner.removeLog(partition);
        }
        if (logDir == null) {
            return CompletableFuture.completedFuture(null);
        }
        Path dir = logDir.resolve(PartitionDirs.name(partition));
        return shards.shardFor(partition).submit(() -> {
            if (log != null) {
                log.close();
            }
            Path doomed = logDir.resolve(PartitionDirs.name(partition) + "." + System.nanoTime() + DELETE_SUFFIX);
            try {
                if (Files.exists(dir)) {
                    Files.move(dir, doomed);
                    deleteRecursively(doomed);
                }
            } catch (IOException e) {
                throw new LogStorageException("dir=" + dir + " operation=deletePartition", e);
            }
            return null;
        });
    }

    /**
     * One housekeeping pass, run on each shard for the logs it owns: retention (when asked),
     * time-based flush and expiry of producer ids idle for {@code producerIdExpirationMs}.
     */
    public void runHousekeeping(boolean retention, long producerIdExpirationMs) {
        for (PartitionShard shard : shards.shards()) {
            shard.execute(() -> {
                long now = time.milliseconds();
                for (PartitionLog log : logs.values()) {
                    if (shards.shardFor(log.topicPartition()) != shard) {
                        continue;
                    }
                    try {
                        if (retention) {
                            log.deleteOldSegments();
                        }
                        log.flushIfDue(now);
                        log.producerState().removeExpiredProducers(now, producerIdExpirationMs);
                    } catch (RuntimeException e) {
                        LOG.error("housekeeping failed for {}", log.topicPartition(), e);
                    }
                }
            });
        }
    }

    /** Writes the recovery-point and log-start-offset checkpoints of every log directory. Any thread. */
    public void checkpoint() {
        Map<Path, Map<TopicPartition, Long>> recovery = new HashMap<>();
        Map<Path, Map<TopicPartition, Long>> starts = new HashMap<>();
        for (Path dir : logDirs) {
            recovery.put(dir, new HashMap<>());
            starts.put(dir, new HashMap<>());
        }
        for (PartitionLog log : logs.values()) {
            Path dir = log.dir().getParent();
            if (!recovery.containsKey(dir)) {
                continue;
            }
            recovery.get(dir).put(log.topicPartition(), log.recoveryPoint());
            starts.get(dir).put(log.topicPartition(), log.logStartOffset());
        }
        for (Path dir : logDirs) {
            OffsetCheckpointFile.recoveryPoints(dir).write(recovery.get(dir));
            OffsetCheckpointFile.logStartOffsets(dir).write(starts.get(dir));
        }
    }

    /**
     * Graceful shutdown: each shard flushes and closes its logs, then the checkpoints (recovery point
     * = log end offset after the flush) and finally the clean-shutdown markers are written.
     */
    @Override
    public void close() {
        if (cleaner != null) {
            cleaner.close();
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (PartitionShard shard : shards.shards()) {
            Runnable flushOwned = () -> {
                for (PartitionLog log : logs.values()) {
                    if (shards.shardFor(log.topicPartition()) == shard) {
                        log.flush();
                    }
                }
            };
            if (shard.inShardThread()) {
                flushOwned.run();
            } else {
                closing.add(shard.submit(() -> {
                    flushOwned.run();
                    return null;
                }));
            }
        }
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).join();
        checkpoint();
        for (PartitionLog log : logs.values()) {
            log.close();
        }
        flusher.close();
        for (Path dir : logDirs) {
            try {
                Files.write(dir.resolve(CLEAN_SHUTDOWN_FILE), new byte[0]);
            } catch (IOException e) {
                throw new LogStorageException("logDir=" + dir + " operation=writeCleanShutdownMarker", e);
            }
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
