package dev.millrace.serdes.avro.registry.server;

import com.sun.net.httpserver.HttpServer;
import dev.millrace.serdes.avro.registry.core.SchemaRegistry;
import dev.millrace.serdes.avro.registry.store.SchemaStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Confluent-compatible REST service of a {@link SchemaRegistry}, on the JDK's built-in HTTP server,
 * bound to the {@code schema.registry.listeners} address (see {@link SchemaRegistryServerConfig}; the
 * endpoints are listed on {@link RegistryHttpHandler}).
 *
 * <p>Lifecycle: construct, {@link #start()} once (binds the port and starts the request threads, named
 * {@code schema-registry-http-N}), {@link #close()} once (stops accepting, ends the threads; idempotent).
 * The registry and its store are owned by the caller and stay open. Thread-safe.
 */
public final class SchemaRegistryServer implements AutoCloseable {
    private final SchemaRegistryServerConfig config;
    private final SchemaRegistry registry;
    private HttpServer server;
    private ExecutorService executor;
    private boolean closed;

    /**
     * Creates a server; nothing is bound until {@link #start()}.
     *
     * @param config the listener and thread settings
     * @param registry the registry to serve
     */
    public SchemaRegistryServer(SchemaRegistryServerConfig config, SchemaRegistry registry) {
        this.config = Objects.requireNonNull(config, "reason=nullConfig");
        this.registry = Objects.requireNonNull(registry, "reason=nullRegistry");
    }

    /**
     * Replays a store into a new registry, and starts serving it.
     *
     * @param configs the server configuration ({@code schema.registry.listeners} and optional threads)
     * @param store the registry's store
     * @return the started server
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static SchemaRegistryServer start(Map<String, ?> configs, SchemaStore store) {
        SchemaRegistryServer server = new SchemaRegistryServer(SchemaRegistryServerConfig.parse(configs),
                new SchemaRegistry(store));
        server.start();
        return server;
    }

    /**
     * Binds the listener and starts serving.
     *
     * @throws UncheckedIOException if the address cannot be bound
     * @throws IllegalStateException if already started or closed
     */
    public synchronized void start() {
        if (server != null || closed) {
            throw new IllegalStateException("reason=alreadyStartedOrClosed closed=" + closed);
        }
        HttpServer bound;
        try {
            bound = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("reason=cannotBind host=" + config.host() + " port=" + config.port(), e);
        }
        AtomicInteger threadIndex = new AtomicInteger();
        executor = Executors.newFixedThreadPool(config.threads(), runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + threadIndex.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
        bound.createContext("/", new RegistryHttpHandler(registry));
        bound.setExecutor(executor);
        bound.start();
        server = bound;
    }

    /**
     * The base URL clients use, with the actual port when 0 was configured.
     *
     * @return for example {@code http://127.0.0.1:41234}
     * @throws IllegalStateException if not started
     */
    public synchronized URI url() {
        if (server == null) {
            throw new IllegalStateException("reason=notStarted");
        }
        return URI.create("http://" + config.host() + ":" + server.getAddress().getPort());
    }

    /**
     * The registry being served.
     *
     * @return the registry
     */
    public SchemaRegistry registry() {
        return registry;
    }

    /** Stops accepting requests and ends the request threads; safe to call more than once. */
    @Override
    public synchronized void close() {
        closed = true;
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }
}
