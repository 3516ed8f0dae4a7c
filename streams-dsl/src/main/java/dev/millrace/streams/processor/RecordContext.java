package dev.millrace.streams.processor;

import dev.millrace.common.header.Headers;

/** STUB. */
public interface RecordContext {
    /** @return t */
    String topic();
    /** @return p */
    int partition();
    /** @return o */
    long offset();
    /** @return ts */
    long timestamp();
    /** @return h */
    Headers headers();
    /** @return k */
    byte[] sourceRawKey();
    /** @return v */
    byte[] sourceRawValue();
}
