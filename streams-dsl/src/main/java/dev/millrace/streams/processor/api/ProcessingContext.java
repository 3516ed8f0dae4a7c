package dev.millrace.streams.processor.api;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.StreamsMetrics;
import dev.millrace.streams.processor.Cancellable;
import dev.millrace.streams.processor.PunctuationType;
import dev.millrace.streams.processor.Punctuator;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.TaskId;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What every processor can ask its task: identity, serdes, connected stores, punctuation scheduling, commit requests
 * and the clocks. {@link ProcessorContext} and {@link FixedKeyProcessorContext} add forwarding.
 *
 * <p>Owning thread: the task's stream thread (in the test driver, the test's thread).
 */
public interface ProcessingContext {

    /** @return the application id ({@code application.id}) */
    String applicationId();

    /** @return the id of the task running the processor */
    TaskId taskId();

    /**
     * Returns the topic, partition and offset of the record being processed.
     *
     * @return the metadata, or empty during punctuation and for records forwarded from a punctuator
     */
    Optional<RecordMetadata> recordMetadata();

    /** @return the default key serde ({@code default.key.serde}), or null when none is configured */
    Serde<?> keySerde();

    /** @return the default value serde ({@code default.value.serde}), or null when none is configured */
    Serde<?> valueSerde();

    /** @return the state directory of the task */
    File stateDir();

    /** @return the metrics registry */
    StreamsMetrics metrics();

    /**
     * Returns a store connected to this processor (through the topology, a {@code ConnectedStoreProvider} or the
     * DSL); asking for any other store fails.
     *
     * @param name the store name
     * @param <S> the store type
     * @return the store
     * @throws dev.millrace.streams.errors.StreamsException if the store is not connected to this processor
     */
    <S extends StateStore> S getStateStore(String name);

    /**
     * Schedules a periodic punctuation; the first call happens one interval after now (stream time: after the
     * current stream time).
     *
     * @param interval the interval, at least one millisecond
     * @param type what drives it
     * @param callback the callback
     * @return a handle to cancel it
     * @throws IllegalArgumentException if the interval is shorter than one millisecond
     */
    Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback);

    /**
     * Schedules a periodic punctuation whose calls are aligned to {@code startTime + k * interval}.
     *
     * @param startTime the alignment point
     * @param interval the interval, at least one millisecond
     * @param type what drives it
     * @param callback the callback
     * @return a handle to cancel it
     */
    Cancellable schedule(Instant startTime, Duration interval, PunctuationType type, Punctuator callback);

    /** Requests a commit of the task after the current record. */
    void commit();

    /** @return the application's configuration */
    Map<String, Object> appConfigs();

    /**
     * Returns the configuration keys with a prefix, prefix stripped.
     *
     * @param prefix the prefix
     * @return the matching configuration
     */
    Map<String, Object> appConfigsWithPrefix(String prefix);

    /** @return the wall-clock time in milliseconds, as the task's clock sees it */
    long currentSystemTimeMs();

    /** @return the stream time of the task: the largest timestamp among the records it processed, or -1 */
    long currentStreamTimeMs();
}
