package dev.millrace.protocol.message;

import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;

/**
 * Apache Kafka's generated codec for the message that has the same class name as ours
 * ({@code org.apache.kafka.common.message.<Name>}), used as the oracle: read bytes with Kafka's
 * parser and write them back with Kafka's writer.
 */
final class KafkaCodec {
    private KafkaCodec() {
    }

    /** Parses {@code bytes} with Kafka's class for {@code className} and re-encodes the result. */
    static ByteBuffer reencode(String className, ByteBuffer bytes, short version) throws ReflectiveOperationException {
        Object kafka = parse(className, bytes, version);
        org.apache.kafka.common.protocol.Message message = (org.apache.kafka.common.protocol.Message) kafka;
        ObjectSerializationCache cache = new ObjectSerializationCache();
        int size = message.size(cache, version);
        ByteBuffer out = ByteBuffer.allocate(size);
        message.write(new ByteBufferAccessor(out), cache, version);
        return out.flip();
    }

    static Object parse(String className, ByteBuffer bytes, short version) throws ReflectiveOperationException {
        Class<?> type = Class.forName("org.apache.kafka.common.message." + className);
        Constructor<?> constructor = type.getConstructor(org.apache.kafka.common.protocol.Readable.class, short.class);
        ByteBufferAccessor accessor = new ByteBufferAccessor(bytes.duplicate());
        return constructor.newInstance(accessor, version);
    }
}
