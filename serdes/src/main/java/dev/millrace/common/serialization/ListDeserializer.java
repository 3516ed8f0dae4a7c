package dev.millrace.common.serialization;

import dev.millrace.common.config.ConfigException;
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
 * no-argument constructor; the capacity one is preferred.
 *
 * <p>Two ways to create one, as in Kafka. With {@link #ListDeserializer(Class, Deserializer)} it is
 * ready at once and {@link #configure} is refused. With {@link #ListDeserializer()} (used when the
 * deserializer is named by class in a client configuration), {@link #configure} must be called
 * exactly once before use: it reads the list class from {@code default.list.key.serde.type} or
 * {@code default.list.value.serde.type}, then creates the inner serde named by
 * {@code default.list.key.serde.inner} or {@code default.list.value.serde.inner} and configures its
 * deserializer with the same configs (each value a class or a class name). A missing or unusable
 * value, and a second configuration, raise {@link ConfigException}. Kafka defers some of these checks
 * (a list class that is not a {@link List} or has no usable constructor) to the first deserialization
 * and throws other types for some; Millrace checks everything at configuration. Deserializing before
 * configuration raises {@link IllegalStateException}.
 *
 * <p>Threading: once constructed with its arguments or configured, as thread-safe as the inner
 * deserializer. {@link #configure} must happen before the instance is shared between threads.
 *
 * @param <Inner> the type of the list entries
 */
public class ListDeserializer<Inner> implements Deserializer<List<Inner>> {
    private Deserializer<Inner> inner;
    private ListConstructor<Inner> listConstructor;
    private int fixedWidth;
    private boolean configuredByName;

    /**
     * Creates a list deserializer whose list class and inner deserializer come from
     * {@link #configure}, which must be called before use.
     */
    public ListDeserializer() {
    }

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
        try {
            this.listConstructor = ListConstructor.of(listClass);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("reason=listClassWithoutPublicConstructor listClass="
                    + listClass.getName(), e);
        }
        this.fixedWidth = fixedWidthOf(inner.getClass());
    }

    /**
     * Returns the entry deserializer.
     *
     * @return the inner deserializer, or null if this instance was created without one and is not
     *     configured yet
     */
    public Deserializer<Inner> innerDeserializer() {
        return inner;
    }

    /**
     * Reads the list class and creates and configures the inner deserializer from {@code configs};
     * only for an instance created with {@link #ListDeserializer()}, and only once.
     *
     * @throws ConfigException if the list class and inner deserializer were already set (by the
     *     constructor or an earlier call), or a list serde config is missing or unusable
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (inner != null) {
            throw new ConfigException("reason=alreadyInitialized owner=ListDeserializer isKey=" + isKey
                    + " initializedBy=" + (configuredByName ? "configure" : "constructor")
                    + " listClass=" + listConstructor.listClass().getName() + " inner=" + inner.getClass().getName());
        }
        Class<? extends List<Inner>> listClass = ListSerdeConfig.listClass(configs, isKey, "ListDeserializer");
        ListConstructor<Inner> constructor;
        try {
            constructor = ListConstructor.of(listClass);
        } catch (NoSuchMethodException e) {
            ConfigException failure = new ConfigException(ListSerdeConfig.typeKey(isKey), listClass.getName(),
                    "reason=listClassWithoutPublicConstructor owner=ListDeserializer isKey=" + isKey);
            failure.initCause(e);
            throw failure;
        }
        Deserializer<Inner> configured = ListSerdeConfig.<Inner>innerSerde(configs, isKey, "ListDeserializer")
                .deserializer();
        configured.configure(configs, isKey);
        this.fixedWidth = fixedWidthOf(configured.getClass());
        this.listConstructor = constructor;
        this.inner = configured;
        this.configuredByName = true;
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
        if (inner == null) {
            throw new IllegalStateException("reason=notConfigured owner=ListDeserializer topic=" + topic);
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

    /** Closes the inner deserializer, if there is one yet. */
    @Override
    public void close() {
        if (inner != null) {
            inner.close();
        }
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
            return listConstructor.newList(size);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new SerializationException("reason=listInstantiationFailed topic=" + topic
                    + " listClass=" + listConstructor.listClass().getName(), e);
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

    /** The public constructor of a list class, preferring the one taking an {@code int} capacity. */
    private record ListConstructor<E>(Constructor<? extends List<E>> constructor, boolean takesCapacity) {

        static <E, L extends List<E>> ListConstructor<E> of(Class<L> listClass) throws NoSuchMethodException {
            try {
                return new ListConstructor<>(listClass.getConstructor(int.class), true);
            } catch (NoSuchMethodException noCapacity) {
                return new ListConstructor<>(listClass.getConstructor(), false);
            }
        }

        Class<?> listClass() {
            return constructor.getDeclaringClass();
        }

        List<E> newList(int size) throws InstantiationException, IllegalAccessException, InvocationTargetException {
            return takesCapacity ? constructor.newInstance(size) : constructor.newInstance();
        }
    }
}
