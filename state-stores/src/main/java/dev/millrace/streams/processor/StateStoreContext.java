package dev.millrace.streams.processor;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.processor.api.RecordMetadata;

import java.io.File;
import java.util.Map;
import java.util.Optional;

/**
 * What the runtime gives a state store when it initialises it: the application and task it belongs to, the
 * default serdes, the state directory, the configuration, the metadata of the record being processed, and the
 * registration through which the store receives changelog records on restore.
 *
 * <p>Kafka's {@code metrics()} member is not part of this interface yet: stores here record no metrics.
 */
public interface StateStoreContext {

    /**
     * Returns the application id.
     *
     * @return the {@code application.id}
     */
    String applicationId();

    /**
     * Returns the task that owns the store.
     *
     * @return the task id
     */
    TaskId taskId();

    /**
     * Returns where the record being processed came from, when a record is being processed.
     *
     * @return the metadata, or empty outside record processing (for example during punctuation or restore)
     */
    Optional<RecordMetadata> recordMetadata();

    /**
     * Returns the default key serde of the application.
     *
     * @return the serde
     */
    Serde<?> keySerde();

    /**
     * Returns the default value serde of the application.
     *
     * @return the serde
     */
    Serde<?> valueSerde();

    /**
     * Returns the directory in which the task keeps its state.
     *
     * @return the state directory
     */
    File stateDir();

    /**
     * Registers a store and the callback that restores it from its changelog.
     *
     * @param store the store being initialised
     * @param restoreCallback receives the changelog records
     */
    void register(StateStore store, StateRestoreCallback restoreCallback);

    /**
     * Registers a store, the callback that restores it and the callback told about commits.
     *
     * @param store the store being initialised
     * @param restoreCallback receives the changelog records
     * @param commitCallback called after each commit of the task
     */
    void register(StateStore store, StateRestoreCallback restoreCallback, CommitCallback commitCallback);

    /**
     * Returns the application configuration.
     *
     * @return the configuration, keyed by Kafka's config names
     */
    Map<String, Object> appConfigs();

    /**
     * Returns the configuration entries whose names start with a prefix, with the prefix removed.
     *
     * @param prefix the prefix
     * @return the matching entries
     */
    Map<String, Object> appConfigsWithPrefix(String prefix);
}
