package dev.millrace.server.network;

/**
 * What the network layer needs from the server configuration.
 *
 * @param host address to bind ({@code ""} or {@code 0.0.0.0} = every interface)
 * @param port port to bind (0 = an ephemeral port, see {@link NettyServer#port()})
 * @param maxRequestBytes {@code socket.request.max.bytes}: a larger frame closes the connection
 * @param connectionsMaxIdleMs {@code connections.max.idle.ms}: idle connections are closed after this
 * @param maxConnections {@code max.connections}: connections beyond it are closed at once
 * @param networkThreads {@code num.network.threads}: Netty event loops
 */
public record NetworkConfig(String host, int port, int maxRequestBytes, long connectionsMaxIdleMs, int maxConnections,
                            int networkThreads) {
    public NetworkConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port=" + port + " reason=outOfRange");
        }
        if (maxRequestBytes <= 0 || maxConnections <= 0 || networkThreads <= 0 || connectionsMaxIdleMs <= 0) {
            throw new IllegalArgumentException("maxRequestBytes=" + maxRequestBytes + " maxConnections="
                    + maxConnections + " networkThreads=" + networkThreads + " connectionsMaxIdleMs="
                    + connectionsMaxIdleMs + " reason=mustBePositive");
        }
    }
}
