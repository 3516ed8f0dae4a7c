package dev.millrace.clients.cluster;

import dev.millrace.clients.network.ConnectionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link ClusterClient}. Immutable.
 *
 * @param bootstrapServers {@code host:port} pairs to ask for metadata first (at least one)
 * @param connection settings of each broker connection
 * @param maxAttempts how many times one operation is tried when it fails with a retriable error
 * @param retryBackoffMs pause between attempts, in ms (Kafka's {@code retry.backoff.ms})
 * @param operationTimeoutMs bound on the whole operation, retries included, in ms
 */
public record ClusterClientConfig(List<String> bootstrapServers, ConnectionConfig connection, int maxAttempts,
                                  long retryBackoffMs, long operationTimeoutMs) {
    /** Kafka's default {@code retry.backoff.ms}. */
    public static final long DEFAULT_RETRY_BACKOFF_MS = 100;

    /** Checks the arguments and copies the list. */
    public ClusterClientConfig {
        bootstrapServers = List.copyOf(bootstrapServers);
        Objects.requireNonNull(connection, "connection");
        if (bootstrapServers.isEmpty() || maxAttempts < 1 || retryBackoffMs < 0 || operationTimeoutMs <= 0) {
            throw new IllegalArgumentException("bootstrapServers=" + bootstrapServers + " maxAttempts=" + maxAttempts
                    + " retryBackoffMs=" + retryBackoffMs + " operationTimeoutMs=" + operationTimeoutMs
                    + ": need a server, maxAttempts >= 1, retryBackoffMs >= 0, operationTimeoutMs > 0");
        }
    }

    /**
     * Defaults for a comma-separated {@code --bootstrap-server} value: 10 attempts, 100 ms backoff,
     * 60 s per operation.
     */
    public static ClusterClientConfig forBootstrap(String bootstrapServers, String clientId) {
        List<String> servers = new ArrayList<>();
        for (String server : bootstrapServers.split(",")) {
            if (!server.isBlank()) {
                servers.add(server.trim());
            }
        }
        return new ClusterClientConfig(servers, ConnectionConfig.defaults(clientId), 10, DEFAULT_RETRY_BACKOFF_MS,
                60_000);
    }

    /**
     * Splits {@code host:port} (IPv6 hosts in brackets: {@code [::1]:9092}).
     *
     * @throws IllegalArgumentException if the address has no valid port
     */
    public static HostPort parseAddress(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("address=" + address + " reason=expectedHostColonPort");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address=" + address + " reason=portNotANumber", e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("address=" + address + " port=" + port + " reason=portOutOfRange");
        }
        return new HostPort(host, port);
    }

    /**
     * A parsed address.
     *
     * @param host the host name or IP
     * @param port the port
     */
    public record HostPort(String host, int port) {
    }
}
