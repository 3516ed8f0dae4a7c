package dev.millrace.storage.log;

/** Who is appending: it decides which validation rules apply. */
public enum AppendOrigin {
    /** A producer, through Produce: no control batches, producer-state checks, offsets assigned. */
    CLIENT,
    /** A coordinator writing transaction markers or its own records: control batches allowed. */
    COORDINATOR
}
