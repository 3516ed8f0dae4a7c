package dev.millrace.common.serialization;

import java.nio.ByteBuffer;

/**
 * Writes the bytes of a buffer from index 0 to its limit, ignoring its position, exactly as Kafka
 * 4.x does; null stays null.
 *
 * <p>Side effects and sharing, also as in Kafka: the buffer is rewound (its position is 0 afterwards),
 * and when the buffer is a heap buffer whose backing array is exactly its content (array offset 0,
 * array length equal to the limit) that array itself is returned, not a copy.
 *
 * <p>Stateless; a given buffer must not be serialized from two threads at once because of the
 * rewind.
 */
public class ByteBufferSerializer implements Serializer<ByteBuffer> {

    @Override
    public byte[] serialize(String topic, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        data.rewind();
        if (data.hasArray()) {
            byte[] array = data.array();
            if (data.arrayOffset() == 0 && array.length == data.remaining()) {
                return array;
            }
        }
        byte[] copy = new byte[data.remaining()];
        data.get(copy, 0, copy.length);
        data.rewind();
        return copy;
    }
}
