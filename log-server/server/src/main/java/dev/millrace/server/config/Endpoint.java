package dev.millrace.server.config;

import java.util.Objects;

/**
 * One listener address from {@code listeners} or {@code advertised.listeners}, as
 * {@code NAME://host:port}. Immutable.
 *
 * @param listenerName the listener name, upper case ({@code PLAINTEXT}, {@code CONTROLLER}, ...)
 * @param host the host name or address; empty means every interface (only meaningful for binding)
 * @param port the port; 0 asks the operating system for a free one when binding
 * @param securityProtocol the security protocol from {@code listener.security.protocol.map}
 */
public record Endpoint(String listenerName, String host, int port, String securityProtocol) {

    /** Checks the fields are present and the port is in {@code [0, 65535]}. */
    public Endpoint {
        Objects.requireNonNull(listenerName, "listenerName");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(securityProtocol, "securityProtocol");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("listener=" + listenerName + " port=" + port + " reason=outOfRange");
        }
    }

    /** Whether the host binds every interface (empty, {@code 0.0.0.0} or {@code ::}). */
    public boolean bindsAllInterfaces() {
        return host.isEmpty() || host.equals("0.0.0.0") || host.equals("::");
    }

    /** This endpoint with another host. */
    public Endpoint withHost(String newHost) {
        return new Endpoint(listenerName, newHost, port, securityProtocol);
    }

    /** The {@code NAME://host:port} form, with an IPv6 address in brackets. */
    @Override
    public String toString() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return listenerName + "://" + shownHost + ":" + port;
    }
}
