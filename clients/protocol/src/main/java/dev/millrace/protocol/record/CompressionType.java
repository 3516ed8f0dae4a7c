package dev.millrace.protocol.record;

/**
 * The codec of a record batch's records section, stored in bits 0-2 of the batch attributes. Ids and
 * names are those of Apache Kafka's enum of the same name.
 *
 * <table>
 *   <caption>Codecs and their wire formats</caption>
 *   <tr><th>id</th><th>name</th><th>records section holds</th></tr>
 *   <tr><td>0</td><td>none</td><td>the records as they are</td></tr>
 *   <tr><td>1</td><td>gzip</td><td>one or more RFC 1952 gzip members</td></tr>
 *   <tr><td>2</td><td>snappy</td><td>xerial snappy-java stream framing (or one raw snappy block)</td></tr>
 *   <tr><td>3</td><td>lz4</td><td>one LZ4 frame with independent blocks (Kafka's frame writer)</td></tr>
 *   <tr><td>4</td><td>zstd</td><td>one or more zstd frames</td></tr>
 * </table>
 *
 * <p>Ids 5-7 are unassigned: a batch carrying one is corrupt. Immutable and thread-safe.
 */
public enum CompressionType {
    /** Records are stored uncompressed. */
    NONE(0, "none"),
    /** Deflate in gzip framing, from the JDK. */
    GZIP(1, "gzip"),
    /** Snappy in xerial snappy-java stream framing. */
    SNAPPY(2, "snappy"),
    /** LZ4 blocks in an LZ4 frame. */
    LZ4(3, "lz4"),
    /** Zstandard frames. */
    ZSTD(4, "zstd");

    private static final CompressionType[] BY_ID = values();

    /** Wire id, 0-4. */
    public final int id;
    /** Name used in configuration values ({@code compression.type}). */
    public final String name;

    CompressionType(int id, String name) {
        this.id = id;
        this.name = name;
    }

    /**
     * Returns the codec with wire id {@code id}.
     *
     * @throws IllegalArgumentException if no codec has that id
     */
    public static CompressionType forId(int id) {
        if (id < 0 || id >= BY_ID.length) {
            throw new IllegalArgumentException("reason=unknownCompressionType compressionTypeId=" + id);
        }
        return BY_ID[id];
    }

    /**
     * Returns the codec named {@code name} (lower case, as in configuration).
     *
     * @throws IllegalArgumentException if no codec has that name
     */
    public static CompressionType forName(String name) {
        for (CompressionType type : BY_ID) {
            if (type.name.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("reason=unknownCompressionType compressionTypeName=" + name);
    }

    @Override
    public String toString() {
        return name;
    }
}
