package dev.millrace.clients.network;

import java.util.Objects;

/**
 * Settings of a {@link BlockingConnection}, under the meaning of Kafka's client configs of the same
 * purpose ({@code client.id}, {@code socket.connection.setup.timeout.ms}, {@code request.timeout.ms}).
 * Immutable.
 *
 * @param clientId the client id sent in every request header (may be empty, never null)
 * @param connectTimeoutMs how long opening the TCP connection may take, in ms ({@code > 0})
 * @param requestTimeoutMs how long to wait for one response, in ms ({@code > 0})
 * @param maxResponseBytes largest response frame accepted, in bytes ({@code > 0})
 */
public record ConnectionConfig(String clientId, int connectTimeoutMs, int requestTimeoutMs, int maxResponseBytes) {
    /** Kafka's default request timeout: 30 s. */
    public static final int DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
    /** Connect timeout used by {@link #defaults(String)}: 10 s (Kafka's connection setup timeout). */
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    /** Largest response frame used by {@link #defaults(String)}: 100 MiB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 100 * 1024 * 1024;

    /** Checks the arguments. */
    public ConnectionConfig {
        Objects.requireNonNull(clientId, "clientId");
        if (connectTimeoutMs <= 0 || requestTimeoutMs <= 0 || maxResponseBytes <= 0) {
            throw new IllegalArgumentException("connectTimeoutMs=" + connectTimeoutMs + " requestTimeoutMs="
                    + requestTimeoutMs + " maxResponseBytes=" + maxResponseBytes + ": all must be > 0");
        }
    }

    /** The defaults with the given client id. */
    public static ConnectionConfig defaults(String clientId) {
        return new ConnectionConfig(clientId, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS,
                DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** A copy with another request timeout. */
    public ConnectionConfig withRequestTimeoutMs(int timeoutMs) {
        return new ConnectionConfig(clientId, connectTimeoutMs, timeoutMs, maxResponseBytes);
    }
}
