package dev.millrace.common.serialization;

import dev.millrace.common.errors.SerializationException;
import dev.millrace.common.header.Headers;
import dev.millrace.common.header.RecordHeaders;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads Kafka's list format (drawn in {@link ListSerializer}) into a new list of the configured
 * class, delegating each non-null entry to an inner deserializer. Null bytes stay null.
 *
 * <p>The constant-size layout can only be read when the inner deserializer is exactly one of
 * {@link ShortDeserializer} (width 2), {@link IntegerDeserializer} (4), {@link FloatDeserializer} (4),
 * {@link LongDeserializer} (8), {@link DoubleDeserializer} (8) or {@link UUIDDeserializer} (36);
 * otherwise such bytes are rejected. The variable-size layout works with any inner deserializer.
 *
 * <p>Validation: every count and size is checked against the bytes that remain before anything is
 * allocated or read; a bad layout flag, a negative or oversized count or entry size, a null index
 * outside the list, truncated bytes and trailing bytes all raise {@link SerializationException}
 * naming the topic, the byte position and the numbers involved. (Kafka accepts trailing bytes and
 * some truncated entries; Millrace rejects them.) A failure of the inner deserializer is rethrown as
 * a {@link SerializationException} naming the entry index, with the original as its cause.
 *
 * <p>The list class needs a public constructor taking an {@code int} capacity or a public
 * no-argument constructor; the capacity one is preferred. Threading: as thread-safe as the inner
 * deserializer.
 *
 * @param <Inner> the type of the list entries
 */
public class ListDeserializer<Inner> implements Deserializer<List<Inner>> {
    private final Deserializer<Inner> inner;
    private final Constructor<? extends List<Inner>> listConstructor;
    private final boolean constructorTakesCapacity;
    private final int fixedWidth;

    /**
     * Creates a list deserializer producing instances of {@code listClass}.
     *
     * @param listClass the concrete list class to instantiate; must not be null
     * @param inner the deserializer for the entries; must not be null
     * @param <L> the list type
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code listClass} has neither a public {@code (int)} nor a
     *     public no-argument constructor
     */
    public <L extends List<Inner>> ListDeserializer(Class<L> listClass, Deserializer<Inner> inner) {
        Objects.requireNonNull(listClass, "reason=nullListClass");
        this.inner = Objects.requireNonNull(inner, "reason=nullInnerDeserializer");
        Constructor<L> constructor;
        boolean takesCapacity;
        try {
            constructor = listClass.getConstructor(int.class);
            takesCapacity = true;
        } catch (NoSuchMethodException noCapacity) {
            try {
                constructor = listClass.getConstructor();
                takesCapacity = false;
            } catch (NoSuchMethodException noDefault) {
                throw new IllegalArgumentException("reason=listClassWithoutPublicConstructor listClass="
                        + listClass.getName(), noDefault);
            }
        }
        this.listConstructor = constructor;
        this.constructorTakesCapacity = takesCapacity;
        this.fixedWidth = fixedWidthOf(inner.getClass());
    }

    /**
     * Returns the entry deserializer.
     *
     * @return the inner deserializer
     */
    public Deserializer<Inner> innerDeserializer() {
        return inner;
    }

    /** Passes the configuration on to the inner deserializer. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    /** Deserializes with empty headers, which the inner deserializer sees. */
    @Override
    public List<Inner> deserialize(String topic, byte[] data) {
        return deserialize(topic, new RecordHeaders(), data);
    }

