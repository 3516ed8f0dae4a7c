package dev.millrace.streams.processor.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.StreamsConfig;
import dev.millrace.streams.StreamsMetrics;
import dev.millrace.streams.errors.DeserializationExceptionHandler;
import dev.millrace.streams.errors.ProcessingExceptionHandler;
import dev.millrace.streams.errors.ProductionExceptionHandler;
import dev.millrace.streams.processor.TimestampExtractor;

import java.io.File;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The application-wide settings a task needs, resolved once from the configuration by the test driver or the
 * runtime: identity, default serdes (null when not configured: nodes that need one fail at init naming the key),
 * the default timestamp extractor and the three exception handlers.
 *
 * @param applicationId the application id
 * @param appConfigs the application's configuration values (originals overridden by parsed values, as Kafka)
 * @param keySerde the default key serde, or null
 * @param valueSerde the default value serde, or null
 * @param timestampExtractor the default timestamp extractor
 * @param deserializationHandler what to do with records that fail to deserialize
 * @param processingHandler what to do when a processor throws
 * @param productionHandler what to do when a sink fails to serialize or send
 * @param metrics the metrics registry
 * @param stateDir the root state directory ({@code state.dir}/{@code application.id})
 * @param cacheMaxBytes the record cache size ({@code statestore.cache.max.bytes}), 0 disables caching
 */
public record TaskSettings(String applicationId, Map<String, Object> appConfigs, Serde<?> keySerde,
                           Serde<?> valueSerde, TimestampExtractor timestampExtractor,
                           DeserializationExceptionHandler deserializationHandler,
                           ProcessingExceptionHandler processingHandler,
                           ProductionExceptionHandler productionHandler,
                           StreamsMetrics metrics, File stateDir, long cacheMaxBytes) {

    /**
     * Resolves the settings from a configuration: configured serdes and handlers are instantiated and configured.
     *
     * @param config the configuration
     * @param metrics the metrics registry
     * @param stateRoot the directory under which {@code <application.id>} holds the state
     * @return the settings
     * @throws dev.millrace.common.config.ConfigException if a configured class cannot be loaded or is of the wrong
     *         type (the message names the key)
     */
    public static TaskSettings from(StreamsConfig config, StreamsMetrics metrics, File stateRoot) {
        String applicationId = config.getString(StreamsConfig.APPLICATION_ID_CONFIG);
        Map<String, Object> appConfigs = new HashMap<>(config.originals());
        appConfigs.putAll(config.values());
        Serde<?> keySerde = config.values().get(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG) == null ? null
                : config.defaultKeySerde();
        Serde<?> valueSerde = config.values().get(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG) == null ? null
                : config.defaultValueSerde();
        return new TaskSettings(applicationId, Collections.unmodifiableMap(appConfigs), keySerde, valueSerde,
                config.getConfiguredInstance(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG,
                        TimestampExtractor.class),
                config.getConfiguredInstance(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeserializationExceptionHandler.class),
                config.getConfiguredInstance(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        ProcessingExceptionHandler.class),
                config.getConfiguredInstance(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        ProductionExceptionHandler.class),
                metrics, new File(stateRoot, applicationId),
                Math.max(0L, config.getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)));
    }
}
