package dev.millrace.common.serialization;

/**
 * Writes a double as the 8 big-endian bytes of its IEEE 754 bit pattern in canonical form
 * ({@link Double#doubleToLongBits(double)}: every NaN is written as {@code 0x7ff8000000000000}, as
 * Kafka does); null stays null. Stateless and thread-safe.
 */
public class DoubleSerializer implements Serializer<Double> {

    @Override
    public byte[] serialize(String topic, Double data) {
        return data == null ? null : FixedWidth.writeLong(Double.doubleToLongBits(data));
    }
}
