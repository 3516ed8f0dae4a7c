package dev.millrace.server.cluster;

/**
 * Where clients reach a broker (its advertised listener).
 *
 * @param nodeId broker id
 * @param host advertised host
 * @param port advertised port
 * @param rack rack id, or null
 */
public record BrokerEndpoint(int nodeId, String host, int port, String rack) {
}
