package dev.millrace.streams;

import dev.millrace.common.Metric;
import dev.millrace.common.MetricName;

import java.util.Map;

/**
 * The metrics of a streams instance or test driver, e.g. {@code dropped-records-total} per task. Kafka's sensor
 * registration methods ({@code addSensor}, {@code addLatencyRateTotalSensor}) are not offered yet: user processors
 * that need their own metrics cannot register them (documented difference).
 */
public interface StreamsMetrics {

    /**
     * Returns a snapshot of every metric.
     *
     * @return the metrics by name
     */
    Map<MetricName, ? extends Metric> metrics();
}
