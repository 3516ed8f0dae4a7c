package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.common.utils.Bytes;

/**
 * The key and value serdes of an initialised typed store, applied with the store's changelog topic name
 * ({@code <application.id>-<store>-changelog}) as the topic argument, as Kafka Streams does. Nulls map to nulls.
 * Thread-safe if the serdes are.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class StoreSerdes<K, V> {

    private final String topic;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;

    StoreSerdes(String topic, Serde<K> keySerde, Serde<V> valueSerde) {
        this.topic = topic;
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
    }

    static String changelogTopic(String applicationId, String storeName) {
        return applicationId + "-" + storeName + "-changelog";
    }

    Bytes rawKey(K key) {
        return key == null ? null : Bytes.wrap(keySerde.serializer().serialize(topic, key));
    }

    byte[] rawValue(V value) {
        return value == null ? null : valueSerde.serializer().serialize(topic, value);
    }

    K key(Bytes rawKey) {
        return rawKey == null ? null : keySerde.deserializer().deserialize(topic, rawKey.get());
    }

    V value(byte[] rawValue) {
        return rawValue == null ? null : valueSerde.deserializer().deserialize(topic, rawValue);
    }
}
