package dev.millrace.serdes.avro.registry.server;

import dev.millrace.serdes.avro.AvroConfigException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The REST service's settings:
 *
 * <table>
 *   <caption>Registry service configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code schema.registry.listeners}</td><td>required</td><td>one {@code http://host:port}
 *       listener; port 0 picks a free port (see {@link SchemaRegistryServer#url()})</td></tr>
 *   <tr><td>{@code schema.registry.http.threads}</td><td>4</td><td>threads serving requests</td></tr>
 * </table>
 *
 * <p>Only plain HTTP and a single listener are supported so far. Immutable and thread-safe.
 *
 * @param host the host or address to bind
 * @param port the port to bind, 0 for any free port
 * @param threads the number of request threads
 */
public record SchemaRegistryServerConfig(String host, int port, int threads) {
    /** The listener URL key. */
    public static final String LISTENERS = "schema.registry.listeners";
    /** The request thread count key. */
    public static final String HTTP_THREADS = "schema.registry.http.threads";
    private static final int DEFAULT_THREADS = 4;

    /**
     * Parses the configuration.
     *
     * @param configs the configuration map
     * @return the settings
     * @throws AvroConfigException if the listener is missing, not {@code http://host:port}, or the thread
     *     count is not a positive int
     */
    public static SchemaRegistryServerConfig parse(Map<String, ?> configs) {
        Object listeners = configs.get(LISTENERS);
        if (listeners == null || String.valueOf(listeners).isBlank()) {
            throw new AvroConfigException("key=" + LISTENERS + " reason=missing");
        }
        String listener = String.valueOf(listeners).trim();
        if (listener.contains(",")) {
            throw new AvroConfigException("key=" + LISTENERS + " value=" + listener
                    + " reason=onlyOneListenerSupported");
        }
        URI uri;
        try {
            uri = URI.create(listener);
        } catch (IllegalArgumentException e) {
            throw new AvroConfigException("key=" + LISTENERS + " value=" + listener + " reason=notAUri", e);
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("http")
                || uri.getHost() == null || uri.getPort() < 0) {
            throw new AvroConfigException("key=" + LISTENERS + " value=" + listener + " reason=expectedHttpHostPort");
        }
        return new SchemaRegistryServerConfig(uri.getHost(), uri.getPort(), threads(configs.get(HTTP_THREADS)));
    }

    private static int threads(Object value) {
        if (value == null) {
            return DEFAULT_THREADS;
        }
        try {
            int threads = Integer.parseInt(String.valueOf(value).trim());
            if (threads > 0) {
                return threads;
            }
        } catch (NumberFormatException e) {
            throw new AvroConfigException("key=" + HTTP_THREADS + " value=" + value + " reason=notAnInt", e);
        }
        throw new AvroConfigException("key=" + HTTP_THREADS + " value=" + value + " reason=notPositive");
    }
}
