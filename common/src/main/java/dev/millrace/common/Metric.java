package dev.millrace.common;

/**
 * A metric: its name and current value (a number for counters, rates and gauges).
 */
public interface Metric {

    /** @return the name of this metric */
    MetricName metricName();

    /** @return the current value */
    Object metricValue();
}
