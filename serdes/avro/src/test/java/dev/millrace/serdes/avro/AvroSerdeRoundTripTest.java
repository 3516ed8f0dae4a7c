package dev.millrace.serdes.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.errors.SerializationException;
import dev.millrace.serdes.avro.registry.MockSchemaRegistry;
import dev.millrace.serdes.avro.registry.SchemaRegistryClient;
import dev.millrace.serdes.avro.subject.RecordNameStrategy;
import dev.millrace.serdes.avro.subject.TopicRecordNameStrategy;
import dev.millrace.serdes.avro.testrecords.Order;
import dev.millrace.serdes.avro.testrecords.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Round trips of the generic, specific and reflect serdes and of the any-value serializer through
 * {@code mock://} registries, configured the way applications configure them (by map), plus subject
 * name strategies and {@code auto.register.schemas=false}.
 */
class AvroSerdeRoundTripTest {
    private static final long DEFAULT_SEED = 0xA7120L;
    private static final int VALUES = 300;
    private static final String SCOPE = "AvroSerdeRoundTripTest";

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    private static Map<String, Object> configs(Object... extra) {
        Map<String, Object> configs = new HashMap<>();
        configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);
        for (int i = 0; i < extra.length; i += 2) {
            configs.put((String) extra[i], extra[i + 1]);
        }
        return configs;
    }

    /** A plain class for the reflect serde. */
    static final class Shipment {
        String id;
        int weightGrams;
        List<String> tags = new ArrayList<>();

        Shipment() {
        }

        Shipment(String id, int weightGrams, List<String> tags) {
            this.id = id;
            this.weightGrams = weightGrams;
            this.tags = tags;
        }
    }

    @Test
    void shouldRoundTripRandomSpecificRecordsBetweenSeparatelyConfiguredSerdes() {
        long seed = TestSchemas.seed("specificRoundTrip", DEFAULT_SEED);
        Random random = new Random(seed);
        try (SpecificAvroSerde<Order> producerSide = new SpecificAvroSerde<>();
                SpecificAvroSerde<Order> consumerSide = new SpecificAvroSerde<>()) {
            producerSide.configure(configs(), false);
            consumerSide.configure(configs(), false);
            for (int i = 0; i < VALUES; i++) {
                Order order = AvroTestData.randomOrder(random);
                byte[] bytes = producerSide.serializer().serialize("orders", order);
                assertThat(consumerSide.deserializer().deserialize("orders", bytes)).as("seed=" + seed + " i=" + i)
                        .isEqualTo(order);
            }
        }
        assertThat(MockSchemaRegistry.getClientForScope(SCOPE).getAllSubjects()).containsExactly("orders-value");
    }

    @Test
    void shouldRoundTripRandomGenericRecords() {
        long seed = TestSchemas.seed("genericRoundTrip", DEFAULT_SEED);
        Random random = new Random(seed);
        try (GenericAvroSerde serde = new GenericAvroSerde()) {
            serde.configure(configs(), true);
            for (int i = 0; i < VALUES; i++) {
                GenericRecord order = AvroTestData.randomGenericOrder(random);
                byte[] bytes = serde.serializer().serialize("orders", order);
                GenericRecord back = serde.deserializer().deserialize("orders", bytes);
                String facts = "seed=" + seed + " i=" + i;
                assertThat(GenericData.get().toString(back)).as(facts).isEqualTo(GenericData.get().toString(order));
                assertThat(serde.serializer().serialize("orders", back)).as(facts).isEqualTo(bytes);
            }
        }
        assertThat(MockSchemaRegistry.getClientForScope(SCOPE).getAllSubjects()).containsExactly("orders-key");
    }

    @Test
    void shouldReadSpecificClassesWithTheAnyValueDeserializerWhenSpecificReaderIsOn() {
        long seed = TestSchemas.seed("specificReader", DEFAULT_SEED);
        Random random = new Random(seed);
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(configs(), false);
        AvroDeserializer specific = new AvroDeserializer();
        specific.configure(configs(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"), false);
        AvroDeserializer generic = new AvroDeserializer();
        generic.configure(configs(), false);
        for (int i = 0; i < 50; i++) {
            Order order = AvroTestData.randomOrder(random);
            byte[] bytes = serializer.serialize("orders", order);
            assertThat(specific.deserialize("orders", bytes)).as("seed=" + seed + " i=" + i).isEqualTo(order);
            assertThat(generic.deserialize("orders", bytes)).isInstanceOf(GenericData.Record.class)
                    .isNotInstanceOf(Order.class);
        }
        assertThat(specific.deserialize("strings", serializer.serialize("strings", "plain"))).isEqualTo("plain");
    }

    @Test
    void shouldRoundTripPlainClassesThroughReflection() {
        long seed = TestSchemas.seed("reflectRoundTrip", DEFAULT_SEED);
        Random random = new Random(seed);
        try (ReflectAvroSerde<Shipment> serde = new ReflectAvroSerde<>(Shipment.class)) {
            serde.configure(configs(), false);
            for (int i = 0; i < 100; i++) {
                List<String> tags = new ArrayList<>();
                for (int t = random.nextInt(3); t > 0; t--) {
                    tags.add(AvroTestData.randomString(random));
                }
                Shipment shipment = new Shipment(AvroTestData.randomString(random), random.nextInt(), tags);
                Shipment back = serde.deserializer().deserialize("shipments",
                        serde.serializer().serialize("shipments", shipment));
                assertThat(back).as("seed=" + seed + " i=" + i).usingRecursiveComparison().isEqualTo(shipment);
            }
        }
    }

    @Test
    void shouldAllowNullFieldsInReflectionOnlyWhenConfigured() {
        Shipment withNull = new Shipment(null, 3, List.of());
        try (ReflectAvroSerde<Shipment> strict = new ReflectAvroSerde<>(Shipment.class)) {
            strict.configure(configs(), false);
            assertThatThrownBy(() -> strict.serializer().serialize("strict", withNull))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("reason=avroWriteFailed topic=strict");
        }
        try (ReflectAvroSerde<Shipment> lenient = new ReflectAvroSerde<>(Shipment.class)) {
            lenient.configure(configs(AvroSerdeConfig.AVRO_REFLECTION_ALLOW_NULL, true), false);
            Shipment back = lenient.deserializer().deserialize("lenient",
                    lenient.serializer().serialize("lenient", withNull));
            assertThat(back).usingRecursiveComparison().isEqualTo(withNull);
        }
    }

    @Test
    void shouldNameSubjectsByTheConfiguredStrategies() {
        SchemaRegistryClient registry = MockSchemaRegistry.getClientForScope(SCOPE);
        User user = User.newBuilder().setFullName("Ada").build();
        AvroSerializer byRecord = new AvroSerializer();
        byRecord.configure(configs(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, RecordNameStrategy.class), false);
        byRecord.serialize("people", user);
        AvroSerializer byTopicRecord = new AvroSerializer();
        byTopicRecord.configure(configs(AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"), true);
        byTopicRecord.serialize("people", user);
        byTopicRecord.serialize("people", 7L);
        AvroSerializer byTopic = new AvroSerializer();
        byTopic.configure(configs(AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, TopicRecordNameStrategy.class.getName(),
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "TopicNameStrategy"), false);
        byTopic.serialize("people", user);
        assertThat(registry.getAllSubjects()).containsExactly("dev.millrace.serdes.avro.testrecords.User",
                "people-dev.millrace.serdes.avro.testrecords.User", "people-long", "people-value");
    }

    @Test
    void shouldOnlyLookUpSchemasWhenAutoRegisterIsOff() {
        AvroSerializer lookupOnly = new AvroSerializer();
        lookupOnly.configure(configs(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);
        User user = User.newBuilder().setFullName("Ada").setEmail("ada@example.com").build();
        assertThatThrownBy(() -> lookupOnly.serialize("people", user))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("reason=registryFailed topic=people subject=people-value")
                .hasMessageContaining("errorCode=40401");
        int id = MockSchemaRegistry.getClientForScope(SCOPE).register("people-value", User.getClassSchema());
        byte[] bytes = lookupOnly.serialize("people", user);
        assertThat(WireFormat.readSchemaId(bytes, RecordLocation.ofTopic("people"))).isEqualTo(id);
        assertThat(MockSchemaRegistry.getClientForScope(SCOPE).getAllVersions("people-value")).containsExactly(1);
    }

    @Test
    void shouldShareOneRegistryPerMockScopeAndIsolateScopes() {
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(configs(), false);
        byte[] bytes = serializer.serialize("t", User.newBuilder().setFullName("x").build());
        AvroDeserializer sameScope = new AvroDeserializer();
        sameScope.configure(configs(), false);
        assertThat(sameScope.deserialize("t", bytes)).isNotNull();
        AvroDeserializer otherScope = new AvroDeserializer();
        otherScope.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE + "-other"), false);
        assertThatThrownBy(() -> otherScope.deserialize("t", bytes)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("reason=unknownSchemaId");
        MockSchemaRegistry.dropScope(SCOPE + "-other");
    }
}
