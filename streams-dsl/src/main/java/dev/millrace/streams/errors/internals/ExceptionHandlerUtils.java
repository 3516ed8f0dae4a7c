package dev.millrace.streams.errors.internals;

import dev.millrace.clients.producer.ProducerRecord;
import dev.millrace.common.errors.InvalidConfigurationException;
import dev.millrace.common.header.Header;
import dev.millrace.common.serialization.StringSerializer;
import dev.millrace.streams.errors.ErrorHandlerContext;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds dead letter queue records the way Kafka 4.3's built-in handlers do: the failed record's raw key and
 * value, sent to the configured topic with the context's timestamp, carrying the original headers plus headers
 * naming the exception class, message, stack trace, source topic, partition and offset (UTF-8 strings). Stateless.
 */
public final class ExceptionHandlerUtils {

    /** The config key naming the dead letter queue topic (Kafka's {@code errors.dead.letter.queue.topic.name}). */
    public static final String ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG = "errors.dead.letter.queue.topic.name";
    /** Header holding the exception class name. */
    public static final String HEADER_ERRORS_EXCEPTION_NAME = "__streams.errors.exception";
    /** Header holding the exception stack trace. */
    public static final String HEADER_ERRORS_STACKTRACE_NAME = "__streams.errors.stacktrace";
    /** Header holding the exception message. */
    public static final String HEADER_ERRORS_EXCEPTION_MESSAGE_NAME = "__streams.errors.message";
    /** Header holding the source topic. */
    public static final String HEADER_ERRORS_TOPIC_NAME = "__streams.errors.topic";
    /** Header holding the source partition. */
    public static final String HEADER_ERRORS_PARTITION_NAME = "__streams.errors.partition";
    /** Header holding the source offset. */
    public static final String HEADER_ERRORS_OFFSET_NAME = "__streams.errors.offset";

    private ExceptionHandlerUtils() {
    }

    /**
     * Reads the dead letter queue topic from a handler's configuration.
     *
     * @param configs the configuration passed to {@code configure}
     * @return the topic name, or null when none is configured
     */
    public static String deadLetterQueueTopic(Map<String, ?> configs) {
        Object topic = configs.get(ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        return topic == null ? null : String.valueOf(topic);
    }

    /**
     * Tells whether dead letter queue records should be built.
     *
     * @param deadLetterQueueTopicName the configured topic, or null
     * @return whether a topic is configured
     */
    public static boolean shouldBuildDeadLetterQueueRecord(String deadLetterQueueTopicName) {
        return deadLetterQueueTopicName != null;
    }

    /**
     * Returns a one-record list when a topic is configured, else an empty list.
     *
     * @param deadLetterQueueTopicName the configured topic, or null
     * @param key the raw key, or null
     * @param value the raw value, or null
     * @param context the error context
     * @param exception the failure
     * @return the records to send
     */
    public static List<ProducerRecord<byte[], byte[]>> maybeBuildDeadLetterQueueRecords(
            String deadLetterQueueTopicName, byte[] key, byte[] value, ErrorHandlerContext context,
            Exception exception) {
        if (!shouldBuildDeadLetterQueueRecord(deadLetterQueueTopicName)) {
            return Collections.emptyList();
        }
        return Collections.singletonList(
            buildDeadLetterQueueRecord(deadLetterQueueTopicName, key, value, context, exception));
    }

    /**
     * Builds one dead letter queue record.
     *
     * @param deadLetterQueueTopicName the topic, not null
     * @param key the raw key, or null
     * @param value the raw value, or null
     * @param context the error context
     * @param e the failure
     * @return the record
     * @throws InvalidConfigurationException if the topic is null
     */
    public static ProducerRecord<byte[], byte[]> buildDeadLetterQueueRecord(String deadLetterQueueTopicName,
                                                                           byte[] key, byte[] value,
                                                                           ErrorHandlerContext context,
                                                                           Exception e) {
        if (deadLetterQueueTopicName == null) {
            throw new InvalidConfigurationException(String.format(
                "%s cannot be null while building dead letter queue record",
                ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG));
        }
        ProducerRecord<byte[], byte[]> record =
            new ProducerRecord<>(deadLetterQueueTopicName, null, context.timestamp(), key, value);
        if (context.headers() != null) {
            for (Header header : context.headers()) {
                record.headers().add(header);
            }
        }
        StringSerializer strings = new StringSerializer();
        record.headers().add(HEADER_ERRORS_EXCEPTION_NAME, strings.serialize(null, e.getClass().getName()));
        record.headers().add(HEADER_ERRORS_EXCEPTION_MESSAGE_NAME, strings.serialize(null, e.getMessage()));
        record.headers().add(HEADER_ERRORS_STACKTRACE_NAME, strings.serialize(null, stackTrace(e)));
        record.headers().add(HEADER_ERRORS_TOPIC_NAME, strings.serialize(null, context.topic()));
        record.headers().add(HEADER_ERRORS_PARTITION_NAME,
            strings.serialize(null, String.valueOf(context.partition())));
        record.headers().add(HEADER_ERRORS_OFFSET_NAME, strings.serialize(null, String.valueOf(context.offset())));
        return record;
    }

    /**
     * Renders a throwable and its causes in the layout of {@link Throwable#printStackTrace()}: the throwable's
     * string, one {@code "\tat "} line per frame, then each cause introduced by {@code "Caused by: "} with the
     * frames it shares with the enclosing trace folded into {@code "\t... n more"}. Suppressed exceptions are left
     * out.
     *
     * @param throwable the throwable
     * @return the rendered trace, lines ended by the platform line separator
     */
    static String stackTrace(Throwable throwable) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder().append(throwable).append(nl);
        StackTraceElement[] enclosing = throwable.getStackTrace();
        for (StackTraceElement frame : enclosing) {
            out.append("\tat ").append(frame).append(nl);
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(throwable);
        for (Throwable cause = throwable.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
            StackTraceElement[] frames = cause.getStackTrace();
            int shared = 0;
            while (shared < frames.length && shared < enclosing.length
                && frames[frames.length - 1 - shared].equals(enclosing[enclosing.length - 1 - shared])) {
                shared++;
            }
            out.append("Caused by: ").append(cause).append(nl);
            for (int i = 0; i < frames.length - shared; i++) {
                out.append("\tat ").append(frames[i]).append(nl);
            }
            if (shared > 0) {
                out.append("\t... ").append(shared).append(" more").append(nl);
            }
            enclosing = frames;
        }
        return out.toString();
    }
}
