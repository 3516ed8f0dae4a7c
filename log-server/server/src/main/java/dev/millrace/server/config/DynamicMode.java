package dev.millrace.server.config;

/**
 * Whether and where a broker key can be changed while the server runs (IncrementalAlterConfigs on a
 * BROKER resource), with Kafka's names for the three modes.
 */
public enum DynamicMode {
    /** Only {@code server.properties} (or a command-line override) sets it; a restart applies it. */
    READ_ONLY("read-only"),
    /** Can be changed for one broker (resource name = node id), not as a cluster default. */
    PER_BROKER("per-broker"),
    /** Can be changed for one broker or as the cluster-wide default (resource name empty). */
    CLUSTER_WIDE("cluster-wide");

    private final String label;

    DynamicMode(String label) {
        this.label = label;
    }

    /** Kafka's label for the mode, as its documentation prints it. */
    public String label() {
        return label;
    }
}
