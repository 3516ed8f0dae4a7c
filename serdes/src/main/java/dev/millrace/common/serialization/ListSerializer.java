package dev.millrace.common.serialization;

import dev.millrace.common.config.ConfigException;
import dev.millrace.common.errors.SerializationException;
import dev.millrace.common.header.Headers;
import dev.millrace.common.header.RecordHeaders;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a list in Kafka's list format, delegating each entry to an inner serializer. A null list
 * stays null; null entries are allowed.
 *
 * <p>The first byte chooses the layout (all integers big-endian):
 * <pre>
 * VARIABLE_SIZE (flag 1), for any inner serializer:
 *   +------+------------+------------------+--------------+-----+
 *   | 0x01 | size:int32 | entrySize0:int32 | entry0 bytes | ... |   size entries in list order;
 *   +------+------------+------------------+--------------+-----+   entrySize -1 marks a null entry
 *
 * CONSTANT_SIZE (flag 0), when the inner serializer is exactly ShortSerializer (width 2),
 * IntegerSerializer (4), FloatSerializer (4), LongSerializer (8), DoubleSerializer (8) or
 * UUIDSerializer (36):
 *   +------+-----------------+---------------------------+------------+--------------------+
 *   | 0x00 | nullCount:int32 | nullIndex:int32 (x count) | size:int32 | non-null entries   |
 *   +------+-----------------+---------------------------+------------+--------------------+
 *   null indexes ascend; each non-null entry takes exactly the width, without a size prefix
 * </pre>
 * The layout choice depends on the inner serializer's exact class, as in Kafka (a subclass of
 * {@code IntegerSerializer} gets the variable layout).
 *
 * <p>Differences from Kafka, on inputs Kafka would turn into corrupt bytes: in the constant layout an
 * inner serializer whose output is not exactly the fixed width (for example a {@link UUIDSerializer}
 * configured with UTF-16) raises {@link SerializationException}; in the variable layout an inner
 * serializer returning null for a non-null entry writes a null entry.
 *
 * <p>Two ways to create one, as in Kafka. With {@link #ListSerializer(Serializer)} it is ready at
 * once and {@link #configure} is refused. With {@link #ListSerializer()} (used when the serializer is
 * named by class in a client configuration), {@link #configure} must be called exactly once before
 * use: it creates the inner serde named by {@code default.list.key.serde.inner} or
 * {@code default.list.value.serde.inner} (a {@link Serde} class or class name), takes its serializer
 * and configures that with the same configs. A missing or unusable inner class, and a second
 * configuration, raise {@link ConfigException} (Kafka throws its {@code KafkaException} or a
 * {@code ClassCastException} for some of these; ours is a subclass of the former). Serializing before
 * configuration raises {@link IllegalStateException}.
 *
 * <p>Threading: once constructed with an inner serializer or configured, as thread-safe as the inner
 * serializer. {@link #configure} must happen before the instance is shared between threads.
 *
 * @param <Inner> the type of the list entries
 */
public class ListSerializer<Inner> implements Serializer<List<Inner>> {
    private Serializer<Inner> inner;
    private int fixedWidth;
    private boolean configuredByName;

    /**
     * Creates a list serializer whose inner serializer comes from {@link #configure}, which must be
     * called before use.
     */
    public ListSerializer() {
    }

    /**
     * Creates a list serializer over the given entry serializer.
     *
     * @param inner the serializer for the entries; must not be null
     * @throws NullPointerException if {@code inner} is null
     */
    public ListSerializer(Serializer<Inner> inner) {
        this.inner = Objects.requireNonNull(inner, "reason=nullInnerSerializer");
        this.fixedWidth = fixedWidthOf(inner.getClass());
    }

    /**
     * Returns the entry serializer.
     *
     * @return the inner serializer, or null if this instance was created without one and is not
     *     configured yet
     */
    public Serializer<Inner> getInnerSerializer() {
        return inner;
    }

    /**
     * Creates and configures the inner serializer from {@code configs}; only for an instance created
     * with {@link #ListSerializer()}, and only once.
     *
     * @throws ConfigException if the inner serializer was already set (by the constructor or an
     *     earlier call), or the inner serde config is missing or unusable
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (inner != null) {
            throw new ConfigException("reason=alreadyInitialized owner=ListSerializer isKey=" + isKey
                    + " initializedBy=" + (configuredByName ? "configure" : "constructor")
                    + " inner=" + inner.getClass().getName());
        }
        Serializer<Inner> configured = ListSerdeConfig.<Inner>innerSerde(configs, isKey, "ListSerializer")
                .serializer();
        configured.configure(configs, isKey);
        this.fixedWidth = fixedWidthOf(configured.getClass());
        this.inner = configured;
        this.configuredByName = true;
    }

    /** Serializes with empty headers, which the inner serializer sees. */
    @Override
    public byte[] serialize(String topic, List<Inner> data) {
        return serialize(topic, new RecordHeaders(), data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, List<Inner> data) {
        if (data == null) {
            return null;
        }
        if (inner == null) {
            throw new IllegalStateException("reason=notConfigured owner=ListSerializer topic=" + topic);
        }
        int size = data.size();
        byte[][] entries = new byte[size][];
        int nullCount = 0;
        long entryBytes = 0;
        int index = 0;
        for (Inner entry : data) {
            if (index == size) {
                throw new SerializationException("reason=listChangedWhileSerializing topic=" + topic + " size=" + size);
            }
            byte[] bytes = entry == null ? null : inner.serialize(topic, headers, entry);
            if (fixedWidth > 0 && entry != null) {
                checkFixedWidth(topic, index, bytes);
            }
            if (bytes == null) {
                nullCount++;
            } else {
                entryBytes += bytes.length;
            }
            entries[index++] = bytes;
        }
        if (index != size) {
            throw new SerializationException("reason=listChangedWhileSerializing topic=" + topic + " size=" + size
                    + " iterated=" + index);
        }
        long total = fixedWidth > 0
                ? 1L + Integer.BYTES + (long) Integer.BYTES * nullCount + Integer.BYTES + entryBytes
                : 1L + Integer.BYTES + (long) Integer.BYTES * size + entryBytes;
        if (total > Integer.MAX_VALUE - 8) {
            throw new SerializationException("reason=listTooLarge topic=" + topic + " size=" + size
                    + " serializedSize=" + total);
        }
        ByteBuffer out = ByteBuffer.allocate((int) total);
        if (fixedWidth > 0) {
            writeConstantSize(out, entries, nullCount);
        } else {
            writeVariableSize(out, entries);
        }
        return out.array();
    }

    /** Closes the inner serializer, if there is one yet. */
    @Override
    public void close() {
        if (inner != null) {
            inner.close();
        }
    }

    private void checkFixedWidth(String topic, int index, byte[] bytes) {
        int actual = bytes == null ? -1 : bytes.length;
        if (actual != fixedWidth) {
            throw new SerializationException("reason=fixedWidthEntryMismatch serializer="
                    + inner.getClass().getSimpleName() + " topic=" + topic + " index=" + index
                    + " expectedSize=" + fixedWidth + " actualSize=" + actual);
        }
    }

    private static void writeConstantSize(ByteBuffer out, byte[][] entries, int nullCount) {
        out.put(ListFormat.CONSTANT_SIZE_FLAG);
        out.putInt(nullCount);
        for (int i = 0; i < entries.length; i++) {
            if (entries[i] == null) {
                out.putInt(i);
            }
        }
        out.putInt(entries.length);
        for (byte[] entry : entries) {
            if (entry != null) {
                out.put(entry);
            }
        }
    }

    private static void writeVariableSize(ByteBuffer out, byte[][] entries) {
        out.put(ListFormat.VARIABLE_SIZE_FLAG);
        out.putInt(entries.length);
        for (byte[] entry : entries) {
            if (entry == null) {
                out.putInt(ListFormat.NULL_ENTRY_SIZE);
            } else {
                out.putInt(entry.length);
                out.put(entry);
            }
        }
    }

    private static int fixedWidthOf(Class<?> serializerClass) {
        if (serializerClass == ShortSerializer.class) {
            return Short.BYTES;
        }
        if (serializerClass == IntegerSerializer.class || serializerClass == FloatSerializer.class) {
            return Integer.BYTES;
        }
        if (serializerClass == LongSerializer.class || serializerClass == DoubleSerializer.class) {
            return Long.BYTES;
        }
        if (serializerClass == UUIDSerializer.class) {
            return ListFormat.UUID_TEXT_BYTES;
        }
        return 0;
    }
}
