package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The operations of a key-value store over bytes, implemented by Millrace stores, Kafka Streams' stores and
 * models, so that one random driver can compare them. Scans return fully drained results as text.
 */
interface KeyValueOps {

    void put(Bytes key, byte[] value);

    byte[] putIfAbsent(Bytes key, byte[] value);

    void putAll(List<Map.Entry<Bytes, byte[]>> entries);

    byte[] delete(Bytes key);

    byte[] get(Bytes key);

    /** Opens a scan: kind is range, reverseRange, all, reverseAll or prefix; bounds may be null. */
    Iterator<Map.Entry<Bytes, byte[]>> scan(String kind, Bytes from, Bytes to);

    long count();

    static String text(Bytes key, byte[] value) {
        return key + "=" + Arrays.toString(value);
    }

    static List<String> drain(Iterator<Map.Entry<Bytes, byte[]>> iterator) {
        List<String> out = new ArrayList<>();
        while (iterator.hasNext()) {
            Map.Entry<Bytes, byte[]> next = iterator.next();
            out.add(text(next.getKey(), next.getValue()));
        }
        return out;
    }
}
