package dev.millrace.streams.processor.internals;

import dev.millrace.common.Metric;
import dev.millrace.common.MetricName;
import dev.millrace.streams.StreamsMetrics;
import dev.millrace.streams.processor.TaskId;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics registry of a streams instance or test driver. It keeps Kafka Streams' task-level counters that the
 * engine updates ({@code dropped-records-total} in group {@code stream-task-metrics}, tags {@code thread-id} and
 * {@code task-id}); values are doubles, as Kafka reports them.
 *
 * <p>Owning thread: counters are updated on task threads and read by any thread; updates are synchronized.
 */
public final class StreamsMetricsImpl implements StreamsMetrics {

    static final String TASK_GROUP = "stream-task-metrics";

    private final String threadId;
    private final Map<MetricName, Counter> metrics = new LinkedHashMap<>();

    /**
     * Creates a registry.
     *
     * @param threadId the {@code thread-id} tag of task metrics
     */
    public StreamsMetricsImpl(String threadId) {
        this.threadId = threadId;
    }

    @Override
    public synchronized Map<MetricName, ? extends Metric> metrics() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * Counts a record dropped by a task (deserialization or processing error handled by skipping, invalid timestamp,
     * null key in an aggregation or join).
     *
     * @param taskId the task
     */
    public synchronized void recordDroppedRecord(TaskId taskId) {
        counter("dropped-records-total", "The total number of dropped records", taskId).increment();
    }

    private Counter counter(String name, String description, TaskId taskId) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("thread-id", threadId);
        tags.put("task-id", taskId.toString());
        MetricName metricName = new MetricName(name, TASK_GROUP, description, tags);
        return metrics.computeIfAbsent(metricName, Counter::new);
    }

    /**
     * Counts a dropped record through whatever context a processor has: a no-op for contexts without this registry
     * (e.g. a mock context).
     *
     * @param context the processor's context
     */
    public static void recordDroppedRecord(dev.millrace.streams.processor.api.ProcessingContext context) {
        if (context.metrics() instanceof StreamsMetricsImpl registry) {
            registry.recordDroppedRecord(context.taskId());
        }
    }

    private static final class Counter implements Metric {
        private final MetricName name;
        private double value;

        Counter(MetricName name) {
            this.name = name;
        }

        void increment() {
            value += 1;
        }

        @Override
        public MetricName metricName() {
            return name;
        }

        @Override
        public Object metricValue() {
            return value;
        }
    }
}
