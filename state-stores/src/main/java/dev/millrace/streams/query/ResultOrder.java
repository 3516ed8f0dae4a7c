package dev.millrace.streams.query;

/** The order in which a range or multi-version query returns its records. */
public enum ResultOrder {
    /** The store picks the order that is cheapest for it. */
    ANY,
    /** Ascending: by serialized key bytes for key ranges, by timestamp for versions. */
    ASCENDING,
    /** Descending: by serialized key bytes for key ranges, by timestamp for versions. */
    DESCENDING
}
