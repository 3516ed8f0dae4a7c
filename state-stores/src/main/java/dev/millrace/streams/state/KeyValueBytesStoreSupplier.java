package dev.millrace.streams.state;

import dev.millrace.common.utils.Bytes;

/** Supplies key-value stores over serialized keys and values. */
public interface KeyValueBytesStoreSupplier extends StoreSupplier<KeyValueStore<Bytes, byte[]>> {
}
