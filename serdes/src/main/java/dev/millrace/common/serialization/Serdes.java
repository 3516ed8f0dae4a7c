package dev.millrace.common.serialization;

import dev.millrace.common.header.Headers;
import dev.millrace.common.utils.Bytes;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Factory for the built-in serdes, whose bytes are identical to those of Apache Kafka's built-ins so
 * that data written by either side reads on the other. Each factory method returns a new instance.
 *
 * <table>
 *   <caption>Built-in formats</caption>
 *   <tr><th>Serde</th><th>Bytes</th></tr>
 *   <tr><td>String</td><td>the text in the configured encoding (UTF-8 by default)</td></tr>
 *   <tr><td>Short, Integer, Long</td><td>2, 4, 8 bytes, big-endian two's complement</td></tr>
 *   <tr><td>Float, Double</td><td>4, 8 bytes, big-endian IEEE 754 bits (float raw, double
 *     canonical NaN)</td></tr>
 *   <tr><td>Boolean</td><td>one byte, 1 or 0</td></tr>
 *   <tr><td>UUID</td><td>the 36-character text form in the configured encoding</td></tr>
 *   <tr><td>Void</td><td>always null</td></tr>
 *   <tr><td>ByteArray, ByteBuffer, Bytes</td><td>the bytes themselves</td></tr>
 *   <tr><td>ListSerde</td><td>Kafka's list format, see {@link ListSerializer}</td></tr>
 * </table>
 *
 * <p>Every serializer maps null to null and every deserializer maps null to null (Void accepts only
 * null). Threading: the returned serdes are thread-safe once configured.
 */
public final class Serdes {

    private Serdes() {
    }

    /**
     * A serde made of a given serializer and deserializer; configuring or closing it configures or
     * closes both halves. Thread-safe as far as its halves are.
     *
     * @param <T> the type of the values
     */
    public static class WrapperSerde<T> implements Serde<T> {
        private final Serializer<T> serializer;
        private final Deserializer<T> deserializer;

        /**
         * Creates a serde from two halves.
         *
         * @param serializer the serializer half; must not be null
         * @param deserializer the deserializer half; must not be null
         * @throws NullPointerException if an argument is null
         */
        public WrapperSerde(Serializer<T> serializer, Deserializer<T> deserializer) {
            this.serializer = Objects.requireNonNull(serializer, "reason=nullSerializer");
            this.deserializer = Objects.requireNonNull(deserializer, "reason=nullDeserializer");
        }

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
            serializer.configure(configs, isKey);
            deserializer.configure(configs, isKey);
        }

        @Override
        public void close() {
            serializer.close();
            deserializer.close();
        }

        @Override
        public Serializer<T> serializer() {
            return serializer;
        }

