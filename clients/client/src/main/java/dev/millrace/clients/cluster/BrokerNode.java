package dev.millrace.clients.cluster;

/**
 * A broker as Metadata describes it. Immutable.
 *
 * @param id the broker id
 * @param host the advertised host
 * @param port the advertised port
 * @param rack the rack, or null
 */
public record BrokerNode(int id, String host, int port, String rack) {
}
