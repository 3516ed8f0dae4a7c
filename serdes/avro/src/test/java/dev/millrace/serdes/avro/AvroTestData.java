package dev.millrace.serdes.avro;

import dev.millrace.serdes.avro.testrecords.Order;
import dev.millrace.serdes.avro.testrecords.OrderLine;
import dev.millrace.serdes.avro.testrecords.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Random values for the serde tests, and Avro's own encoding as the byte-level reference. */
final class AvroTestData {
    private AvroTestData() {
    }

    static String randomString(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            text.appendCodePoint(kind == 0 ? 0x4e00 + random.nextInt(500) : kind == 1 ? 0x1F600 + random.nextInt(40)
                    : 'a' + random.nextInt(26));
        }
        return text.toString();
    }

    static Order randomOrder(Random random) {
        List<OrderLine> lines = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            lines.add(OrderLine.newBuilder().setSku(randomString(random)).setQuantity(random.nextInt())
                    .setPrice(random.nextDouble() * 1000).build());
        }
        Map<String, String> attributes = new HashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            attributes.put(randomString(random), randomString(random));
        }
        byte[] payload = new byte[random.nextInt(20)];
        random.nextBytes(payload);
        return Order.newBuilder().setId(random.nextLong())
                .setCustomer(random.nextBoolean() ? null : randomString(random))
                .setStatus(Status.values()[random.nextInt(Status.values().length)])
                .setLines(lines).setAttributes(attributes).setPayload(ByteBuffer.wrap(payload))
                .setCreatedAt(Instant.ofEpochMilli(random.nextLong() >> 20)).build();
    }

    /** A generic record of the Order schema (timestamps as plain longs, no logical conversions). */
    static GenericRecord randomGenericOrder(Random random) {
        Schema schema = Order.getClassSchema();
        Order order = randomOrder(random);
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", order.getId());
        record.put("customer", order.getCustomer());
        record.put("status", new GenericData.EnumSymbol(schema.getField("status").schema(), order.getStatus().name()));
        Schema lineSchema = schema.getField("lines").schema().getElementType();
        List<GenericRecord> lines = new ArrayList<>();
        for (OrderLine line : order.getLines()) {
            GenericRecord generic = new GenericData.Record(lineSchema);
            generic.put("sku", line.getSku());
            generic.put("quantity", line.getQuantity());
            generic.put("price", line.getPrice());
            lines.add(generic);
        }
        record.put("lines", lines);
        record.put("attributes", order.getAttributes());
        record.put("payload", order.getPayload());
        record.put("createdAt", order.getCreatedAt().toEpochMilli());
        return record;
    }

    /** Avro's binary encoding of a datum with the plain generic writer: the reference for our bytes. */
    static byte[] avroBinary(Schema schema, Object datum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new GenericDatumWriter<Object>(schema, GenericData.get()).write(datum, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A generic record without a generated class. */
    static GenericRecord payment() {
        GenericRecord payment = new GenericData.Record(TestSchemas.parse(TestSchemas.PAYMENT));
        payment.put("id", "p-1");
        payment.put("amount", 12.5);
        return payment;
    }

    /** Magic byte, big-endian id, then the Avro bytes. */
    static byte[] confluentFrame(int id, byte[] avro) {
        return ByteBuffer.allocate(5 + avro.length).put((byte) 0).putInt(id).put(avro).array();
    }
}
