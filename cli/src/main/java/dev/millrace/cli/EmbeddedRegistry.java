package dev.millrace.cli;

import dev.millrace.serdes.avro.registry.server.SchemaRegistryServer;
import dev.millrace.serdes.avro.registry.server.SchemaRegistryServerConfig;
import dev.millrace.serdes.avro.registry.store.TopicSchemaStore;
import dev.millrace.server.config.BrokerConfigs;
import dev.millrace.server.config.ServerConfig;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A schema registry running in this process with its schemas in the log server's compacted
 * {@code _schemas} topic: a {@link TopicSchemaStore} and the REST {@link SchemaRegistryServer} over it.
 * {@code server-start} runs one next to the log server when {@code schema.registry.listeners} is set
 * ({@link #startIfConfigured}); {@code schema-registry} runs one alone ({@link #start}).
 *
 * <p>Starting opens the store (creating or checking the topic), replays it and binds the listener;
 * if any step fails, what was opened is closed again and the failure is thrown. {@link #close()} stops
 * the REST server first, then the store; it must run before the log server it talks to is closed.
 * Thread-safe; close is idempotent.
 */
public final class EmbeddedRegistry implements AutoCloseable {
    private final TopicSchemaStore store;
    private final SchemaRegistryServer server;
    private boolean closed;

    private EmbeddedRegistry(TopicSchemaStore store, SchemaRegistryServer server) {
        this.store = store;
        this.server = server;
    }

    /**
     * Starts the registry the server configuration asks for, talking to that server.
     *
     * @param config the log server's configuration; {@code schema.registry.listeners} empty means off
     * @param bootstrap {@code host:port} of the running log server
     * @return the running registry, or null when the registry is off
     * @throws RuntimeException as {@link #start} does
     */
    public static EmbeddedRegistry startIfConfigured(ServerConfig config, String bootstrap) {
        String listeners = config.get(BrokerConfigs.SCHEMA_REGISTRY_LISTENERS);
        if (listeners == null || listeners.isBlank()) {
            return null;
        }
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(SchemaRegistryServerConfig.LISTENERS, listeners);
        configs.put(TopicSchemaStore.BOOTSTRAP_SERVERS, bootstrap);
        return start(configs);
    }

    /**
     * Starts a registry.
     *
     * @param configs {@code kafkastore.bootstrap.servers} and the other {@code kafkastore.*} keys of
     *     {@link TopicSchemaStore}, {@code schema.registry.listeners} and the other keys of
     *     {@link SchemaRegistryServerConfig}
     * @return the running registry
     * @throws dev.millrace.serdes.avro.AvroConfigException if a key is missing or malformed
     * @throws dev.millrace.serdes.avro.registry.store.SchemaStoreException if the log server cannot be
     *     reached, the topic is unfit or a stored record is malformed
     * @throws java.io.UncheckedIOException if the listener cannot be bound
     */
    public static EmbeddedRegistry start(Map<String, String> configs) {
        Objects.requireNonNull(configs, "reason=nullConfigs");
        SchemaRegistryServerConfig.parse(configs);
        TopicSchemaStore store = TopicSchemaStore.open(configs);
        try {
            return new EmbeddedRegistry(store, SchemaRegistryServer.start(configs, store));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The registry's base URL, with the actual port.
     *
     * @return for example {@code http://127.0.0.1:8081}
     */
    public URI url() {
        return server.url();
    }

    /**
     * The topic holding the schemas.
     *
     * @return the topic name
     */
    public String topic() {
        return store.topic();
    }

    /** Stops the REST server, then closes the store's connections. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } finally {
            store.close();
        }
    }
}
