package dev.millrace.serdes.avro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.serdes.avro.registry.store.InMemorySchemaStore;
import dev.millrace.serdes.avro.registry.server.SchemaRegistryServer;
import dev.millrace.serdes.avro.registry.server.SchemaRegistryServerConfig;
import dev.millrace.serdes.avro.testrecords.Order;
import dev.millrace.serdes.avro.testrecords.User;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The serdes against the real REST service over HTTP (configured by {@code schema.registry.url}):
 * generic, specific and reflect round trips, and ids surviving a restart of the registry service.
 */
class HttpSerdeRoundTripTest {
    private final InMemorySchemaStore store = new InMemorySchemaStore();
    private SchemaRegistryServer server;

    @BeforeEach
    void start() {
        server = SchemaRegistryServer.start(Map.of(SchemaRegistryServerConfig.LISTENERS, "http://127.0.0.1:0"),
                store);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, Object> configs() {
        return Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url().toString());
    }

    @Test
    void shouldRoundTripSpecificGenericAndReflectValuesThroughHttp() {
        long seed = TestSchemas.seed("httpRoundTrip", 0x477FL);
        Random random = new Random(seed);
        try (SpecificAvroSerde<Order> specific = new SpecificAvroSerde<>();
                GenericAvroSerde generic = new GenericAvroSerde();
                ReflectAvroSerde<AvroSerdeRoundTripTest.Shipment> reflect =
                        new ReflectAvroSerde<>(AvroSerdeRoundTripTest.Shipment.class)) {
            specific.configure(configs(), false);
            generic.configure(configs(), false);
            reflect.configure(configs(), false);
            for (int i = 0; i < 50; i++) {
                Order order = AvroTestData.randomOrder(random);
                String facts = "seed=" + seed + " i=" + i;
                assertThat(specific.deserializer().deserialize("orders",
                        specific.serializer().serialize("orders", order))).as(facts).isEqualTo(order);
                GenericRecord record = AvroTestData.randomGenericOrder(random);
                GenericRecord back = generic.deserializer().deserialize("generic-orders",
                        generic.serializer().serialize("generic-orders", record));
                assertThat(GenericData.get().toString(back)).as(facts).isEqualTo(GenericData.get().toString(record));
            }
            AvroSerdeRoundTripTest.Shipment shipment = new AvroSerdeRoundTripTest.Shipment("s1", 500, List.of("a"));
            assertThat(reflect.deserializer().deserialize("ship", reflect.serializer().serialize("ship", shipment)))
                    .usingRecursiveComparison().isEqualTo(shipment);
        }
        assertThat(server.registry().subjects(false)).containsExactly("generic-orders-value", "orders-value",
                "ship-value");
    }

    @Test
    void shouldReadOldRecordsAfterTheRegistryRestartsOnTheSameStore() {
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(configs(), false);
        byte[] bytes = serializer.serialize("users", User.newBuilder().setFullName("Ken").build());
        server.close();

        server = SchemaRegistryServer.start(Map.of(SchemaRegistryServerConfig.LISTENERS, "http://127.0.0.1:0"),
                store);
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url().toString(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        assertThat(deserializer.deserialize("users", bytes)).isEqualTo(User.newBuilder().setFullName("Ken").build());
    }
}