        @Override
        public Deserializer<T> deserializer() {
            return deserializer;
        }
    }

    /** The String serde: {@link StringSerializer} and {@link StringDeserializer}. */
    public static final class StringSerde extends WrapperSerde<String> {
        /** Creates the serde with UTF-8 until configured otherwise. */
        public StringSerde() {
            super(new StringSerializer(), new StringDeserializer());
        }
    }

    /** The Short serde: {@link ShortSerializer} and {@link ShortDeserializer}. */
    public static final class ShortSerde extends WrapperSerde<Short> {
        /** Creates the serde. */
        public ShortSerde() {
            super(new ShortSerializer(), new ShortDeserializer());
        }
    }

    /** The Integer serde: {@link IntegerSerializer} and {@link IntegerDeserializer}. */
    public static final class IntegerSerde extends WrapperSerde<Integer> {
        /** Creates the serde. */
        public IntegerSerde() {
            super(new IntegerSerializer(), new IntegerDeserializer());
        }
    }

    /** The Long serde: {@link LongSerializer} and {@link LongDeserializer}. */
    public static final class LongSerde extends WrapperSerde<Long> {
        /** Creates the serde. */
        public LongSerde() {
            super(new LongSerializer(), new LongDeserializer());
        }
    }

    /** The Float serde: {@link FloatSerializer} and {@link FloatDeserializer}. */
    public static final class FloatSerde extends WrapperSerde<Float> {
        /** Creates the serde. */
        public FloatSerde() {
            super(new FloatSerializer(), new FloatDeserializer());
        }
    }

    /** The Double serde: {@link DoubleSerializer} and {@link DoubleDeserializer}. */
    public static final class DoubleSerde extends WrapperSerde<Double> {
        /** Creates the serde. */
        public DoubleSerde() {
            super(new DoubleSerializer(), new DoubleDeserializer());
        }
    }

    /** The Boolean serde: {@link BooleanSerializer} and {@link BooleanDeserializer}. */
    public static final class BooleanSerde extends WrapperSerde<Boolean> {
        /** Creates the serde. */
        public BooleanSerde() {
            super(new BooleanSerializer(), new BooleanDeserializer());
        }
    }

    /** The UUID serde: {@link UUIDSerializer} and {@link UUIDDeserializer}. */
    public static final class UUIDSerde extends WrapperSerde<UUID> {
        /** Creates the serde with UTF-8 until configured otherwise. */
        public UUIDSerde() {
            super(new UUIDSerializer(), new UUIDDeserializer());
        }
    }

    /** The Void serde: {@link VoidSerializer} and {@link VoidDeserializer}. */
    public static final class VoidSerde extends WrapperSerde<Void> {
        /** Creates the serde. */
        public VoidSerde() {
            super(new VoidSerializer(), new VoidDeserializer());
        }
    }

    /** The byte-array serde: {@link ByteArraySerializer} and {@link ByteArrayDeserializer}. */
    public static final class ByteArraySerde extends WrapperSerde<byte[]> {
        /** Creates the serde. */
        public ByteArraySerde() {
            super(new ByteArraySerializer(), new ByteArrayDeserializer());
        }
    }

    /** The ByteBuffer serde: {@link ByteBufferSerializer} and {@link ByteBufferDeserializer}. */
    public static final class ByteBufferSerde extends WrapperSerde<ByteBuffer> {
        /** Creates the serde. */
        public ByteBufferSerde() {
            super(new ByteBufferSerializer(), new ByteBufferDeserializer());
        }
    }

    /** The {@link Bytes} serde: {@link BytesSerializer} and {@link BytesDeserializer}. */
    public static final class BytesSerde extends WrapperSerde<Bytes> {
        /** Creates the serde. */
        public BytesSerde() {
            super(new BytesSerializer(), new BytesDeserializer());
        }
    }

    /**
     * The list serde: {@link ListSerializer} and {@link ListDeserializer} over an entry serde.
     * Created with {@link #ListSerde(Class, Serde)} it is ready at once and refuses
     * {@link #configure}; created with {@link #ListSerde()} (the constructor Kafka clients and Streams
     * use for a serde named by class) it must be configured once before use, from the
     * {@code default.list.(key|value).serde.inner} and {@code default.list.(key|value).serde.type}
     * configs as described in {@link ListSerializer} and {@link ListDeserializer}. Either half raises
     * {@link dev.millrace.common.config.ConfigException} for a missing or unusable value.
     *
     * @param <Inner> the type of the list entries
     */
    public static final class ListSerde<Inner> extends WrapperSerde<List<Inner>> {
        /** Creates a list serde whose list class and entry serde come from {@link #configure}. */
        public ListSerde() {
            super(new ListSerializer<>(), new ListDeserializer<>());
        }

        /**
         * Creates a list serde.
         *
         * @param listClass the concrete list class the deserializer creates
         * @param serde the serde of the entries
         * @param <L> the list type
         * @throws IllegalArgumentException if {@code listClass} has no usable public constructor
         */
        public <L extends List<Inner>> ListSerde(Class<L> listClass, Serde<Inner> serde) {
            super(new ListSerializer<>(serde.serializer()), new ListDeserializer<>(listClass, serde.deserializer()));
        }
    }

    /**
     * Returns a new String serde.
     *
     * @return the serde
     */
    public static Serde<String> String() {
        return new StringSerde();
    }

    /**
     * Returns a new Short serde.
     *
     * @return the serde
     */
    public static Serde<Short> Short() {
        return new ShortSerde();
    }

    /**
     * Returns a new Integer serde.
     *
     * @return the serde
     */
    public static Serde<Integer> Integer() {
        return new IntegerSerde();
    }

    /**
     * Returns a new Long serde.
     *
     * @return the serde
     */
    public static Serde<Long> Long() {
        return new LongSerde();
    }

    /**
     * Returns a new Float serde.
     *
     * @return the serde
     */
    public static Serde<Float> Float() {
        return new FloatSerde();
    }

    /**
     * Returns a new Double serde.
     *
     * @return the serde
     */
    public static Serde<Double> Double() {
        return new DoubleSerde();
    }

    /**
     * Returns a new Boolean serde.
     *
     * @return the serde
     */
    public static Serde<Boolean> Boolean() {
        return new BooleanSerde();
    }

    /**
     * Returns a new UUID serde.
     *
     * @return the serde
     */
    public static Serde<UUID> UUID() {
        return new UUIDSerde();
    }

    /**
     * Returns a new Void serde.
     *
     * @return the serde
     */
    public static Serde<Void> Void() {
        return new VoidSerde();
    }

    /**
     * Returns a new byte-array serde.
     *
     * @return the serde
     */
    public static Serde<byte[]> ByteArray() {
        return new ByteArraySerde();
    }

    /**
     * Returns a new ByteBuffer serde.
     *
     * @return the serde
     */
    public static Serde<ByteBuffer> ByteBuffer() {
        return new ByteBufferSerde();
    }

    /**
     * Returns a new {@link Bytes} serde.
     *
     * @return the serde
     */
    public static Serde<Bytes> Bytes() {
        return new BytesSerde();
    }

    /**
     * Returns a new list serde.
     *
     * @param listClass the concrete list class the deserializer creates
     * @param innerSerde the serde of the entries
     * @param <L> the list type
     * @param <Inner> the type of the list entries
     * @return the serde
     */
    public static <L extends List<Inner>, Inner> Serde<List<Inner>> ListSerde(Class<L> listClass,
            Serde<Inner> innerSerde) {
        return new ListSerde<>(listClass, innerSerde);
    }

    /**
     * Returns a serde made of the given halves.
     *
     * @param serializer the serializer; must not be null
     * @param deserializer the deserializer; must not be null
     * @param <T> the type of the values
     * @return a {@link WrapperSerde} over the two
     * @throws IllegalArgumentException if an argument is null
     */
    public static <T> Serde<T> serdeFrom(Serializer<T> serializer, Deserializer<T> deserializer) {
        if (serializer == null) {
            throw new IllegalArgumentException("reason=nullSerializer");
        }
        if (deserializer == null) {
            throw new IllegalArgumentException("reason=nullDeserializer");
        }
        return new WrapperSerde<>(serializer, deserializer);
    }

    /**
     * Returns the built-in serde for a type: String, Short, Integer, Long, Float, Double, byte[],
     * ByteBuffer, Bytes, UUID or Boolean. Unlike Kafka, which returns the built-in serde itself under
     * an unchecked cast, the result is a {@link WrapperSerde} whose halves delegate to the built-in
     * ones and check each value against {@code type} at run time; configuring or closing it reaches the
     * built-in halves.
     *
     * @param type the value type
     * @param <T> the value type
     * @return a serde for {@code type}
     * @throws IllegalArgumentException if there is no built-in serde for {@code type}
     */
    public static <T> Serde<T> serdeFrom(Class<T> type) {
        if (String.class.isAssignableFrom(type)) {
            return typed(type, String.class, String());
        } else if (Short.class.isAssignableFrom(type)) {
            return typed(type, Short.class, Short());
        } else if (Integer.class.isAssignableFrom(type)) {
            return typed(type, Integer.class, Integer());
        } else if (Long.class.isAssignableFrom(type)) {
            return typed(type, Long.class, Long());
        } else if (Float.class.isAssignableFrom(type)) {
            return typed(type, Float.class, Float());
        } else if (Double.class.isAssignableFrom(type)) {
            return typed(type, Double.class, Double());
        } else if (byte[].class.isAssignableFrom(type)) {
            return typed(type, byte[].class, ByteArray());
        } else if (ByteBuffer.class.isAssignableFrom(type)) {
            return typed(type, ByteBuffer.class, ByteBuffer());
        } else if (Bytes.class.isAssignableFrom(type)) {
            return typed(type, Bytes.class, Bytes());
        } else if (UUID.class.isAssignableFrom(type)) {
            return typed(type, UUID.class, UUID());
        } else if (Boolean.class.isAssignableFrom(type)) {
            return typed(type, Boolean.class, Boolean());
        }
        throw new IllegalArgumentException("reason=noBuiltInSerde type=" + type.getName()
                + " supported=String,Short,Integer,Long,Float,Double,ByteArray,ByteBuffer,Bytes,UUID,Boolean");
    }

    /** Adapts a built-in serde of {@code U} to {@code T}, with checked casts in both directions. */
    private static <T, U> Serde<T> typed(Class<T> type, Class<U> builtInType, Serde<U> builtIn) {
        Serializer<U> serializer = builtIn.serializer();
        Deserializer<U> deserializer = builtIn.deserializer();
        return new WrapperSerde<>(new Serializer<T>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                serializer.configure(configs, isKey);
            }

            @Override
            public byte[] serialize(String topic, T data) {
                return serializer.serialize(topic, builtInType.cast(data));
            }

            @Override
            public byte[] serialize(String topic, Headers headers, T data) {
                return serializer.serialize(topic, headers, builtInType.cast(data));
            }

            @Override
            public void close() {
                serializer.close();
            }
        }, new Deserializer<T>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                deserializer.configure(configs, isKey);
            }

            @Override
            public T deserialize(String topic, byte[] data) {
                return type.cast(deserializer.deserialize(topic, data));
            }

            @Override
            public T deserialize(String topic, Headers headers, byte[] data) {
                return type.cast(deserializer.deserialize(topic, headers, data));
            }

            @Override
            public T deserialize(String topic, Headers headers, ByteBuffer data) {
                return type.cast(deserializer.deserialize(topic, headers, data));
            }

            @Override
            public void close() {
                deserializer.close();
            }
        });
    }
}
