package dev.millrace.cli;

import dev.millrace.clients.cluster.ClusterClient;
import dev.millrace.clients.cluster.FetchResult;
import dev.millrace.clients.cluster.PartitionDescription;
import dev.millrace.common.TopicPartition;
import dev.millrace.common.errors.OffsetOutOfRangeException;
import dev.millrace.common.time.Time;
import dev.millrace.protocol.record.Record;
import dev.millrace.protocol.record.RecordBatch;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code millrace console-consumer}: prints the records of a topic with kafka-console-consumer's
 * flags and {@link MessageFormatter}'s output. There are no consumer groups yet: the command reads
 * every partition of the topic (or the one given by {@code --partition}) with assign-style fetches
 * from the partition leaders, starting at {@code --offset} (earliest, latest or a number; needs
 * {@code --partition}), the log start with {@code --from-beginning}, else the log end. It stops
 * after {@code --max-messages} records or when {@code --timeout-ms} passes without a record, then
 * prints {@code Processed a total of N messages} on the error stream. Control records of
 * transactions are skipped; an out-of-range position is reset (to the start with
 * {@code --from-beginning}, else to the end). Failures print one line and exit with 1; usage
 * errors exit with 2. Runs on the caller's thread.
 */
@Command(name = "console-consumer", mixinStandardHelpOptions = true,
        description = "Print the records of a topic (flags as kafka-console-consumer).")
public final class ConsoleConsumerCommand implements Callable<Integer> {
    private static final int MAX_BYTES = 1024 * 1024;

    @Spec
    private CommandSpec spec;

    @Option(names = "--bootstrap-server", required = true, paramLabel = "HOST:PORT",
            description = "The broker(s) to connect to, comma-separated.")
    String bootstrapServer;

    @Option(names = "--topic", required = true, description = "The topic to consume.")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the earliest offset instead of the latest.")
    boolean fromBeginning;

    @Option(names = "--partition", description = "Consume only this partition.")
    Integer partition;

    @Option(names = "--offset", description = "earliest, latest or an offset (needs --partition).")
    String offset;

    @Option(names = "--max-messages", description = "Stop after this many records.")
    Long maxMessages;

    @Option(names = "--timeout-ms", description = "Stop when no record arrives for this long.")
    Long timeoutMs;

    @Option(names = {"--property", "--formatter-property"}, paramLabel = "KEY=VALUE",
            description = "Formatter properties: print.key, print.timestamp, print.partition, print.offset, "
                    + "print.headers, print.value, key.separator, line.separator, null.literal.")
    List<String> formatterProperties = new ArrayList<>();

    /** The clock; the system clock unless a test sets it. */
    Time time = Time.SYSTEM;

    @Override
    public Integer call() {
        String problem = validate();
        MessageFormatter formatter;
        try {
            formatter = new MessageFormatter(ToolSupport.parsePairs(formatterProperties, "--property"));
        } catch (IllegalArgumentException e) {
            problem = problem == null ? ToolSupport.message(e) : problem;
            formatter = null;
        }
        if (problem != null) {
            return ToolSupport.usage(spec, problem);
        }
        long[] processed = {0};
        try (ClusterClient client = ToolSupport.client(bootstrapServer)) {
            consume(client, formatter, processed);
            return ToolSupport.OK;
        } catch (RuntimeException e) {
            return ToolSupport.failed(spec, "Error processing message, terminating consumer process: ", e);
        } finally {
            spec.commandLine().getErr().println("Processed a total of " + processed[0] + " messages");
            spec.commandLine().getErr().flush();
        }
    }

    /** Returns a usage problem, or null when the flags fit together. */
    String validate() {
        if (offset != null && partition == null) {
            return "The partition is required when offset is specified.";
        }
        if (offset != null && fromBeginning) {
            return "Options from-beginning and offset cannot be specified together.";
        }
        if (offset != null && !offset.equals("earliest") && !offset.equals("latest")) {
            try {
                if (Long.parseLong(offset) < 0) {
                    return "The offset must be earliest, latest or a non-negative number (offset=" + offset + ")";
                }
            } catch (NumberFormatException e) {
                return "The provided offset value '" + offset + "' is incorrect. Valid values are 'earliest', "
                        + "'latest', or a non-negative long.";
            }
        }
        if (partition != null && partition < 0 || maxMessages != null && maxMessages < 1
                || timeoutMs != null && timeoutMs < 0) {
            return "--partition must be >= 0, --max-messages >= 1 and --timeout-ms >= 0 (partition=" + partition
                    + " max-messages=" + maxMessages + " timeout-ms=" + timeoutMs + ")";
        }
        return null;
    }

    private void consume(ClusterClient client, MessageFormatter formatter, long[] processed) {
        Map<TopicPartition, Long> positions = startPositions(client);
        PrintWriter out = spec.commandLine().getOut();
        int waitMs = positions.size() == 1 ? 500 : 100;
        if (timeoutMs != null) {
            waitMs = (int) Math.max(1, Math.min(waitMs, timeoutMs));
        }
        long lastRecordAt = time.milliseconds();
        while (true) {
            boolean received = false;
            for (Map.Entry<TopicPartition, Long> entry : positions.entrySet()) {
                TopicPartition tp = entry.getKey();
                long position = entry.getValue();
                FetchResult result;
                try {
                    result = client.fetch(tp, position, MAX_BYTES, waitMs);
                } catch (OffsetOutOfRangeException e) {
                    entry.setValue(client.listOffset(tp, fromBeginning ? ClusterClient.EARLIEST_TIMESTAMP
                            : ClusterClient.LATEST_TIMESTAMP));
                    continue;
                }
                for (RecordBatch batch : result.records().batches()) {
                    if (!batch.isControlBatch()) {
                        for (Record record : batch) {
                            if (record.offset() >= position) {
                                out.print(formatter.format(batch.timestampType(), record.timestamp(), tp.partition(),
                                        record.offset(), record.headers(), record.key(), record.value()));
                                received = true;
                                if (++processed[0] >= limit()) {
                                    out.flush();
                                    return;
                                }
                            }
                        }
                    }
                    position = Math.max(position, batch.nextOffset());
                }
                entry.setValue(position);
            }
            out.flush();
            long now = time.milliseconds();
            if (received) {
                lastRecordAt = now;
            } else if (timeoutMs != null && now - lastRecordAt >= timeoutMs) {
                return;
            }
        }
    }

    private long limit() {
        return maxMessages == null ? Long.MAX_VALUE : maxMessages;
    }

    private Map<TopicPartition, Long> startPositions(ClusterClient client) {
        List<TopicPartition> partitions = new ArrayList<>();
        if (partition != null) {
            partitions.add(new TopicPartition(topic, partition));
        } else {
            for (PartitionDescription p : client.describeTopic(topic).partitions()) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        Map<TopicPartition, Long> positions = new LinkedHashMap<>();
        for (TopicPartition tp : partitions) {
            long start;
            if (offset != null && !offset.equals("earliest") && !offset.equals("latest")) {
                start = Long.parseLong(offset);
            } else {
                boolean earliest = "earliest".equals(offset) || offset == null && fromBeginning;
                start = client.listOffset(tp, earliest ? ClusterClient.EARLIEST_TIMESTAMP
                        : ClusterClient.LATEST_TIMESTAMP);
            }
            positions.put(tp, start);
        }
        return positions;
    }
}
