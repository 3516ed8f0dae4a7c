package dev.millrace.streams.processor.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.StreamsMetrics;
import dev.millrace.streams.processor.TimestampExtractor;

import java.io.File;
import java.util.Map;

/**
 * The application-wide settings a task needs, resolved once from the configuration by the test driver or the
 * runtime: identity, default serdes (null when not configured: nodes that need one fail at init naming the key),
 * the default timestamp extractor and the exception handlers.
 *
 * @param applicationId the application id
 * @param appConfigs the application's configuration values
 * @param keySerde the default key serde, or null
 * @param valueSerde the default value serde, or null
 * @param timestampExtractor the default timestamp extractor
 * @param metrics the metrics registry
 * @param stateDir the root state directory ({@code state.dir}/{@code application.id})
 * @param cacheMaxBytes the record cache size ({@code statestore.cache.max.bytes}), 0 disables caching
 */
public record TaskSettings(String applicationId, Map<String, Object> appConfigs, Serde<?> keySerde,
                           Serde<?> valueSerde, TimestampExtractor timestampExtractor,
                           StreamsMetrics metrics, File stateDir,
                           long cacheMaxBytes) {
}
