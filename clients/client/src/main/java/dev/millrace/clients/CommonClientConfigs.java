package dev.millrace.clients;

import dev.millrace.common.config.AbstractConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * Configuration keys, defaults and documentation shared by the producer, consumer and admin clients (and reused by
 * {@code StreamsConfig}). Mirrors Kafka's {@code CommonClientConfigs}: every key string and default value is
 * Kafka 4.3's, so a Kafka client configuration ports unchanged; the documentation texts are our own wording.
 *
 * <p>Holds constants only, plus {@link #postProcessReconnectBackoffConfigs}; stateless and thread-safe.
 */
public class CommonClientConfigs {

    private static final System.Logger LOG = System.getLogger(CommonClientConfigs.class.getName());

    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    public static final String BOOTSTRAP_SERVERS_DOC = "Comma separated host:port pairs the client contacts first "
            + "to learn the whole cluster. Only used for discovery, so listing a few brokers is enough; every broker "
            + "is found from the metadata they return.";

    public static final String CLIENT_DNS_LOOKUP_CONFIG = "client.dns.lookup";
    public static final String CLIENT_DNS_LOOKUP_DOC = "How host names are resolved: <code>use_all_dns_ips</code> "
            + "tries every address a name resolves to in turn; <code>resolve_canonical_bootstrap_servers_only</code> "
            + "expands each bootstrap name to its canonical names first.";

    public static final String METADATA_MAX_AGE_CONFIG = "metadata.max.age.ms";
    public static final String METADATA_MAX_AGE_DOC = "Milliseconds after which cluster metadata is refreshed even "
            + "when no leadership change was seen, so new brokers and partitions are discovered.";

    public static final String SEND_BUFFER_CONFIG = "send.buffer.bytes";
    public static final String SEND_BUFFER_DOC = "Size of the socket send buffer (SO_SNDBUF); -1 keeps the "
            + "operating system default.";
    public static final int SEND_BUFFER_LOWER_BOUND = -1;

    public static final String RECEIVE_BUFFER_CONFIG = "receive.buffer.bytes";
    public static final String RECEIVE_BUFFER_DOC = "Size of the socket receive buffer (SO_RCVBUF); -1 keeps the "
            + "operating system default.";
    public static final int RECEIVE_BUFFER_LOWER_BOUND = -1;

    public static final String CLIENT_ID_CONFIG = "client.id";
    public static final String CLIENT_ID_DOC = "A logical name sent with every request so that broker logs, "
            + "metrics and quotas can tell applications apart.";

    public static final String CLIENT_RACK_CONFIG = "client.rack";
    public static final String CLIENT_RACK_DOC = "Where this client runs (for example an availability zone); "
            + "compared with the brokers' <code>broker.rack</code> to prefer nearby replicas.";
    public static final String DEFAULT_CLIENT_RACK = "";

    public static final String RECONNECT_BACKOFF_MS_CONFIG = "reconnect.backoff.ms";
    public static final String RECONNECT_BACKOFF_MS_DOC = "Initial wait before reconnecting to a host after a "
            + "connection failed; grows exponentially up to <code>reconnect.backoff.max.ms</code>.";

    public static final String RECONNECT_BACKOFF_MAX_MS_CONFIG = "reconnect.backoff.max.ms";
    public static final String RECONNECT_BACKOFF_MAX_MS_DOC = "Upper bound of the reconnect wait for a host that "
            + "keeps failing; each wait carries 20% random jitter.";

    public static final String RETRIES_CONFIG = "retries";
    public static final String RETRIES_DOC = "How many times a failed request is retried. Prefer leaving it at "
            + "the maximum (or zero) and bounding retries with the client's timeouts instead.";

    public static final String RETRY_BACKOFF_MS_CONFIG = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MS_DOC = "Initial wait before retrying a failed request; grows "
            + "exponentially up to <code>retry.backoff.max.ms</code>.";
    public static final Long DEFAULT_RETRY_BACKOFF_MS = 100L;

    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "retry.backoff.max.ms";
    public static final String RETRY_BACKOFF_MAX_MS_DOC = "Upper bound of the retry wait for a request that keeps "
            + "failing; each wait carries 20% random jitter.";
    public static final Long DEFAULT_RETRY_BACKOFF_MAX_MS = 1000L;

    public static final int RETRY_BACKOFF_EXP_BASE = 2;
    public static final double RETRY_BACKOFF_JITTER = 0.2;

    public static final String ENABLE_METRICS_PUSH_CONFIG = "enable.metrics.push";
    public static final String ENABLE_METRICS_PUSH_DOC = "Whether the client pushes its metrics to the cluster "
            + "when a client-metrics subscription there matches it.";

    public static final String METRICS_SAMPLE_WINDOW_MS_CONFIG = "metrics.sample.window.ms";
    public static final String METRICS_SAMPLE_WINDOW_MS_DOC = "Length of the time window one metrics sample covers.";

    public static final String METRICS_NUM_SAMPLES_CONFIG = "metrics.num.samples";
    public static final String METRICS_NUM_SAMPLES_DOC = "How many samples are kept to compute a metric.";

    public static final String METRICS_RECORDING_LEVEL_CONFIG = "metrics.recording.level";
    public static final String METRICS_RECORDING_LEVEL_DOC = "Most detailed metrics level recorded: "
            + "<code>INFO</code>, <code>DEBUG</code> or <code>TRACE</code>.";

    public static final String METRIC_REPORTER_CLASSES_CONFIG = "metric.reporters";
    public static final String METRIC_REPORTER_CLASSES_DOC = "Classes notified of metric changes so they can "
            + "export them; the JMX reporter is on by default.";

    public static final String METRICS_CONTEXT_PREFIX = "metrics.context.";

    public static final String SECURITY_PROTOCOL_CONFIG = "security.protocol";
    public static final String SECURITY_PROTOCOL_DOC = "Protocol used to talk to brokers: PLAINTEXT, SSL, "
            + "SASL_PLAINTEXT or SASL_SSL.";
    public static final String DEFAULT_SECURITY_PROTOCOL = "PLAINTEXT";

    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG = "socket.connection.setup.timeout.ms";
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MS_DOC = "Initial time allowed to establish a "
            + "socket connection before it is closed; grows exponentially for repeated failures.";
    public static final Long DEFAULT_SOCKET_CONNECTION_SETUP_TIMEOUT_MS = 10 * 1000L;

    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG =
            "socket.connection.setup.timeout.max.ms";
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_DOC = "Upper bound of the connection setup "
            + "timeout; each timeout carries 20% random jitter.";
    public static final Long DEFAULT_SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS = 30 * 1000L;

    public static final String CONNECTIONS_MAX_IDLE_MS_CONFIG = "connections.max.idle.ms";
    public static final String CONNECTIONS_MAX_IDLE_MS_DOC = "Idle connections are closed after this many "
            + "milliseconds.";

    public static final String REQUEST_TIMEOUT_MS_CONFIG = "request.timeout.ms";
    public static final String REQUEST_TIMEOUT_MS_DOC = "How long the client waits for a response to one request "
            + "before it retries (if retries remain) or fails the request.";

    public static final String DEFAULT_LIST_KEY_SERDE_INNER_CLASS = "default.list.key.serde.inner";
    public static final String DEFAULT_LIST_KEY_SERDE_INNER_CLASS_DOC = "Serde class of the elements of a list "
            + "key, used when <code>default.key.serde</code> is the list serde.";
    public static final String DEFAULT_LIST_VALUE_SERDE_INNER_CLASS = "default.list.value.serde.inner";
    public static final String DEFAULT_LIST_VALUE_SERDE_INNER_CLASS_DOC = "Serde class of the elements of a list "
            + "value, used when <code>default.value.serde</code> is the list serde.";
    public static final String DEFAULT_LIST_KEY_SERDE_TYPE_CLASS = "default.list.key.serde.type";
    public static final String DEFAULT_LIST_KEY_SERDE_TYPE_CLASS_DOC = "<code>java.util.List</code> "
            + "implementation a list key is deserialized into; requires <code>default.list.key.serde.inner</code>.";
    public static final String DEFAULT_LIST_VALUE_SERDE_TYPE_CLASS = "default.list.value.serde.type";
    public static final String DEFAULT_LIST_VALUE_SERDE_TYPE_CLASS_DOC = "<code>java.util.List</code> "
            + "implementation a list value is deserialized into; requires "
            + "<code>default.list.value.serde.inner</code>.";

    public static final String GROUP_ID_CONFIG = "group.id";
    public static final String GROUP_ID_DOC = "Name of the consumer group this member joins; required for "
            + "<code>subscribe</code> and for committing offsets to the cluster.";

    public static final String GROUP_INSTANCE_ID_CONFIG = "group.instance.id";
    public static final String GROUP_INSTANCE_ID_DOC = "A stable identity for this member across restarts "
            + "(static membership): a member that comes back with the same id within the session timeout keeps its "
            + "partitions without a rebalance.";

    public static final String MAX_POLL_INTERVAL_MS_CONFIG = "max.poll.interval.ms";
    public static final String MAX_POLL_INTERVAL_MS_DOC = "Longest allowed gap between two calls to poll(); a "
            + "member that exceeds it is considered stuck and leaves the group.";

    public static final String REBALANCE_TIMEOUT_MS_CONFIG = "rebalance.timeout.ms";
    public static final String REBALANCE_TIMEOUT_MS_DOC = "Longest time a member may take to rejoin the group "
            + "once a rebalance started before it is removed.";

    public static final String SESSION_TIMEOUT_MS_CONFIG = "session.timeout.ms";
    public static final String SESSION_TIMEOUT_MS_DOC = "A member whose heartbeats stop for this long is removed "
            + "from the group and its partitions are reassigned.";

    public static final String HEARTBEAT_INTERVAL_MS_CONFIG = "heartbeat.interval.ms";
    public static final String HEARTBEAT_INTERVAL_MS_DOC = "Time between heartbeats to the group coordinator; "
            + "keep it well below the session timeout.";

    public static final String DEFAULT_API_TIMEOUT_MS_CONFIG = "default.api.timeout.ms";
    public static final String DEFAULT_API_TIMEOUT_MS_DOC = "Timeout of client calls that block and take no "
            + "explicit timeout argument.";

    public static final String METADATA_RECOVERY_STRATEGY_CONFIG = "metadata.recovery.strategy";
    public static final String METADATA_RECOVERY_STRATEGY_DOC = "What the client does when no known broker is "
            + "reachable: <code>rebootstrap</code> starts again from <code>bootstrap.servers</code>; "
            + "<code>none</code> keeps trying the known brokers.";
    public static final String DEFAULT_METADATA_RECOVERY_STRATEGY = "rebootstrap";

    public static final String METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG =
            "metadata.recovery.rebootstrap.trigger.ms";
    public static final String METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_DOC = "With the rebootstrap strategy, how "
            + "long metadata may stay unobtainable before the client rebootstraps.";
    public static final long DEFAULT_METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS = 300 * 1000;

    /**
     * When the user set {@code reconnect.backoff.ms} but not {@code reconnect.backoff.max.ms}, the maximum
     * follows the base so that the backoff stays constant, as in Kafka.
     *
     * @param config the configuration being built
     * @param parsedValues its parsed values
     * @return the values to replace (possibly none)
     */
    public static Map<String, Object> postProcessReconnectBackoffConfigs(AbstractConfig config,
                                                                         Map<String, Object> parsedValues) {
        Map<String, Object> updates = new HashMap<>();
        Map<String, Object> originals = config.originals();
        if (!originals.containsKey(RECONNECT_BACKOFF_MAX_MS_CONFIG)
                && originals.containsKey(RECONNECT_BACKOFF_MS_CONFIG)) {
            LOG.log(System.Logger.Level.WARNING, "Disabling exponential reconnect backoff because {0} is set, but {1} "
                    + "is not.", RECONNECT_BACKOFF_MS_CONFIG, RECONNECT_BACKOFF_MAX_MS_CONFIG);
            updates.put(RECONNECT_BACKOFF_MAX_MS_CONFIG, parsedValues.get(RECONNECT_BACKOFF_MS_CONFIG));
        }
        return updates;
    }
}
