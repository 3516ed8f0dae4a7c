package dev.millrace.streams.processor;

import dev.millrace.common.header.Headers;
import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.StreamsMetrics;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The old-style processor context that {@code ValueTransformerWithKey} and global-store update processors of older
 * code still receive: untyped forwarding, and the metadata of the current record as separate getters. New code uses
 * {@link dev.millrace.streams.processor.api.ProcessorContext}. The same runtime context implements both.
 *
 * <p>Owning thread: the task's stream thread; calling it from another thread is undefined.
 */
public interface ProcessorContext {

    /** @return the application id ({@code application.id}) */
    String applicationId();

    /** @return the id of the task running the processor */
    TaskId taskId();

    /** @return the default key serde of the application */
    Serde<?> keySerde();

    /** @return the default value serde of the application */
    Serde<?> valueSerde();

    /** @return the state directory of the task */
    File stateDir();

    /** @return the metrics registry */
    StreamsMetrics metrics();

    /**
     * Registers a store with its restore callback; stores call this from their {@code init}.
     *
     * @param store the store
     * @param stateRestoreCallback the callback restoring it from its changelog
     */
    void register(StateStore store, StateRestoreCallback stateRestoreCallback);

    /**
     * Returns a store connected to the current processor.
     *
     * @param name the store name
     * @param <S> the store type
     * @return the store
     */
    <S extends StateStore> S getStateStore(String name);

    /**
     * Schedules a periodic punctuation starting one interval from now.
     *
     * @param interval the interval, at least one millisecond
     * @param type what drives it
     * @param callback the callback
     * @return a handle to cancel it
     */
    Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback);

    /**
     * Schedules a periodic punctuation at {@code startTime + k * interval}.
     *
     * @param startTime the first time
     * @param interval the interval, at least one millisecond
     * @param type what drives it
     * @param callback the callback
     * @return a handle to cancel it
     */
    Cancellable schedule(Instant startTime, Duration interval, PunctuationType type, Punctuator callback);

    /**
     * Forwards a key-value pair to every child with the current record's timestamp and headers.
     *
     * @param key the key
     * @param value the value
     * @param <K> the key type
     * @param <V> the value type
     */
    <K, V> void forward(K key, V value);

    /**
     * Forwards a key-value pair as {@code to} says.
     *
     * @param key the key
     * @param value the value
     * @param to the child and timestamp
     * @param <K> the key type
     * @param <V> the value type
     */
    <K, V> void forward(K key, V value, To to);

    /** Requests a commit of the task as soon as possible. */
    void commit();

    /** @return the topic of the current record, or null when there is none (punctuation) */
    String topic();

    /** @return the partition of the current record, or -1 */
    int partition();

    /** @return the offset of the current record, or -1 */
    long offset();

    /** @return the headers of the current record */
    Headers headers();

    /** @return the timestamp of the current record (or of the punctuation) */
    long timestamp();

    /** @return the application's configuration */
    Map<String, Object> appConfigs();

    /**
     * Returns the configuration keys with a prefix, prefix stripped.
     *
     * @param prefix the prefix
     * @return the matching configuration
     */
    Map<String, Object> appConfigsWithPrefix(String prefix);

    /** @return the current wall-clock time in milliseconds (cached per record, as Kafka does) */
    long currentSystemTimeMs();

    /** @return the stream time of the task in milliseconds */
    long currentStreamTimeMs();
}
