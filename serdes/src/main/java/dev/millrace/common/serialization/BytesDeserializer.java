package dev.millrace.common.serialization;

import dev.millrace.common.utils.Bytes;

/**
 * Wraps bytes in a {@link Bytes} without copying; null stays null. Stateless and thread-safe.
 */
public class BytesDeserializer implements Deserializer<Bytes> {

    @Override
    public Bytes deserialize(String topic, byte[] data) {
        return Bytes.wrap(data);
    }
}
