package dev.millrace.streams.state.internals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Renders query answers of Millrace's and Kafka Streams' stores as comparable text: values, timestamps, windows,
 * versions and drained iterators (which are closed), failure reasons, thrown exception types and positions.
 */
final class QueryResults {

    private QueryResults() {
    }

    /** Renders an answer of ours: the result, or the failure reason. */
    static String render(dev.millrace.streams.query.QueryResult<?> result) {
        return result.isSuccess() ? render(result.getResult()) : "FAILED " + result.getFailureReason();
    }

    /** Renders an answer of Kafka's: the result, or the failure reason. */
    static String renderKafka(org.apache.kafka.streams.query.QueryResult<?> result) {
        return result.isSuccess() ? render(result.getResult()) : "FAILED " + result.getFailureReason();
    }

    /** Runs a query and renders its answer, or the type of the exception it throws. */
    static String attempt(Supplier<String> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            return "THROWS " + e.getClass().getSimpleName();
        }
    }

    /** Renders a position of ours as sorted {@code topic:{partition=offset}}, or "null". */
    static String position(dev.millrace.streams.query.Position position) {
        if (position == null) {
            return "null";
        }
        Map<String, Map<Integer, Long>> sorted = new TreeMap<>();
        for (String topic : position.getTopics()) {
            sorted.put(topic, new TreeMap<>(position.getPartitionPositions(topic)));
        }
        return sorted.toString();
    }

    /** Renders a position of Kafka's as sorted {@code topic:{partition=offset}}, or "null". */
    static String kafkaPosition(org.apache.kafka.streams.query.Position position) {
        if (position == null) {
            return "null";
        }
        Map<String, Map<Integer, Long>> sorted = new TreeMap<>();
        for (String topic : position.getTopics()) {
            sorted.put(topic, new TreeMap<>(position.getPartitionPositions(topic)));
        }
        return sorted.toString();
    }

    /** Renders a result object of either implementation; iterators are drained and closed. */
    static String render(Object result) {
        if (result instanceof dev.millrace.streams.state.KeyValueIterator<?, ?> iterator) {
            try (iterator) {
                return drain(iterator, next -> {
                    dev.millrace.streams.KeyValue<?, ?> pair = (dev.millrace.streams.KeyValue<?, ?>) next;
                    return render(pair.key) + "=" + render(pair.value);
                });
            }
        }
        if (result instanceof org.apache.kafka.streams.state.KeyValueIterator<?, ?> iterator) {
            try (iterator) {
                return drain(iterator, next -> {
                    org.apache.kafka.streams.KeyValue<?, ?> pair = (org.apache.kafka.streams.KeyValue<?, ?>) next;
                    return render(pair.key) + "=" + render(pair.value);
                });
            }
        }
        if (result instanceof dev.millrace.streams.state.VersionedRecordIterator<?> iterator) {
            try (iterator) {
                return drain(iterator, QueryResults::render);
            }
        }
        if (result instanceof org.apache.kafka.streams.state.VersionedRecordIterator<?> iterator) {
            try (iterator) {
                return drain(iterator, QueryResults::render);
            }
        }
        return renderValue(result);
    }

    private static String renderValue(Object result) {
        if (result instanceof dev.millrace.streams.state.ValueAndTimestamp<?> value) {
            return render(value.value()) + "@" + value.timestamp();
        }
        if (result instanceof org.apache.kafka.streams.state.ValueAndTimestamp<?> value) {
            return render(value.value()) + "@" + value.timestamp();
        }
        if (result instanceof dev.millrace.streams.state.VersionedRecord<?> version) {
            return render(version.value()) + "@" + version.timestamp() + ".." + version.validTo().orElse(null);
        }
        if (result instanceof org.apache.kafka.streams.state.VersionedRecord<?> version) {
            return render(version.value()) + "@" + version.timestamp() + ".." + version.validTo().orElse(null);
        }
        if (result instanceof dev.millrace.streams.kstream.Windowed<?> windowed) {
            return render(windowed.key()) + "@" + windowed.window().start() + "/" + windowed.window().end();
        }
        if (result instanceof org.apache.kafka.streams.kstream.Windowed<?> windowed) {
            return render(windowed.key()) + "@" + windowed.window().start() + "/" + windowed.window().end();
        }
        if (result instanceof byte[] bytes) {
            return dev.millrace.common.utils.Bytes.wrap(bytes).toString();
        }
        return String.valueOf(result);
    }

    private static <T> String drain(Iterator<T> iterator, java.util.function.Function<Object, String> format) {
        List<String> out = new ArrayList<>();
        while (iterator.hasNext()) {
            out.add(format.apply(iterator.next()));
        }
        return out.toString();
    }
}