    @Override
    public List<Inner> deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(data);
        byte flag = readFlag(topic, in);
        List<Inner> list;
        if (flag == ListFormat.CONSTANT_SIZE_FLAG) {
            list = readConstantSize(topic, headers, in);
        } else {
            list = readVariableSize(topic, headers, in);
        }
        if (in.hasRemaining()) {
            throw corrupt("trailingBytes", topic, in, "trailingBytes=" + in.remaining());
        }
        return list;
    }

    /** Closes the inner deserializer. */
    @Override
    public void close() {
        inner.close();
    }

    private byte readFlag(String topic, ByteBuffer in) {
        need(topic, in, 1, "serializationStrategy");
        byte flag = in.get();
        if (flag != ListFormat.CONSTANT_SIZE_FLAG && flag != ListFormat.VARIABLE_SIZE_FLAG) {
            throw corrupt("unknownSerializationStrategy", topic, in, "flag=" + flag);
        }
        if (flag == ListFormat.CONSTANT_SIZE_FLAG && fixedWidth == 0) {
            throw corrupt("constantSizeNeedsFixedWidthInner", topic, in,
                    "innerDeserializer=" + inner.getClass().getName());
        }
        return flag;
    }

    private List<Inner> readConstantSize(String topic, Headers headers, ByteBuffer in) {
        int nullCount = readCount(topic, in, Integer.BYTES, "nullCount");
        int[] nullIndexes = new int[nullCount];
        for (int i = 0; i < nullCount; i++) {
            nullIndexes[i] = in.getInt();
        }
        int size = readCount(topic, in, 0, "size");
        // Distinct nulls are at most nullCount, so at least size - nullCount entries need bytes; checking
        // that first bounds size by the input length before anything is sized by it.
        need(topic, in, Math.max(0L, (long) size - nullCount) * fixedWidth, "fixedWidthEntries");
        BitSet nulls = new BitSet(size);
        for (int index : nullIndexes) {
            if (index < 0 || index >= size) {
                throw corrupt("nullIndexOutOfRange", topic, in, "nullIndex=" + index + " size=" + size);
            }
            nulls.set(index);
        }
        int present = size - nulls.cardinality();
        need(topic, in, (long) present * fixedWidth, "fixedWidthEntries");
        List<Inner> list = newList(topic, size);
        for (int i = 0; i < size; i++) {
            if (nulls.get(i)) {
                list.add(null);
            } else {
                byte[] entry = new byte[fixedWidth];
                in.get(entry);
                list.add(readEntry(topic, headers, i, entry));
            }
        }
        return list;
    }

    private List<Inner> readVariableSize(String topic, Headers headers, ByteBuffer in) {
        int size = readCount(topic, in, Integer.BYTES, "size");
        List<Inner> list = newList(topic, size);
        for (int i = 0; i < size; i++) {
            need(topic, in, Integer.BYTES, "entrySize");
            int entrySize = in.getInt();
            if (entrySize == ListFormat.NULL_ENTRY_SIZE) {
                list.add(null);
                continue;
            }
            if (entrySize < 0) {
                throw corrupt("negativeEntrySize", topic, in, "index=" + i + " entrySize=" + entrySize);
            }
            need(topic, in, entrySize, "entry");
            byte[] entry = new byte[entrySize];
            in.get(entry);
            list.add(readEntry(topic, headers, i, entry));
        }
        return list;
    }

    /**
     * Reads a non-negative count; when {@code minBytesEach > 0}, also checks that the remaining bytes
     * can hold that many items of at least that size, so that a corrupt count cannot force a large
     * allocation.
     */
    private static int readCount(String topic, ByteBuffer in, int minBytesEach, String field) {
        need(topic, in, Integer.BYTES, field);
        int count = in.getInt();
        if (count < 0) {
            throw corrupt("negativeCount", topic, in, "field=" + field + " count=" + count);
        }
        if ((long) count * minBytesEach > in.remaining()) {
            throw corrupt("countExceedsBytes", topic, in, "field=" + field + " count=" + count
                    + " remaining=" + in.remaining());
        }
        return count;
    }

    private Inner readEntry(String topic, Headers headers, int index, byte[] entry) {
        try {
            return inner.deserialize(topic, headers, entry);
        } catch (SerializationException e) {
            throw new SerializationException("reason=entryFailed topic=" + topic + " index=" + index
                    + " entrySize=" + entry.length, e);
        }
    }

    private List<Inner> newList(String topic, int size) {
        try {
            return constructorTakesCapacity ? listConstructor.newInstance(size) : listConstructor.newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new SerializationException("reason=listInstantiationFailed topic=" + topic
                    + " listClass=" + listConstructor.getDeclaringClass().getName(), e);
        }
    }

    private static void need(String topic, ByteBuffer in, long bytes, String field) {
        if (bytes > in.remaining()) {
            throw corrupt("truncated", topic, in, "field=" + field + " needed=" + bytes
                    + " remaining=" + in.remaining());
        }
    }

    private static SerializationException corrupt(String reason, String topic, ByteBuffer in, String facts) {
        return new SerializationException("reason=" + reason + " deserializer=ListDeserializer topic=" + topic
                + " position=" + in.position() + " " + facts);
    }

    private static int fixedWidthOf(Class<?> deserializerClass) {
        if (deserializerClass == ShortDeserializer.class) {
            return Short.BYTES;
        }
        if (deserializerClass == IntegerDeserializer.class || deserializerClass == FloatDeserializer.class) {
            return Integer.BYTES;
        }
        if (deserializerClass == LongDeserializer.class || deserializerClass == DoubleDeserializer.class) {
            return Long.BYTES;
        }
        if (deserializerClass == UUIDDeserializer.class) {
            return ListFormat.UUID_TEXT_BYTES;
        }
        return 0;
    }
}
