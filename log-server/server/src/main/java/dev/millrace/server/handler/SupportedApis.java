package dev.millrace.server.handler;

import dev.millrace.protocol.message.ApiMessageType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The APIs this server implements and the version ranges it advertises in ApiVersions. Only APIs
 * with a handler are listed: a client seeing an API advertised will use it. Immutable.
 *
 * <p>Produce is advertised from version 0 although only 3 and later are served (a request below 3
 * cannot be parsed and closes the connection): Apache Kafka 4.x does the same because librdkafka up
 * to 2.11 disables compression unless the advertised Produce range contains 0 (kafka-protocol.md §0).
 */
public final class SupportedApis {
    private static final Map<ApiMessageType, short[]> ADVERTISED;

    static {
        Map<ApiMessageType, short[]> m = new EnumMap<>(ApiMessageType.class);
        advertise(m, ApiMessageType.PRODUCE);
        m.get(ApiMessageType.PRODUCE)[0] = 0;
        for (ApiMessageType api : new ApiMessageType[] {ApiMessageType.FETCH, ApiMessageType.LIST_OFFSETS,
            ApiMessageType.METADATA, ApiMessageType.API_VERSIONS, ApiMessageType.CREATE_TOPICS,
            ApiMessageType.DELETE_TOPICS, ApiMessageType.DELETE_RECORDS, ApiMessageType.INIT_PRODUCER_ID,
            ApiMessageType.OFFSET_FOR_LEADER_EPOCH, ApiMessageType.DESCRIBE_CONFIGS, ApiMessageType.ALTER_CONFIGS,
            ApiMessageType.CREATE_PARTITIONS, ApiMessageType.INCREMENTAL_ALTER_CONFIGS,
            ApiMessageType.DESCRIBE_LOG_DIRS, ApiMessageType.DESCRIBE_CLUSTER}) {
            advertise(m, api);
        }
        ADVERTISED = Collections.unmodifiableMap(m);
    }

    private SupportedApis() {
    }

    private static void advertise(Map<ApiMessageType, short[]> m, ApiMessageType api) {
        m.put(api, new short[] {api.lowestSupportedVersion(), api.highestSupportedVersion()});
    }

    /** Advertised ranges as {@code {min, max}} per API (callers must not modify the arrays). */
    public static Map<ApiMessageType, short[]> advertised() {
        return ADVERTISED;
    }

    /** Whether requests of {@code api} are served. */
    public static boolean isServed(ApiMessageType api) {
        return ADVERTISED.containsKey(api);
    }
}
