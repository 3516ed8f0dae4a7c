package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.metrics.StreamsMetricsImpl;

import java.io.File;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Optional;

/**
 * Helpers to run Kafka Streams' own stores as oracles: a minimal Kafka processor context (a dynamic proxy that
 * answers what store initialisation asks for) and conversions between the two {@code Bytes} types.
 */
final class KafkaOracle {

    private KafkaOracle() {
    }

    /**
     * Creates a Kafka context whose state directory is {@code stateDir}; registration is a no-op, there is no
     * current record, and metrics go to a private registry.
     */
    static InternalProcessorContext<?, ?> context(File stateDir) {
        StreamsMetricsImpl metrics = new StreamsMetricsImpl(new Metrics(), "oracle-client", Time.SYSTEM);
        org.apache.kafka.streams.processor.TaskId taskId = new org.apache.kafka.streams.processor.TaskId(0, 0);
        Object proxy = Proxy.newProxyInstance(KafkaOracle.class.getClassLoader(),
                new Class<?>[] {InternalProcessorContext.class}, (self, method, args) -> {
                    switch (method.getName()) {
                        case "taskId": return taskId;
                        case "metrics": return metrics;
                        case "appConfigs": return appConfigs();
                        case "appConfigsWithPrefix": return new HashMap<String, Object>();
                        case "applicationId": return "oracle";
                        case "stateDir": return stateDir;
                        case "recordMetadata": return Optional.empty();
                        case "currentSystemTimeMs": return 0L;
                        case "currentStreamTimeMs": return 0L;
                        case "timestamp": return 0L;
                        case "offset": return -1L;
                        case "partition": return -1;
                        case "topic": return null;
                        case "hashCode": return System.identityHashCode(self);
                        case "equals": return self == args[0];
                        case "toString": return "KafkaOracleContext";
                        default: return defaultValue(method.getReturnType());
                    }
                });
        return (InternalProcessorContext<?, ?>) proxy;
    }

    private static HashMap<String, Object> appConfigs() {
        HashMap<String, Object> configs = new HashMap<>();
        configs.put("metrics.recording.level", "INFO");
        return configs;
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }

    static org.apache.kafka.common.utils.Bytes toKafka(Bytes bytes) {
        return bytes == null ? null : org.apache.kafka.common.utils.Bytes.wrap(bytes.get());
    }

    static Bytes fromKafka(org.apache.kafka.common.utils.Bytes bytes) {
        return bytes == null ? null : Bytes.wrap(bytes.get());
    }
}
