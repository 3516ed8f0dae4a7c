package dev.millrace.server.config;

import static dev.millrace.server.config.BrokerConfigs.ADVERTISED_LISTENERS;
import static dev.millrace.server.config.BrokerConfigs.BROKER_ID;
import static dev.millrace.server.config.BrokerConfigs.CONTROLLER_LISTENER_NAMES;
import static dev.millrace.server.config.BrokerConfigs.INTER_BROKER_LISTENER_NAME;
import static dev.millrace.server.config.BrokerConfigs.LISTENERS;
import static dev.millrace.server.config.BrokerConfigs.LISTENER_SECURITY_PROTOCOL_MAP;
import static dev.millrace.server.config.BrokerConfigs.NODE_ID;
import static dev.millrace.server.config.BrokerConfigs.PROCESS_ROLES;

import dev.millrace.common.config.ConfigException;
import dev.millrace.storage.cleaner.CleanerConfig;
import dev.millrace.storage.flush.FlushPolicy;
import dev.millrace.storage.log.LogConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The static configuration of one Millrace server: {@code server.properties} plus command-line
 * overrides, parsed and validated once, with Kafka's key names and defaults (see
 * {@link BrokerConfigs}). Immutable and thread-safe once built.
 *
 * <p>Construction fails fast with a {@link ConfigException} whose message names the offending key:
 * values that do not parse or break their rule, {@code broker.id} different from {@code node.id},
 * {@code process.roles} other than {@code broker,controller}, listeners that do not parse, use a
 * protocol other than PLAINTEXT, repeat a name or share a port, and values the storage engine refuses.
 * Keys Millrace does not know are not errors: each yields one entry in {@link #warnings()}.
 *
 * <p>Listeners: {@link #listeners()} is every bound listener; those named in
 * {@code controller.listener.names} are controller listeners and are never advertised.
 * {@link #advertisedListeners()} is {@code advertised.listeners}, or else the broker listeners, with a
 * host that binds every interface (empty, {@code 0.0.0.0}, {@code ::}) replaced by this machine's
 * canonical host name.
 *
 * <p>Topic configs: {@link #topicDefaults()} is what a topic without overrides gets, derived from the
 * broker synonyms ({@link TopicConfigs#brokerSynonyms}); {@link #logConfig} adds dynamic cluster
 * defaults and topic overrides on top, in Kafka's precedence.
 */
public final class ServerConfig {
    private final Map<String, String> originals;
    private final Map<String, String> staticConfigs;
    private final Map<String, Object> values;
    private final List<String> warnings;
    private final List<Endpoint> listeners;
    private final List<Endpoint> advertisedListeners;
    private final Set<String> controllerListenerNames;
    private final List<Path> logDirs;
    private final Path metadataLogDir;
    private final TopicDefaults topicDefaults;
    private final CleanerConfig cleanerConfig;
    private final FlushPolicy flushPolicy;

    private ServerConfig(Map<String, String> configs, Supplier<String> localHostName) {
        Map<String, String> given = new LinkedHashMap<>();
        configs.forEach((key, value) -> {
            if (key != null && value != null) {
                given.put(key.trim(), value);
            }
        });
        this.originals = Collections.unmodifiableMap(given);
        this.warnings = List.copyOf(unknownKeyWarnings(given));
        this.staticConfigs = Collections.unmodifiableMap(staticConfigs(given));
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (ConfigKey key : BrokerConfigs.definitions().values()) {
            parsed.put(key.name(), key.parse(staticConfigs.getOrDefault(key.name(), key.defaultValue())));
        }
        this.values = Collections.unmodifiableMap(parsed);
        checkProcessRoles();
        this.controllerListenerNames = upperCase(listOrEmpty(CONTROLLER_LISTENER_NAMES));
        Map<String, String> protocols = protocolMap();
        this.listeners = parseListeners(protocols);
        this.advertisedListeners = advertised(protocols, localHostName);
        this.logDirs = parseLogDirs();
        String metadataDir = getString(BrokerConfigs.METADATA_LOG_DIR);
        this.metadataLogDir = metadataDir == null || metadataDir.isEmpty() ? logDirs.get(0) : path(
                BrokerConfigs.METADATA_LOG_DIR, metadataDir);
        this.topicDefaults = new TopicDefaults(this::brokerValue);
        this.cleanerConfig = buildCleanerConfig();
        this.flushPolicy = new FlushPolicy(getLong(BrokerConfigs.LOG_FLUSH_INTERVAL_MESSAGES),
                Long.parseLong(topicDefaults.defaults().get(LogConfig.FLUSH_MS)));
        topicDefaults.checkStatic();
    }

    /**
     * Reads {@code server.properties} (when {@code fileOrNull} is not null) and applies
     * {@code overrides} on top, as Kafka's {@code --override key=value} does.
     *
     * @throws ConfigException when the file cannot be read or a value is invalid (naming the key)
     */
    public static ServerConfig load(Path fileOrNull, Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>();
        if (fileOrNull != null) {
            all.putAll(readProperties(fileOrNull));
        }
        all.putAll(overrides);
        return fromMap(all);
    }

    /**
     * Builds the configuration from {@code key=value} pairs; unset keys take their defaults.
     *
     * @throws ConfigException naming the key of the first invalid value
     */
    public static ServerConfig fromMap(Map<String, String> configs) {
        return fromMap(configs, ServerConfig::canonicalLocalHostName);
    }

    /**
     * {@link #fromMap(Map)} with the source of the host name advertised for listeners bound to every
     * interface (tests pass a fixed name; the default asks the operating system).
     */
    public static ServerConfig fromMap(Map<String, String> configs, Supplier<String> localHostName) {
        return new ServerConfig(configs, localHostName);
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("Cannot read the server configuration file=" + file + " reason=" + e);
        }
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    private static String canonicalLocalHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static List<String> unknownKeyWarnings(Map<String, String> given) {
        List<String> out = new ArrayList<>();
        for (String key : given.keySet()) {
            if (BrokerConfigs.contains(key)) {
                continue;
            }
            String synonym = TopicConfigs.serverSynonym(key);
            out.add("Unknown configuration key=" + key + " (ignored)"
                    + (synonym == null ? "" : "; it is a topic-level key, the broker key is " + synonym));
        }
        return out;
    }

    /** The known keys that are set, in canonical text, with node.id and broker.id filled in from each other. */
    private static Map<String, String> staticConfigs(Map<String, String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        given.forEach((name, text) -> {
            ConfigKey key = BrokerConfigs.key(name);
            if (key != null) {
                out.put(name, key.normalize(text));
            }
        });
        String nodeId = out.get(NODE_ID);
        String brokerId = out.get(BROKER_ID);
        if (nodeId != null && brokerId != null && !nodeId.equals(brokerId)) {
            throw new ConfigException(BROKER_ID, brokerId, "must equal node.id=" + nodeId + " when both are set");
        }
        if (nodeId == null && brokerId != null) {
            if (Integer.parseInt(brokerId) < 0) {
                throw new ConfigException(BROKER_ID, brokerId, "Value must be at least 0");
            }
            out.put(NODE_ID, brokerId);
        } else if (nodeId != null && brokerId == null) {
            out.put(BROKER_ID, nodeId);
        }
        return out;
    }

    private void checkProcessRoles() {
        List<String> roles = getList(PROCESS_ROLES);
        if (roles.size() != 2) {
            throw new ConfigException(PROCESS_ROLES, String.join(",", roles),
                    "Millrace runs broker and controller in one process; only broker,controller is supported yet");
        }
    }

    private Map<String, String> protocolMap() {
        Map<String, String> protocols = ListenerParser.parseProtocolMap(getString(LISTENER_SECURITY_PROTOCOL_MAP));
        if (!staticConfigs.containsKey(LISTENER_SECURITY_PROTOCOL_MAP)) {
            for (String name : controllerListenerNames) {
                protocols.putIfAbsent(name, "PLAINTEXT");
            }
        }
        return protocols;
    }

    private List<Endpoint> parseListeners(Map<String, String> protocols) {
        List<Endpoint> bound = ListenerParser.parse(LISTENERS, listOrEmpty(LISTENERS), protocols, true);
        if (bound.stream().allMatch(e -> controllerListenerNames.contains(e.listenerName()))) {
            throw new ConfigException(LISTENERS, get(LISTENERS), "at least one listener must be a broker listener"
                    + " (not named in controller.listener.names)");
        }
        String interBroker = getString(INTER_BROKER_LISTENER_NAME);
        if (interBroker != null && bound.stream().noneMatch(e -> e.listenerName().equalsIgnoreCase(interBroker))) {
            throw new ConfigException(INTER_BROKER_LISTENER_NAME, interBroker, "must name one of the listeners");
        }
        return bound;
    }

    private List<Endpoint> advertised(Map<String, String> protocols, Supplier<String> localHostName) {
        List<Endpoint> chosen;
        List<String> configured = getList(ADVERTISED_LISTENERS);
        if (configured == null) {
            chosen = brokerListeners();
        } else {
            chosen = ListenerParser.parse(ADVERTISED_LISTENERS, configured, protocols, false);
            for (Endpoint endpoint : chosen) {
                if (listeners.stream().noneMatch(e -> e.listenerName().equals(endpoint.listenerName()))) {
                    throw new ConfigException(ADVERTISED_LISTENERS, get(ADVERTISED_LISTENERS),
                            "listener " + endpoint.listenerName() + " is not in listeners");
                }
            }
        }
        List<Endpoint> out = new ArrayList<>();
        for (Endpoint endpoint : chosen) {
            out.add(endpoint.bindsAllInterfaces() ? endpoint.withHost(localHostName.get()) : endpoint);
        }
        return List.copyOf(out);
    }

    private List<Path> parseLogDirs() {
        List<String> dirs = getList(BrokerConfigs.LOG_DIRS);
        String key = BrokerConfigs.LOG_DIRS;
        if (dirs == null) {
            dirs = getList(BrokerConfigs.LOG_DIR);
            key = BrokerConfigs.LOG_DIR;
        }
        if (dirs.isEmpty() || dirs.stream().anyMatch(String::isEmpty)) {
            throw new ConfigException(key, String.join(",", dirs), "must list at least one non-empty directory");
        }
        List<Path> out = new ArrayList<>();
        for (String dir : dirs) {
            out.add(path(key, dir));
        }
        return List.copyOf(out);
    }

    private static Path path(String key, String text) {
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigException(key, text, "not a valid path: " + e.getReason());
        }
    }

    private CleanerConfig buildCleanerConfig() {
        Map<String, String> cleaner = new LinkedHashMap<>();
        for (String key : CleanerConfig.DEFAULTS.keySet()) {
            cleaner.put(key, get(key));
        }
        try {
            return CleanerConfig.parse(cleaner);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid log cleaner configuration: " + e.getMessage());
        }
    }

    private static Set<String> upperCase(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        names.forEach(name -> out.add(name.toUpperCase(Locale.ROOT)));
        return Collections.unmodifiableSet(out);
    }

    private List<String> listOrEmpty(String key) {
        List<String> list = getList(key);
        return list == null ? List.of() : list;
    }

    /** The effective text of broker key {@code name} with {@code dynamicDefaults} on top, or null. */
    private String brokerValue(String name, Map<String, String> dynamicDefaults) {
        String dynamic = dynamicDefaults.get(name);
        ConfigKey key = BrokerConfigs.key(name);
        if (dynamic != null && key != null) {
            return key.normalize(dynamic);
        }
        return get(name);
    }

    // ---------------------------------------------------------------- accessors

    /** The id of this node ({@code node.id}, or {@code broker.id}, default 1). */
    public int nodeId() {
        return getInt(NODE_ID);
    }

    /** Every listener the server binds, controller listeners included, in configuration order. */
    public List<Endpoint> listeners() {
        return listeners;
    }

    /** The listeners that serve clients: {@link #listeners()} minus the controller listeners. */
    public List<Endpoint> brokerListeners() {
        return listeners.stream().filter(e -> !controllerListenerNames.contains(e.listenerName())).toList();
    }

    /** The listener names of {@code controller.listener.names}, upper case. */
    public Set<String> controllerListenerNames() {
        return controllerListenerNames;
    }

    /** The endpoints given to clients in metadata (see the class comment). */
    public List<Endpoint> advertisedListeners() {
        return advertisedListeners;
    }

    /** The data directories: {@code log.dirs}, or else {@code log.dir}. Never empty. */
    public List<Path> logDirs() {
        return logDirs;
    }

    /** {@code metadata.log.dir}, or else the first data directory. */
    public Path metadataLogDir() {
        return metadataLogDir;
    }

    /** {@code num.partitions}: partitions of an auto-created topic. */
    public int numPartitions() {
        return getInt(BrokerConfigs.NUM_PARTITIONS);
    }

    /** {@code default.replication.factor}. */
    public int defaultReplicationFactor() {
        return getInt(BrokerConfigs.DEFAULT_REPLICATION_FACTOR);
    }

    /** {@code auto.create.topics.enable}. */
    public boolean autoCreateTopicsEnable() {
        return getBoolean(BrokerConfigs.AUTO_CREATE_TOPICS_ENABLE);
    }

    /** {@code delete.topic.enable}. */
    public boolean deleteTopicEnable() {
        return getBoolean(BrokerConfigs.DELETE_TOPIC_ENABLE);
    }

    /** {@code socket.request.max.bytes}: the largest request frame accepted. */
    public int socketRequestMaxBytes() {
        return getInt(BrokerConfigs.SOCKET_REQUEST_MAX_BYTES);
    }

    /** {@code connections.max.idle.ms}. */
    public long connectionsMaxIdleMs() {
        return getLong(BrokerConfigs.CONNECTIONS_MAX_IDLE_MS);
    }

    /** {@code max.connections}. */
    public int maxConnections() {
        return getInt(BrokerConfigs.MAX_CONNECTIONS);
    }

    /** {@code num.network.threads}. */
    public int numNetworkThreads() {
        return getInt(BrokerConfigs.NUM_NETWORK_THREADS);
    }

    /** {@code num.io.threads}: the number of partition shards. */
    public int numIoThreads() {
        return getInt(BrokerConfigs.NUM_IO_THREADS);
    }

    /** {@code log.retention.check.interval.ms}. */
    public long logRetentionCheckIntervalMs() {
        return getLong(BrokerConfigs.LOG_RETENTION_CHECK_INTERVAL_MS);
    }

    /** {@code log.flush.scheduler.interval.ms}. */
    public long logFlushSchedulerIntervalMs() {
        return getLong(BrokerConfigs.LOG_FLUSH_SCHEDULER_INTERVAL_MS);
    }

    /** {@code log.flush.offset.checkpoint.interval.ms}. */
    public int logFlushOffsetCheckpointIntervalMs() {
        return getInt(BrokerConfigs.LOG_FLUSH_OFFSET_CHECKPOINT_INTERVAL_MS);
    }

    /** {@code producer.id.expiration.ms}. */
    public int producerIdExpirationMs() {
        return getInt(BrokerConfigs.PRODUCER_ID_EXPIRATION_MS);
    }

    /** {@code log.cleaner.enable}. */
    public boolean logCleanerEnable() {
        return getBoolean(CleanerConfig.ENABLE);
    }

    /** The storage cleaner settings from the {@code log.cleaner.*} keys. */
    public CleanerConfig cleanerConfig() {
        return cleanerConfig;
    }

    /**
     * The broker-wide flush policy: {@code log.flush.interval.messages}, and {@code log.flush.interval.ms}
     * or else {@code log.flush.scheduler.interval.ms}.
     */
    public FlushPolicy flushPolicy() {
        return flushPolicy;
    }

    /** Topic-level key to the value a topic without overrides gets from this static configuration. */
    public Map<String, String> topicDefaults() {
        return topicDefaults.defaults();
    }

    /**
     * Topic-level key to the value a topic without overrides gets when {@code dynamicBrokerDefaults}
     * (cluster-wide dynamic broker configs, broker key names) apply on top of this configuration.
     *
     * @throws dev.millrace.common.errors.InvalidConfigurationException for an invalid dynamic value
     */
    public Map<String, String> topicDefaults(Map<String, String> dynamicBrokerDefaults) {
        return topicDefaults.defaults(dynamicBrokerDefaults);
    }

    /**
     * The storage settings of a topic, with Kafka's precedence: topic override, then dynamic cluster
     * default, then {@code server.properties}, then the built-in default (for each broker key and its
     * synonyms in their order).
     *
     * @param dynamicBrokerDefaults cluster-wide dynamic broker configs (broker key names)
     * @param topicOverrides the topic's overrides (topic key names)
     * @throws dev.millrace.common.errors.InvalidConfigurationException for an unknown topic key or an
     *     invalid value
     */
    public LogConfig logConfig(Map<String, String> dynamicBrokerDefaults, Map<String, String> topicOverrides) {
        return topicDefaults.logConfig(dynamicBrokerDefaults, topicOverrides);
    }

    /** The pairs this configuration was built from, unknown keys included, as given. */
    public Map<String, String> originals() {
        return originals;
    }

    /** The known broker keys that were set (file or overrides), in canonical text; the STATIC source. */
    public Map<String, String> staticConfigs() {
        return staticConfigs;
    }

    /** One warning per unknown key, naming it. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The effective value of {@code key} as text: for a known key its canonical value (set or default,
     * {@code null} when neither), for an unknown key the value as given, or {@code null}.
     */
    public String get(String key) {
        ConfigKey definition = BrokerConfigs.key(key);
        return definition == null ? originals.get(key) : definition.type().render(values.get(key));
    }

    /** The INT value of a known key. */
    public int getInt(String key) {
        return typed(key, Integer.class);
    }

    /** The SHORT value of a known key. */
    public short getShort(String key) {
        return typed(key, Short.class);
    }

    /** The LONG value of a known key; {@code null} keys without default are not allowed here. */
    public long getLong(String key) {
        return typed(key, Long.class);
    }

    /** The DOUBLE value of a known key. */
    public double getDouble(String key) {
        return typed(key, Double.class);
    }

    /** The BOOLEAN value of a known key. */
    public boolean getBoolean(String key) {
        return typed(key, Boolean.class);
    }

    /** The STRING (or CLASS, PASSWORD) value of a known key, or {@code null} when unset without default. */
    public String getString(String key) {
        Object value = values.get(requireKnown(key));
        return value == null ? null : value.toString();
    }

    /** The LIST value of a known key, or {@code null} when unset without default. */
    public List<String> getList(String key) {
        Object value = values.get(requireKnown(key));
        if (value == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object item : (List<?>) value) {
            out.add((String) item);
        }
        return out;
    }

    private String requireKnown(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("config=" + key + " reason=unknownBrokerKey");
        }
        return key;
    }

    private <T> T typed(String key, Class<T> type) {
        Object value = values.get(requireKnown(key));
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("config=" + key + " value=" + value + " reason=not"
                    + type.getSimpleName());
        }
        return type.cast(value);
    }
}
