package dev.millrace.storage.log;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.time.Time;
import dev.millrace.storage.flush.GroupCommitFlusher;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Child process of {@link ProcessCrashTest}: opens the log in {@code args[0]} as after a crash,
 * then appends forever with an fsync per append (group-committed), printing {@code ACK offset value}
 * once each append is durable. The parent kills it with SIGKILL at a random point.
 */
public final class AppendLoopMain {
    static final TopicPartition TP = new TopicPartition("crash", 0);

    private AppendLoopMain() {
    }

    static LogConfig config() {
        return LogConfig.parse(java.util.Map.of(LogConfig.SEGMENT_BYTES, "8192", LogConfig.FLUSH_MESSAGES, "1",
                LogConfig.SEGMENT_INDEX_BYTES, "4096", LogConfig.INDEX_INTERVAL_BYTES, "512"));
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        PrintStream out = System.out;
        GroupCommitFlusher flusher = GroupCommitFlusher.start(0);
        PartitionLog log = PartitionLog.open(dir, TP, config(), 0, 0, false, Time.SYSTEM, flusher);
        out.println("OPEN " + log.logEndOffset());
        out.flush();
        while (true) {
            long offset = log.logEndOffset();
            String value = "value-" + offset;
            LogAppendInfo info = log.appendAsLeader(TestBatches.batch(Time.SYSTEM.milliseconds(), value), 0,
                    AppendOrigin.CLIENT);
            info.durable().join();
            out.println("ACK " + info.firstOffset() + " " + value);
            out.flush();
        }
    }
}
