package dev.millrace.serdes.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.errors.SerializationException;
import dev.millrace.serdes.avro.registry.LocalSchemaRegistryClient;
import dev.millrace.serdes.avro.registry.core.SchemaRegistry;
import dev.millrace.serdes.avro.registry.store.InMemorySchemaStore;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * Byte-level checks: what our serializer writes is exactly magic byte 0, the schema id as a big-endian
 * int, then Avro's own binary encoding of the datum; for records and for every primitive kind.
 */
class WireFormatTest {
    private final LocalSchemaRegistryClient client =
            new LocalSchemaRegistryClient(new SchemaRegistry(new InMemorySchemaStore()));

    @Test
    void shouldWriteAndReadTheHeaderBigEndian() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WireFormat.writeHeader(out, 0x01020304);
        assertThat(out.toByteArray()).containsExactly(0, 1, 2, 3, 4);
        assertThat(WireFormat.readSchemaId(new byte[] {0, 1, 2, 3, 4, 9}, RecordLocation.ofTopic("t")))
                .isEqualTo(0x01020304);
        assertThat(WireFormat.readSchemaId(new byte[] {0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe},
                RecordLocation.ofTopic("t"))).isEqualTo(-2);
        assertThatThrownBy(() -> WireFormat.readSchemaId(new byte[] {1, 0, 0, 0, 1}, RecordLocation.ofTopic("t")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magicByte=1");
    }

    @Test
    void shouldFrameRandomGenericRecordsAsMagicIdAndAvroBinary() {
        long seed = TestSchemas.seed("WireFormatTest", 0xB17E5L);
        Random random = new Random(seed);
        // Push the id past one byte so the big-endian order is visible.
        for (int i = 0; i < 300; i++) {
            client.register("filler-" + i, Schema.createFixed("F" + i, null, "x", 1));
        }
        AvroSerializer serializer = new AvroSerializer(client, Map.of(), false);
        for (int i = 0; i < 200; i++) {
            GenericRecord order = AvroTestData.randomGenericOrder(random);
            byte[] ours = serializer.serialize("orders", order);
            int id = client.getId("orders-value", order.getSchema());
            assertThat(id).isGreaterThan(255);
            assertThat(ours).as("seed=" + seed + " i=" + i)
                    .isEqualTo(AvroTestData.confluentFrame(id, AvroTestData.avroBinary(order.getSchema(), order)));
        }
    }

    @Test
    void shouldFrameEveryPrimitiveKindAndReadItBack() {
        Map<Object, Schema.Type> values = new LinkedHashMap<>();
        values.put("héllo ✓", Schema.Type.STRING);
        values.put(42, Schema.Type.INT);
        values.put(-7L, Schema.Type.LONG);
        values.put(true, Schema.Type.BOOLEAN);
        values.put(1.5f, Schema.Type.FLOAT);
        values.put(2.25d, Schema.Type.DOUBLE);
        AvroSerializer serializer = new AvroSerializer(client, Map.of(), true);
        AvroDeserializer deserializer = new AvroDeserializer(client);
        deserializer.configure(Map.of(), true);
        for (Map.Entry<Object, Schema.Type> entry : values.entrySet()) {
            Schema schema = Schema.create(entry.getValue());
            String topic = "prims-" + entry.getValue();
            byte[] bytes = serializer.serialize(topic, entry.getKey());
            int id = client.getId(topic + "-key", schema);
            assertThat(bytes).as(entry.toString())
                    .isEqualTo(AvroTestData.confluentFrame(id, AvroTestData.avroBinary(schema, entry.getKey())));
            assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(entry.getKey());
        }
        byte[] raw = {1, 2, (byte) 0xff};
        byte[] bytes = serializer.serialize("prims", raw);
        int id = client.getId("prims-key", Schema.create(Schema.Type.BYTES));
        assertThat(bytes).isEqualTo(AvroTestData.confluentFrame(id, AvroTestData.avroBinary(
                Schema.create(Schema.Type.BYTES), ByteBuffer.wrap(raw))));
        assertThat(deserializer.deserialize("prims", bytes)).isEqualTo(raw);
        assertThat(serializer.serialize("prims", ByteBuffer.wrap(raw))).isEqualTo(bytes);
    }

    @Test
    void shouldKeepNullAsNullInBothDirections() {
        AvroSerializer serializer = new AvroSerializer(client, Map.of(), false);
        AvroDeserializer deserializer = new AvroDeserializer(client);
        deserializer.configure(Map.of(), false);
        assertThat(serializer.serialize("t", null)).isNull();
        assertThat(deserializer.deserialize("t", null)).isNull();
    }

    @Test
    void shouldRejectValuesWithoutAnAvroSchemaNamingTopicAndClass() {
        AvroSerializer serializer = new AvroSerializer(client, Map.of(), false);
        assertThatThrownBy(() -> serializer.serialize("t", new Object()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("reason=unsupportedType topic=t class=java.lang.Object");
    }
}
