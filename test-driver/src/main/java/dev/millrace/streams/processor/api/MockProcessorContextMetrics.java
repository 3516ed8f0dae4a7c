package dev.millrace.streams.processor.api;

import dev.millrace.common.Metric;
import dev.millrace.common.MetricName;
import dev.millrace.streams.StreamsMetrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics a {@link MockProcessorContext} exposes: the task's {@code dropped-records-total} and
 * {@code dropped-records-rate} in group {@code stream-task-metrics}, tagged with {@code thread-id} (the thread that
 * created the mock) and {@code task-id}, as Kafka's mock registers them. Both stay at zero: the mock drops nothing.
 *
 * <p>Immutable; safe to read from any thread.
 */
final class MockProcessorContextMetrics implements StreamsMetrics {

    static final String TASK_LEVEL_GROUP = "stream-task-metrics";

    private final Map<MetricName, Metric> metrics;

    MockProcessorContextMetrics(String threadId, String taskId) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("thread-id", threadId);
        tags.put("task-id", taskId);
        Map<MetricName, Metric> all = new LinkedHashMap<>();
        add(all, new MetricName("dropped-records-rate", TASK_LEVEL_GROUP,
                "The average number of dropped records per second", tags));
        add(all, new MetricName("dropped-records-total", TASK_LEVEL_GROUP,
                "The total number of dropped records", tags));
        this.metrics = Collections.unmodifiableMap(all);
    }

    private static void add(Map<MetricName, Metric> all, MetricName name) {
        all.put(name, new ZeroMetric(name));
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return metrics;
    }

    /** A metric whose value is always {@code 0.0}. */
    private record ZeroMetric(MetricName metricName) implements Metric {
        @Override
        public Object metricValue() {
            return 0.0;
        }
    }
}
